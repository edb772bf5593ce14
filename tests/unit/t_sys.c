/*
 * tests/unit/t_sys.c - the system call wrappers and their -errno.
 *
 * Usage: t_sys PID SIZE: the pid the script expects us to have (it execs
 * us from a shell whose $$ it knows; under QEMU the emulator keeps that
 * pid) and the size of this program's own file, from stat(1).
 * `t_sys exit N` exits with status N.
 */
#include <syscall/syscall.h>
#include <linux/time.h>
#include "check.h"

int main(int argc, char **argv, char **envp)
{
	uint64_t pid = 0, size = 0, status = 0;
	struct __kernel_timespec ts = { 0, 0 };
	struct statx st;
	char magic[4], rnd[16];
	struct new_utsname u;
	int64_t end = 0;
	long fd, r, t;
	void *p;

	(void)envp;
	if (argc == 3 && str_eq(argv[1], "exit")) {
		parse_u64(argv[2], &status);
		return (int)status;
	}
	check(argc == 3 && parse_u64(argv[1], &pid) == 0 &&
	      parse_u64(argv[2], &size) == 0, "arguments parse");

	check_num(sys_openat(AT_FDCWD, "/nonexistent/file", O_RDONLY, 0), -ENOENT,
		  "openat of a missing file: -ENOENT");
	check_num(sys_close(-1), -EBADF, "close(-1): -EBADF");
	check_num(sys_write(999, "x", 1), -EBADF, "write to fd 999: -EBADF");
	/* A number no arch has.  Not -1: 32-bit arm's kernel answers numbers
	 * from its private range (0xf0000) up that it does not know with
	 * SIGILL (arch/arm/kernel/traps.c, bad_syscall), not -ENOSYS. */
	check_num(sys_call(0x7ffff, 0, 0, 0, 0, 0, 0), -ENOSYS, "system call 0x7ffff: -ENOSYS");
	check(str_eq(errno_name(ENOENT), "ENOENT") &&
	      str_eq(errno_message(EBADF), "Bad file number"), "errno names from the kernel's headers");
	check_num(sys_getpid(), (int64_t)pid, "getpid is the pid we were started as");
	check(sys_uname(&u) == 0 && str_eq(u.sysname, "Linux"), "uname says Linux");

	fd = sys_openat(AT_FDCWD, argv[0], O_RDONLY, 0);
	check(fd >= 0, "openat of our own file");
	check(sys_pread(fd, magic, 4, 0) == 4 && memcmp(magic, "\177ELF", 4) == 0,
	      "pread at 0 reads the ELF magic");
	check(sys_lseek(fd, 0, 2 /* SEEK_END */, &end) == 0, "lseek to the end");
	check_num(end, (int64_t)size, "lseek's end is the file's size");
	check(sys_statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &st) == 0 &&
	      st.stx_size == size, "statx size agrees");
	check_num(sys_close(fd), 0, "close");

	p = (void *)sys_mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(!sys_failed((long)p), "mmap of two anonymous pages");
	if (!sys_failed((long)p)) {
		((char *)p)[8191] = 1;
		check_num(sys_munmap(p, 8192), 0, "munmap");
	}
	r = sys_clock_gettime(CLOCK_REALTIME, &ts);
	t = sys_time(0);
	check(r == 0 && ts.tv_sec > 1600000000 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000,
	      "clock_gettime (64-bit time) gives a time after 2020");
	/* time(2) reads the coarse clock, updated once a tick: it may still
	 * show the second before the one clock_gettime just saw. */
	check(t >= ts.tv_sec - 1 && t - ts.tv_sec < 5, "time agrees within -1..5 s");
	check_num(sys_getrandom(rnd, sizeof rnd, 0), sizeof rnd, "getrandom fills 16 bytes");

	/* fork, pipe2, wait4: the child writes one byte and exits 7 */
	{
		int fds[2] = { -1, -1 }, ws = 0;
		unsigned long mask[16];
		char c = 0;
		long child;

		check_num(sys_pipe2(fds, O_CLOEXEC), 0, "pipe2");
		child = sys_fork();
		if (child == 0) {
			sys_write(fds[1], "k", 1);
			sys_exit_group(7);
		}
		check(child > 0, "fork gives the parent the child's pid");
		sys_close(fds[1]);
		check(sys_read(fds[0], &c, 1) == 1 && c == 'k', "the child's byte through the pipe");
		check_num(sys_wait4((int)child, &ws, 0), child, "wait4 gives the child's pid");
		check_num((ws >> 8) & 0xff, 7, "... and its exit status, 7");
		check_num(sys_wait4(-1, &ws, 0), -ECHILD, "wait4 with no child: -ECHILD");
		sys_close(fds[0]);
		r = sys_sched_getaffinity(0, sizeof mask, mask);
		check(r > 0 && (mask[0] || mask[1]), "sched_getaffinity gives a mask");
		check_num(sys_sched_setaffinity(0, sizeof mask, mask), 0, "sched_setaffinity, the same mask back");
		check_num(sys_unshare(0x7fffffff), -EINVAL, "unshare of unknown flags: -EINVAL");
	}
	return check_done();
}
