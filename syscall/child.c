/*
 * syscall/child.c - a question asked in a child of fork(2): what a child
 * sees of its parent's memory (the lesson getrandom's state, wiped on
 * fork) can only be seen there.
 */
#include <lib/lib.h>
#include "syscall.h"

long sys_in_child(long (*fn)(long), long arg)
{
	long pid = sys_fork(), r;
	int status;

	if (pid == 0) {
		r = fn(arg);
		sys_exit_group(r < 0 ? 0 : r > 255 ? 255 : (int)r);
	}
	if (pid < 0)
		return pid;
	if ((r = sys_wait4((int)pid, &status, 0)) < 0)
		return r;
	return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -ECHILD;  /* killed: no exit status */
}
