# syscall/errno.awk - the errno table, made from the kernel's own headers.
#
# Reads asm-generic/errno-base.h and asm-generic/errno.h, whose lines say
#     #define ENOENT		 2	/* No such file or directory */
# and writes one line a number, for syscall/errno.c to expand:
#     ERRNO(2, "ENOENT", "No such file or directory")
# Aliases (#define EWOULDBLOCK EAGAIN) are skipped: the number keeps the
# first name, as the kernel's own tables do.
/^#define[ \t]+E[A-Z0-9]+[ \t]+[0-9]+/ {
	name = $2; num = $3
	msg = $0
	sub(/.*\/\*[ \t]*/, "", msg)
	sub(/[ \t]*\*\/.*/, "", msg)
	if (!(num in seen)) {
		seen[num] = 1
		printf "ERRNO(%d, \"%s\", \"%s\")\n", num, name, msg
	}
}
