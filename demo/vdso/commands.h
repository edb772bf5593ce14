/* demo/vdso/commands.h - the subcommands of the vdso tool (demo/vdso/main.c), one file each. */
#ifndef COMMANDS_H
#define COMMANDS_H

#include <lib/lib.h>
#include <vdso/vdso.h>
#include <elf/readelf.h>       /* the readelf layer: `vdso read`, the tour */

/* The commands, as demo/vdso/main.c runs them and `vdso help` lists them. */
struct command {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0] is the command's name */
	int live;               /* it needs the live vDSO: vdso_init first */
};
extern const struct command commands[];
extern const unsigned n_commands;
/* "help", "--help" and "-h" (demo/vdso/help.c), which main.c runs. */
int is_help(const char *name);

/* Each takes its own argv (argv[0] is its name) and returns the exit status. */
int cmd_summary(int argc, char **argv);
int cmd_auxv(int argc, char **argv);
int cmd_syms(int argc, char **argv);
int cmd_call(int argc, char **argv);
int cmd_gate(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_read(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_signal(int argc, char **argv);
int cmd_vsyscall(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_tour(int argc, char **argv);
int cmd_trace(int argc, char **argv);
/* demo/vdso/help.c: the list of commands, or one command's part of the
 * manual (vdso.1); help_command returns 0, or 2 for an unknown name. */
int cmd_help(int argc, char **argv);
int help_command(const char *name);
/* demo/vdso/call.c: `vdso tour 7`, one getrandom call and its state. */
int call_getrandom_step(void);
/* demo/vdso/helpers.c: the arch's page of helpers at a fixed address,
 * if it has one (32-bit arm's kuser helpers): 0 or 1, else -1 (none). */
int helper_page_show(struct out *o);

/*
 * demo/vdso/report.c: every error line in one form,
 *     vdso: WHAT: SUBJECT: REASON (DETAIL)
 * SUBJECT (escaped) and DETAIL may be 0.  Each returns the exit status.
 */
int report(const char *what, const char *subject, const char *reason,
	   const char *detail);                                 /* 1 */
int file_error(const char *what, const char *subject, long err); /* 1: ENAME (message) */
int reader_error(const char *what, const char *subject, int err); /* 1: the reader's */
/* 1 after one line on stderr if clock_gettime(CLOCK_MONOTONIC), by the
 * vDSO's path or the system call, fails: no figure can be measured. */
int timer_failed(const char *what, int by_vdso);
int usage_error(const char *what, const char *arg, const char *reason); /* 2 */
/* Is the live vDSO open?  If not: "vdso: WHAT: no vDSO (why)", and 0. */
int live_vdso(const char *what);

/* demo/vdso/self.c: this program's name in a try: line (`vdso` where PATH
 * finds it, else the path it was run as), the folder of its lessons
 * ("build/x86_64/", "/usr/local/libexec/vdso/x86_64/"), and a try: line
 * with %V and %L standing for them. */
const char *tool_name(void);
const char *lesson_dir(void);
void print_try(struct out *o, const char *text);
/* The shell's lookup of NAME in $PATH: 1, its path in buf and its statx
 * in *st, for the first executable regular file; else 0. */
struct statx;
int path_lookup(const char *name, char *buf, size_t size, struct statx *st);

/* demo/vdso/tour_trace.c: the tour's last step, `vdso trace` at work. */
int tour_trace(void);

/* demo/vdso/symtab.c: symbols and image facts in readelf's style. */
void print_symbol(struct out *o, const struct elf_sym *s, int elf_class);
/* A name from an image, cut at 1024 bytes with "[...]" (a hostile image's
 * names may be megabytes long), in a field as out_field's. */
#define NAME_SHOWN 1024
void print_name(struct out *o, const char *name, int width);
/* How many names (symbols' and their versions') print_name cuts. */
unsigned count_cut_names(const struct elf_image *img);
int print_symbols(struct out *o, const struct elf_image *img);
void print_image_facts(struct out *o, const struct elf_image *img);
/* demo/vdso/dynamic.c: the dynamic table, every tag named, values as readelf -d. */
int print_dynamic(struct out *o, const struct elf_image *img);
/* demo/vdso/versions.c: DT_VERSYM, DT_VERDEF, DT_VERNEED as readelf -V. */
int print_versions(struct out *o, const struct elf_image *img);

/* demo/vdso/write.c: FILE written whole or not at all ("-": stdout). */
int dump_write(const char *what, const char *file, const void *bytes, size_t size);
/* demo/vdso/replace.c: NAME in the open directory DIR replaced whole by
 * the bytes, with the mode of OLD (the file there, or 0).  0 or -errno.
 * write_all: all n bytes to fd, over short writes and EINTR. */
long write_all(int fd, const void *bytes, size_t n);  /* 0 or -errno */
/* Set by replace_file when a temporary name could not be removed. */
extern char replace_left_behind[];
long replace_file(int dir, const char *name, const struct statx *old,
		  const void *bytes, size_t size);
/* demo/vdso/image.c: the end of every dump. */
const char *dump_default_name(const void *bytes, size_t size);
/* default name, write, and "WHAT: FILE: N bytes from 0x... (SOURCE)" */
int dump_image(const char *what, const char *file, const void *bytes, size_t size,
	       uintptr_t from, const char *source);
/* demo/vdso/proc.c: the image as /proc/self/maps and /proc/self/mem show it. */
int dump_proc(const char *file);
int dump_check(void);

/* demo/vdso/boot.c: process 1 under a real kernel, asked for as `vdso boot`:
 * the steps, each by run_command (main's dispatcher), then power off. */
int boot_main(int argc, char **argv, int (*run_command)(int argc, char **argv));

#endif
