/*
 * demo/vdso/boot.c - `vdso boot [COMMAND...]`: the program as /init,
 * process 1 under a real kernel.
 *
 * `make boot` (tests/boot/boot.sh) packs build/<arch>/vdso into an initramfs
 * as /init and boots a Debian kernel in qemu-system-x86_64.  The kernel
 * unpacks the archive into its root file system, opens /dev/console as
 * file descriptors 0, 1 and 2, and executes /init as process 1 (the
 * kernel's init/main.c: console_on_rootfs, kernel_init), with the words
 * after "--" of its command line as arguments: `make boot` puts "boot"
 * there.  Only that asks for this mode: being process 1 is not asking,
 * since a container's first process is process 1 too, and must simply
 * run its command.
 *
 * What process 1 has, and what it must not count on:
 *   - the files of the initramfs and nothing else: no /proc, no /sys, no
 *     devtmpfs; the device nodes it uses (/dev/console, /dev/ttyS1) are in
 *     the archive itself.  With VDSO_PROC=1 on the kernel's command line
 *     (an unknown NAME=VALUE reaches init's environment), init mounts
 *     /proc first, so that `map` names the data pages and `check` can
 *     make a time namespace with offsets.  With VDSO_CLOCKSOURCES=hpet,acpi_pm
 *     it mounts /sys and, after the steps, runs `call` again on each of
 *     those clocksources in turn (the step "call clocksource=hpet"):
 *     root switches the clocksource by writing its name to
 *     /sys/devices/system/clocksource/clocksource0/current_clocksource
 *     (kernel/time/clocksource.c), and `call` shows which vDSO calls then
 *     fall back to the system call.  With VDSO_LESSON=/data, a lesson
 *     packed beside /init (tests/boot/boot.sh -f) runs after the steps
 *     (the step "data") and again after each clocksource's `call` ("data
 *     clocksource=hpet"), executed in the step's child.  With
 *     VDSO_LESSONS=/stack,/auxv,... each of those runs once, after the
 *     steps and before that lesson (the step "lesson stack");
 *   - arguments and environment made by the kernel from its command line:
 *     what the kernel does not know goes to init, and everything after
 *     "--" goes to init as arguments (Documentation/admin-guide/
 *     kernel-parameters.rst);
 *   - the duty never to end: when process 1 exits, or dies of a signal, the
 *     kernel panics with "Attempted to kill init!" (kernel/exit.c).
 *
 * So init here is a small supervisor.  Each step runs in a child process,
 * so that a crash in one step is reported and the next one still runs:
 *
 *   boot          the summary, auxv, syms, call, gate, map, vsyscall, check, tour - each through the
 *                 same dispatcher as the command line, which main passes
 *                 in - then the live vDSO image, written raw to the
 *                 second serial port, /dev/ttyS1, which QEMU saves to a
 *                 host file;
 *   boot COMMAND  (kernel command line "... -- boot auxv") only that;
 *                 several with "+" between them, "image" the step that
 *                 sends the image ("-- boot syms + call + check + image"):
 *                 one boot for what would take several, where a boot
 *                 costs many seconds (an emulated ARM machine); a word
 *                 with a '/' first is a lesson packed beside /init
 *                 ("-- boot vsyscall + /vsyscall": the step "lesson
 *                 vsyscall").
 *
 * Every step is framed on the console by lines the tests look for:
 *
 *   === vdso-boot: begin auxv ===
 *   ...
 *   === vdso-boot: end auxv status=0 ===
 *
 * and at the end init powers the machine off with reboot(2), which makes
 * QEMU exit by itself.
 */
#include <lib/lib.h>
#include <start/start.h>
#include <vdso/vdso.h>
#include <linux/auxvec.h>
#include <linux/reboot.h>
#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <asm/signal.h>
#include "commands.h"

#define MARK "=== vdso-boot: "

/* The second serial port: QEMU's second -serial, char major 4 minor 65
 * (Documentation/admin-guide/devices.txt). */
#define DUMP_TTY "/dev/ttyS1"

/* A step: its name on the console and the command line it runs. */
struct step {
	const char *name;
	int argc;
	char **argv;            /* as main's: argv[0] is the program's name */
};

static char *argv_summary[] = { "vdso", 0 };
static char *argv_auxv[] = { "vdso", "auxv", 0 };
static char *argv_syms[] = { "vdso", "syms", 0 };
static char *argv_call[] = { "vdso", "call", 0 };
static char *argv_gate[] = { "vdso", "gate", 0 };
static char *argv_map[] = { "vdso", "map", 0 };
static char *argv_vsyscall[] = { "vdso", "vsyscall", 0 };
static char *argv_check[] = { "vdso", "check", 0 };
static char *argv_tour[] = { "vdso", "tour", 0 };

static const struct step default_steps[] = {
	{ "summary", 1, argv_summary },
	{ "auxv", 2, argv_auxv },
	{ "syms", 2, argv_syms },
	{ "call", 2, argv_call },
	{ "gate", 2, argv_gate },
	{ "map", 2, argv_map },
	{ "vsyscall", 2, argv_vsyscall },
	{ "check", 2, argv_check },
	{ "tour", 2, argv_tour },
};

/* ---- another clocksource ------------------------------------------------------ */

#define CLOCKSOURCE_FILE "/sys/devices/system/clocksource/clocksource0/current_clocksource"

static int (*dispatch)(int, char **);  /* main's, for the steps below */

/* The current clocksource's name into buf (its newline cut), or "?". */
static void current_clocksource(char *buf, size_t size)
{
	long fd = sys_openat(AT_FDCWD, CLOCKSOURCE_FILE, O_RDONLY | O_CLOEXEC, 0), n = -1;

	if (fd >= 0) {
		n = sys_read((int)fd, buf, size - 1);
		sys_close((int)fd);
	}
	if (n <= 0)
		n = 0, buf[n++] = '?';
	if (buf[n - 1] == '\n')
		n--;
	buf[n] = 0;
}

/* argv[1]: the clocksource to switch to; then `call`, which says which
 * calls through the vDSO entered the kernel. */
static int call_on_clocksource(int argc, char **argv)
{
	static char *argv_call_here[] = { "vdso", "call", 0 };
	char now[64];
	long fd, r;

	(void)argc;
	fd = sys_openat(AT_FDCWD, CLOCKSOURCE_FILE, O_WRONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return file_error("boot", CLOCKSOURCE_FILE, fd);
	r = write_all((int)fd, argv[1], strlen(argv[1]));
	sys_close((int)fd);
	if (r < 0)
		return file_error("boot", argv[1], r);
	current_clocksource(now, sizeof now);
	out_printf(&out_stdout, "clocksource: %s\n", now);
	if (!str_eq(now, argv[1]))
		return report("boot", argv[1], "the kernel kept another clocksource", now);
	return dispatch(2, argv_call_here);
}

/* ---- a lesson ---------------------------------------------------------------- */

/* argv[0]: a program of the initramfs (VDSO_LESSON), in place of this
 * child; only a failure returns. */
static int run_lesson(int argc, char **argv)
{
	long r;

	(void)argc;
	r = sys_call(__NR_execve, (long)argv[0], (long)argv, (long)start_envp, 0, 0, 0);
	file_error("boot", argv[0], r);
	return 127;     /* as a shell says a program it could not run */
}

static int run_step(const char *name, int (*run)(int, char **), int argc, char **argv);

/* The lesson's step: its file's name (after "lesson " for the lessons of
 * VDSO_LESSONS, whose names may be the tool's steps' too: "lesson auxv"),
 * and " clocksource=CS" after a switch. */
static int run_lesson_step(const char *path, const char *prefix, const char *cs)
{
	char *argv_lesson[] = { (char *)path, 0 };
	char name[96];
	const char *base = path;
	size_t n = strlen(prefix);

	memcpy(name, prefix, n);        /* "" or "lesson " */
	for (; *path; path++)
		if (*path == '/')
			base = path + 1;
	memcpy(name + n, base, strlen(base) < 32 ? strlen(base) : 32);
	n += strlen(base) < 32 ? strlen(base) : 32;
	if (cs && strlen(cs) < 32) {
		memcpy(name + n, " clocksource=", 13);
		memcpy(name + n + 13, cs, strlen(cs));
		n += 13 + strlen(cs);
	}
	name[n] = 0;
	return run_step(name, run_lesson, 1, argv_lesson);
}

/* ---- the live image -------------------------------------------------------- */

/* The image and its size come from vdso_find (vdso/find.c): the address
 * from AT_SYSINFO_EHDR, the length from the image's own headers. */

/*
 * The POSIX cksum of n bytes: CRC-32 with polynomial 0x04C11DB7, high bit
 * first, over the bytes and then the length (low byte first, as few bytes
 * as it takes), complemented (POSIX, the cksum utility).  The host checks
 * the file it got with `cksum FILE`.
 */
static uint32_t crc_byte(uint32_t crc, unsigned char c)
{
	int i;

	crc ^= (uint32_t)c << 24;
	for (i = 0; i < 8; i++)
		crc = crc & 0x80000000u ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
	return crc;
}

static uint32_t posix_cksum(const unsigned char *p, size_t n)
{
	uint32_t crc = 0;
	size_t i, len;

	for (i = 0; i < n; i++)
		crc = crc_byte(crc, p[i]);
	for (len = n; len; len >>= 8)
		crc = crc_byte(crc, (unsigned char)(len & 0xff));
	return ~crc;
}

/*
 * A serial port in raw mode, as termios(3)'s cfmakeraw does it: above all
 * without OPOST, so the tty layer does not turn "\n" into "\r\n" (ONLCR,
 * the kernel's drivers/tty/n_tty.c), and 8 bits a byte with no parity.
 */
static long tty_raw(int fd)
{
	struct termios t;
	long r = sys_ioctl(fd, TCGETS, &t);

	if (r < 0)
		return r;
	t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t.c_oflag &= ~OPOST;
	t.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t.c_cflag &= ~(CSIZE | PARENB);
	t.c_cflag |= CS8;
	return sys_ioctl(fd, TCSETS, &t);
}

/* tcdrain: TCSBRK with a non-zero argument sends no break and only waits
 * until the output has left the port (drivers/tty/tty_io.c). */
static long tty_drain(int fd)
{
	return sys_ioctl(fd, TCSBRK, (void *)1);
}

/*
 * Where a machine has no second serial port (QEMU's ARM "virt" has one
 * PL011), the image goes on the console instead, as hex between two
 * marks, 32 bytes a line; tests/boot/boot.sh turns it back into bytes.
 */
static void dump_as_hex(const unsigned char *image, size_t size)
{
	struct out *o = &out_stdout;
	size_t i;

	out_printf(o, MARK "hex %lu ===\n", (unsigned long)size);
	for (i = 0; i < size; i++)
		out_printf(o, (i % 32 == 31 || i == size - 1) ? "%02x\n" : "%02x", image[i]);
	out_str(o, MARK "hex end ===\n");
}

/* The dump step: the live image, byte for byte, to /dev/ttyS1. */
static int dump_to_serial(int argc, char **argv)
{
	const unsigned char *image;
	const char *why;
	size_t size = 0, done = 0;
	long fd, r;

	(void)argc, (void)argv;
	if (vdso_find(&image, &size, &why) < 0) {
		return report("dump", 0, "no vDSO", why);
	}
	/* O_NOCTTY: process 1 must not take the port as its controlling tty. */
	fd = sys_openat(AT_FDCWD, DUMP_TTY, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
	if (fd == -ENOENT) {    /* the initramfs has no such node: no second port */
		dump_as_hex(image, size);
		out_printf(&out_stdout, "dump: %lu bytes of the live vDSO at 0x%lx as hex on the console\n",
			   (unsigned long)size, (unsigned long)image);
		out_printf(&out_stdout, "dump: cksum %u %lu\n", (unsigned)posix_cksum(image, size),
			   (unsigned long)size);
		return 0;
	}
	if (fd < 0) {
		return file_error("boot", "open " DUMP_TTY, fd);
	}
	if ((r = tty_raw((int)fd)) < 0) {
		return file_error("boot", DUMP_TTY ": TCSETS", r);
	}
	while (done < size) {
		r = sys_write((int)fd, image + done, size - done);
		if (r == -EINTR)
			continue;
		if (r <= 0) {
			return file_error("boot", "write " DUMP_TTY, r ? r : -EIO);
		}
		done += (size_t)r;
	}
	if ((r = tty_drain((int)fd)) < 0) {
		return file_error("boot", DUMP_TTY ": TCSBRK", r);
	}
	sys_close((int)fd);
	out_printf(&out_stdout, "dump: %lu bytes of the live vDSO at 0x%lx to " DUMP_TTY "\n",
		   (unsigned long)size, (unsigned long)image);
	/* one line for the tests: compare with `cksum FILE` on the host */
	out_printf(&out_stdout, "dump: cksum %u %lu\n", (unsigned)posix_cksum(image, size),
		   (unsigned long)size);
	return 0;
}

/* ---- the supervisor -------------------------------------------------------- */

static long init_wait(long pid, int *status)
{
	long r;

	do
		r = sys_wait4((int)pid, status, 0);
	while (r == -EINTR);
	return r;
}

/*
 * Run one step in a child and return its status as a shell shows it: the
 * exit status, or 128 + the signal that killed it.
 */
static int run_step(const char *name, int (*run)(int, char **), int argc, char **argv)
{
	int ws = 0, status;
	long pid, r;

	out_printf(&out_stdout, MARK "begin %s ===\n", name);
	out_flush_all();        /* or the child would print it a second time */

	pid = sys_fork();
	if (pid == 0) {         /* the child: run, flush, exit */
		status = run(argc, argv);
		out_flush_all();
		sys_exit_group(status);
	}
	if (pid < 0) {
		file_error("boot", "fork", pid);
		status = 1;
	} else if ((r = init_wait(pid, &ws)) < 0) {
		file_error("boot", "wait4", r);
		status = 1;
	} else if ((ws & 0x7f) == 0) {  /* exited: WIFEXITED, WEXITSTATUS */
		status = (ws >> 8) & 0xff;
	} else {                        /* killed: WTERMSIG */
		status = 128 + (ws & 0x7f);
	}

	out_printf(&out_stdout, MARK "end %s status=%d", name, status);
	if (status > 128) {
		out_printf(&out_stdout, " signal=%d", status - 128);
	}
	out_str(&out_stdout, " ===\n");
	out_flush_all();
	return status;
}

/* The words of argv[1..] joined by spaces, as the step's name. */
static const char *join_args(int argc, char **argv, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	for (i = 1; i < argc; i++) {
		size_t len = strlen(argv[i]);

		if (n + len + 2 > size)
			break;
		if (i > 1)
			buf[n++] = ' ';
		memcpy(buf + n, argv[i], len);
		n += len;
	}
	buf[n] = 0;
	return buf;
}

int boot_main(int argc, char **argv, int (*run_command)(int, char **))
{
	const char *clocksources, *lesson = env_get("VDSO_LESSON"), *lessons;
	int status, first_failure = 0;
	unsigned i;
	long r;

	if (sys_getpid() != 1)
		return usage_error("boot", 0, "only as process 1, the kernel's /init");

	out_printf(&out_stdout, MARK "init pid=%ld arch=" ARCH_NAME " ===\n", sys_getpid());
	dispatch = run_command;
	clocksources = env_get("VDSO_CLOCKSOURCES");
	if (str_eq(env_get("VDSO_PROC") ? env_get("VDSO_PROC") : "", "1")) {
		/* mount -t proc proc /proc (the initramfs has the folder) */
		r = sys_call(__NR_mount, (long)"proc", (long)"/proc", (long)"proc", 0, 0, 0);
		out_printf(&out_stdout, MARK "mount /proc: %s ===\n",
			   r == 0 ? "done" : errno_name((int)r));
	}
	if (clocksources) {
		char now[64];

		r = sys_call(__NR_mount, (long)"sysfs", (long)"/sys", (long)"sysfs", 0, 0, 0);
		current_clocksource(now, sizeof now);
		out_printf(&out_stdout, MARK "mount /sys: %s; clocksource: %s ===\n",
			   r == 0 ? "done" : errno_name((int)r), now);
	}

	if (argc > 1) {
		/* Commands from the kernel's command line, after "-- boot":
		 * each in turn, a "+" between two. */
		char name[128], *group[16];
		int n = 0, k;

		for (k = 1; k <= argc; k++) {
			if (k < argc && strcmp(argv[k], "+") != 0) {
				if (n < 14)
					group[++n] = argv[k];
				continue;
			}
			if (!n)
				continue;
			group[0] = argv[0];
			group[n + 1] = 0;
			if (n == 1 && strcmp(group[1], "image") == 0)
				status = run_step("dump", dump_to_serial, 0, 0);
			else if (n == 1 && group[1][0] == '/')  /* a lesson packed beside /init */
				status = run_lesson_step(group[1], "lesson ", 0);
			else
				status = run_step(join_args(n + 1, group, name, sizeof name),
						  run_command, n + 1, group);
			if (status && !first_failure)
				first_failure = status;
			n = 0;
		}
	} else {
		for (i = 0; i < sizeof default_steps / sizeof default_steps[0]; i++) {
			const struct step *s = &default_steps[i];

			status = run_step(s->name, run_command, s->argc, s->argv);
			if (status && !first_failure)
				first_failure = status;
		}
		/* "/stack,/auxv": each lesson once */
		for (lessons = env_get("VDSO_LESSONS"); lessons && *lessons; ) {
			char path[64];
			size_t n = 0;

			while (*lessons && *lessons != ',' && n + 1 < sizeof path)
				path[n++] = *lessons++;
			path[n] = 0;
			while (*lessons && *lessons++ != ',')
				;       /* a name too long was cut; skip its rest and the comma */
			if (n && (status = run_lesson_step(path, "lesson ", 0)) && !first_failure)
				first_failure = status;
		}
		if (lesson && (status = run_lesson_step(lesson, "", 0)) && !first_failure)
			first_failure = status;
		/* "hpet,acpi_pm": `call` on each, in turn */
		while (clocksources && *clocksources) {
			char cs[32], step[64];
			char *argv_cs[] = { "clocksource", cs, 0 };
			size_t n = 0;

			while (*clocksources && *clocksources != ',' && n + 1 < sizeof cs)
				cs[n++] = *clocksources++;
			cs[n] = 0;
			while (*clocksources && *clocksources++ != ',')
				;       /* a name too long was cut; skip its rest and the comma */
			memcpy(step, "call clocksource=", 17);
			memcpy(step + 17, cs, n + 1);
			status = run_step(step, call_on_clocksource, 2, argv_cs);
			if (status && !first_failure)
				first_failure = status;
			if (lesson && (status = run_lesson_step(lesson, "", cs)) && !first_failure)
				first_failure = status;
		}
		status = run_step("dump", dump_to_serial, 0, 0);
		if (status && !first_failure)
			first_failure = status;
	}

	/* The host reads this line for its exit status (tests/boot/boot.sh). */
	out_printf(&out_stdout, MARK "power off status=%d ===\n", first_failure);
	out_flush_all();
	tty_drain(1);           /* every byte out of the UART before the power goes */
	sys_sync();             /* nothing to write back in an initramfs, but the
				 * rule of reboot(2) is: sync first */
	r = sys_reboot(LINUX_REBOOT_CMD_POWER_OFF);
	/* Only a failure comes back.  Returning from here ends process 1 and the
	 * kernel panics: with panic=-1 it reboots at once, QEMU (-no-reboot)
	 * exits, and the host sees the panic in the log. */
	file_error("boot", "reboot(LINUX_REBOOT_CMD_POWER_OFF)", r);
	out_flush_all();
	return 1;
}
