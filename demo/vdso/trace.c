/*
 * demo/vdso/trace.c - `vdso trace`: strace for the calls that never enter
 * the kernel.  It runs a command (or attaches to a process) under ptrace(2),
 * puts a breakpoint on the entry of every function of the tracee's vDSO,
 * and prints each call as it returns.  The other trace_*.c files do the
 * rest (tracer.h lists them).
 *
 * When the tracer dies:
 *   - SIGINT, SIGTERM, SIGHUP: every breakpoint is taken out and every
 *     thread detached (trace_detach_all), the tracee goes on untouched.
 *   - SIGKILL cannot be caught.  The kernel then detaches the tracees
 *     (kernel/ptrace.c, exit_ptrace) and our breakpoints stay in their
 *     memory: the next vDSO call would die of SIGTRAP.  So a command we
 *     started gets PTRACE_O_EXITKILL: the kernel kills it with us, and no
 *     process goes on with a breakpoint in it.  A process attached with -p
 *     does not (it is not ours to kill): that is the one case where
 *     `kill -9` of the tracer leaves it to die at its next vDSO call.
 */
#include <linux/fcntl.h>
#include <start/start.h>
#include "tracer.h"

static char out_buf[OUT_BUF_SIZE];
static struct out trace_file = { .fd = -1, .buf = out_buf };

static void on_signal(int sig)
{
	(void)sig;
	trace.stop = 1;
}

static void catch(int sig, void (*handler)(int))
{
	/* No SA_RESTART: wait4 returns -EINTR, and the loop sees trace.stop. */
	struct kernel_sigaction act = {
		.handler = handler, .flags = SA_SIGINFO | SA_RESTORER, .restorer = arch_sigreturn,
	};

	sys_rt_sigaction(sig, &act, 0);
}

/* Why ptrace was refused, in one line. */
static int refused(const char *subject, long r)
{
	const char *why = 0;

	if (r == -EPERM)
		why = "not allowed: another user's process, kernel.yama.ptrace_scope, "
		      "or a seccomp filter";
	else if (r == -ENOSYS || r == -EIO || r == -EINVAL)
		why = "ptrace(2) is not implemented here (QEMU's user mode does not "
		      "emulate it for its guest)";
	else if (r == -ESRCH)
		why = "no such process";
	return report("trace", subject, why ? why : "ptrace(2) failed",
		      errno_name((int)-r));
}

#define OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACECLONE | \
		 PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEVFORKDONE)

static int has_slash(const char *s)
{
	for (; *s; s++)
		if (*s == '/')
			return 1;
	return 0;
}

/* The child: wait for the tracer's word, then exec CMD, searched in $PATH
 * as execvp(3) does; on failure, the errno to the tracer. */
static __attribute__((noreturn)) void child(int go, int err, char **argv)
{
	const char *path = env_get("PATH"), *p;
	char file[4096], c;
	long r = -ENOENT, e;
	size_t n = strlen(argv[0]);

	if (sys_read(go, &c, 1) != 1)
		sys_exit_group(127);
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	if (has_slash(argv[0])) {
		r = sys_execve(argv[0], argv, start_envp);
	} else {
		for (p = path; ; p++) {
			const char *end = p;
			size_t d;

			while (*end && *end != ':')
				end++;
			d = (size_t)(end - p);
			if (d + 1 + n < sizeof file) {
				memcpy(file, p, d);
				file[d] = '/';
				memcpy(file + d + 1, argv[0], n + 1);
				e = sys_execve(d ? file : argv[0], argv, start_envp);
				if (e != -ENOENT && e != -ENOTDIR)
					r = e;  /* EACCES and the like say more */
			}
			p = end;
			if (!*p)
				break;
		}
	}
	sys_write(err, &r, sizeof r);
	sys_exit_group(127);
}

static int start(char **argv)
{
	int go[2], err[2];
	long pid, r, e = 0;
	struct trace_thread *t;

	if (sys_pipe2(go, O_CLOEXEC) < 0 || sys_pipe2(err, O_CLOEXEC) < 0)
		return report("trace", argv[0], "no pipe", 0);
	if ((pid = sys_fork()) < 0)
		return file_error("trace", "fork", pid);
	if (pid == 0) {
		sys_close(go[1]);
		sys_close(err[0]);
		child(go[0], err[1], argv);
	}
	sys_close(go[0]);
	sys_close(err[1]);
	/* PTRACE_O_EXITKILL: if we die, so does it (above). */
	r = sys_ptrace(PTRACE_SEIZE, (int)pid, 0, OPTIONS | PTRACE_O_EXITKILL);
	if (r < 0) {
		sys_kill((int)pid, SIGKILL);
		sys_wait4((int)pid, 0, 0);
		return refused(argv[0], r);
	}
	trace.leader = (int)pid;
	t = trace_thread_new((int)pid);
	t->followed = 1;
	t->running = 1;
	sys_write(go[1], "g", 1);
	sys_close(go[1]);
	catch(SIGTERM, on_signal);
	catch(SIGHUP, on_signal);
	trace_loop();
	if (trace.stop) {
		trace_detach_all();
		sys_wait4((int)pid, &trace.leader_status, 0);
	}
	if (!trace.exec_seen && !trace.no_vdso) {
		if (sys_read(err[0], &e, sizeof e) == sizeof e && e < 0)
			return file_error("trace", argv[0], e);
		return report("trace", argv[0], "it did not start", 0);
	}
	return trace.no_vdso ? 1 : 0;
}

/* The threads of process pid: /proc/PID/task, or pid alone without /proc. */
static unsigned threads_of(int pid, int *tids, unsigned max)
{
	char path[48] = "/proc/", num[20], buf[4096];
	long fd, n, off;
	unsigned count = 0;
	uint64_t v;
	int k = fmt_udec(num, (unsigned)pid);

	memcpy(path + 6, num, (size_t)k);
	memcpy(path + 6 + k, "/task", 6);
	tids[count++] = pid;
	if ((fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) < 0)
		return count;
	while ((n = sys_call(__NR_getdents64, fd, (long)buf, sizeof buf, 0, 0, 0)) > 0)
		for (off = 0; off < n; off += *(unsigned short *)(buf + off + 16)) {
			const char *name = buf + off + 19;      /* struct linux_dirent64 */

			if (parse_u64(name, &v) == 0 && (int)v != pid && count < max)
				tids[count++] = (int)v;
		}
	sys_close((int)fd);
	return count;
}

static int attach(const char *arg)
{
	static int tids[TRACE_THREADS];
	struct trace_space *s;
	struct arch_regs r;
	const char *why;
	unsigned n, i, seized = 0;
	uint64_t v;
	int status;
	long e;

	if (parse_u64(arg, &v) < 0 || v == 0 || v > 0x7fffffff)
		return usage_error("trace", arg, "not a process id");
	trace.leader = (int)v;
	trace.attached = 1;
	n = threads_of((int)v, tids, TRACE_THREADS);
	s = trace_space_new();
	for (i = 0; i < n; i++) {
		struct trace_thread *t;

		if ((e = sys_ptrace(PTRACE_SEIZE, tids[i], 0, OPTIONS)) < 0) {
			if (i == 0)
				return refused(arg, e);
			continue;       /* a thread that ended meanwhile */
		}
		sys_ptrace(PTRACE_INTERRUPT, tids[i], 0, 0);
		if (sys_wait4(tids[i], &status, __WALL) != tids[i] || !WIFSTOPPED(status))
			continue;
		t = trace_thread_new(tids[i]);
		t->followed = 1;
		t->space = s;
		s->threads++;
		seized++;
	}
	if (trace_regs((int)v, &r) < 0) {
		trace_detach_all();
		return report("trace", arg, "its registers cannot be read", 0);
	}
	why = arch_trace_foreign(&r);
	s->tracee = &trace_tracees[why ? 0 : arch_regs_tracee(&r)];
	trace.exec_seen = 1;
	if (why || trace_image(s, (int)v, 0, &why)) {
		trace_detach_all();
		return report("trace", arg, "no vDSO to trace", why);
	}
	for (i = 0; i < TRACE_THREADS; i++)
		if (trace.threads[i].tid)
			trace_resume(&trace.threads[i]);
	catch(SIGINT, on_signal);
	catch(SIGTERM, on_signal);
	catch(SIGHUP, on_signal);
	trace_loop();
	if (trace.stop) {
		trace_detach_all();
		trace.leader_status = 0;
	}
	(void)seized;
	return 0;
}

int cmd_trace(int argc, char **argv)
{
	const char *file = 0, *pid = 0;
	int i, status;

	trace.out = &out_stderr;
	trace.leader_status = -1;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i];

		if (str_eq(o, "--")) {
			i++;
			break;
		} else if (str_eq(o, "-c")) {
			trace.count_only = 1;
		} else if (str_eq(o, "-f")) {
			trace.follow = 1;
		} else if ((str_eq(o, "-o") || str_eq(o, "-e") || str_eq(o, "-p"))) {
			if (i + 1 == argc)
				return usage_error("trace", o, "needs a value");
			if (o[1] == 'o')
				file = argv[++i];
			else if (o[1] == 'e')
				trace.only = argv[++i];
			else
				pid = argv[++i];
		} else {
			return usage_error("trace", o, "unknown option");
		}
	}
	if (!pid && i == argc)
		return usage_error("trace", 0, "no command (vdso trace -- CMD, or -p PID)");
	if (pid && i < argc)
		return usage_error("trace", argv[i], "both -p and a command");
	if (file) {
		long fd = sys_openat(AT_FDCWD, file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

		if (fd < 0)
			return file_error("trace", file, fd);
		trace_file.fd = (int)fd;
		trace.out = &trace_file;
	}
	trace.command = pid ? pid : argv[i];
	status = pid ? attach(pid) : start(argv + i);
	if (trace.count_only && (trace.exec_seen && !trace.no_vdso))
		trace_stats_print(trace.out);
	if (out_flush(trace.out) < 0 && !status)
		status = file_error("trace", file ? file : "standard error", trace.out->error);
	if (file)
		sys_close(trace_file.fd);
	if (status)
		return status;
	status = trace.leader_status;
	if (status < 0)
		return 0;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);  /* as a shell says it */
	return WEXITSTATUS(status);
}
