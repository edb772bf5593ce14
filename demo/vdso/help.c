/*
 * demo/vdso/help.c - `vdso help [COMMAND]` and `vdso COMMAND --help`: the
 * commands, one line each, or one command's usage and options.
 *
 * The words are the manual's: the build turns the COMMANDS section of
 * vdso.1 into build/<arch>/gen/manual.h (demo/vdso/manual.awk), so the
 * page and the help cannot drift apart.  The list of commands is main.c's
 * table, the one that runs them: a command that the page lacks is listed
 * here as such, and tests/92-install.t fails on it.
 */
#include <lib/lib.h>
#include <vdso/vdso.h>
#include "commands.h"

struct manual_entry {
	const char *name;
	const char *usage;      /* the first usage line, without "vdso " */
	const char *summary;    /* the first paragraph, one short line */
	const char *text;       /* usage lines, paragraphs, options, as text */
};
#include "manual.h"

#define NMANUAL (sizeof manual / sizeof manual[0])
#define SUMMARY_COLUMN 22

static const struct manual_entry *manual_find(const char *name)
{
	unsigned i;

	for (i = 0; i < NMANUAL; i++)
		if (str_eq(name, manual[i].name))
			return &manual[i];
	return 0;
}

/* The names `vdso call NAME` takes: the arch's table (vdso/vdso.h),
 * after head and within 79 columns, a longer line going on under the first
 * name. */
static void print_call_names(struct out *o, const char *head)
{
	int indent = (int)strlen(head), column = indent, len;
	unsigned i;

	out_str(o, head);
	for (i = 0; i < VDSO_NCALLS; i++) {
		len = (int)strlen(vdso_calls[i].name);
		if (column > indent && column + 1 + len > 79) {
			out_char(o, '\n');
			out_repeat(o, ' ', indent);
			column = indent;
		}
		out_printf(o, " %s", vdso_calls[i].name);
		column += 1 + len;
	}
	out_char(o, '\n');
}

/* "  usage...          summary", the summary on a line of its own when
 * the usage is too long to leave it room. */
static void print_line(struct out *o, const char *usage, const char *summary)
{
	int len = 2 + (int)strlen(usage);

	out_printf(o, "  %s", usage);
	if (len >= SUMMARY_COLUMN) {
		out_char(o, '\n');
		len = 0;
	}
	out_repeat(o, ' ', SUMMARY_COLUMN - len);
	out_printf(o, "%s\n", summary);
}

static int overview(void)
{
	struct out *o = &out_stdout;
	const struct manual_entry *m;
	unsigned i;

	out_str(o, "usage: vdso [COMMAND [ARG...]]\n"
		"       vdso help COMMAND, or vdso COMMAND --help: its usage and options\n\n");
	print_line(o, "(none)", "where the vDSO is, its symbols, one call both ways");
	for (i = 0; i < n_commands; i++) {
		if (commands[i].name[0] == '-')
			continue;       /* the options, below */
		m = manual_find(commands[i].name);
		if (!m) {
			print_line(o, commands[i].name, "(not in the manual: vdso.1 lacks it)");
			continue;
		}
		print_line(o, m->usage, m->summary);
		if (str_eq(m->name, "call"))
			print_call_names(o, "                      NAME:");
	}
	m = manual_find("help");
	print_line(o, m ? m->usage : "help", m ? m->summary : "(not in the manual: vdso.1 lacks it)");
	print_line(o, "--help, -h", "this text");
	print_line(o, "--version", "the version");
	out_str(o, "\nEnvironment: VDSO=off ignores the vDSO and the gate (i386's), so that every\n"
		"call is a plain system call (`" ARCH_RAW_ENTRY "` on " ARCH_NAME ").\n"
		"The manual: man vdso (in the source tree: man -l vdso.1).\n");
	return 0;
}

int help_command(const char *name)
{
	const struct manual_entry *m = manual_find(name);

	if (!m)
		return usage_error("help", name, "no such command");
	out_str(&out_stdout, m->text);
	if (str_eq(name, "call"))
		print_call_names(&out_stdout, "\nNAME, here:");
	return 0;
}

int is_help(const char *name)
{
	return str_eq(name, "help") || str_eq(name, "--help") || str_eq(name, "-h");
}

int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return usage_error("help", argv[2], "one command at most");
	return argc == 2 ? help_command(argv[1]) : overview();
}
