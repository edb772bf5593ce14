/* demo/vdso/served.h - which calls through the vDSO stayed in user space:
 * the tool's probes and lines (demo/vdso/served.c), on the runtime's proof
 * (vdso/served.h). */
#ifndef SERVED_H
#define SERVED_H

#include <lib/lib.h>
#include <vdso/served.h>

long served_probe(struct served *s);    /* 0, or -errno: no proof */
/* "served: ..." lines: the witness, one per call, the count. */
void served_print(struct out *o);

void served_print_clock(struct out *o);  /* the tour's line, CLOCK_MONOTONIC */
#define SERVED_MONOTONIC 1                   /* its probe */
/* probe i's function and argument, and what the kernel's vDSO may do for
 * it ('C' CPU-time clock: the kernel; 'D' the data page only; 'H' the
 * clocksource's counter; 'O' other); 0 past the last. */
const char *served_name(unsigned i);
const char *served_arg(unsigned i);
const struct vdso_call *served_call(unsigned i);
char served_kind(unsigned i);

#endif
