/*
 * arch/arm/divide.S - integer division, which ARMv7-A may lack.
 *
 * The udiv and sdiv instructions are optional before ARMv7VE (a Cortex-A8
 * or A9 has none), so for `a / b` on 32-bit values the compiler calls a
 * helper whose name and registers the run-time ABI fixes ("Run-time ABI
 * for the Arm Architecture", RTABI32 4.3.1): __aeabi_uidivmod(n, d) gives
 * the quotient in r0 and the remainder in r1; __aeabi_uidiv only r0; the
 * __aeabi_idiv* twins the same for signed values (the quotient rounded
 * toward zero, the remainder with the sign of n).  Without libgcc they are
 * written here: long division, one bit of quotient a step, from the
 * highest bit where d fits under n (clz finds it).  Division by zero gives
 * quotient 0 and remainder n rather than a trap.
 */
	.syntax	unified
	.arm

	.section .text.__aeabi_uidivmod, "ax", %progbits
	.globl	__aeabi_uidivmod
	.type	__aeabi_uidivmod, %function
	.globl	__aeabi_uidiv
	.type	__aeabi_uidiv, %function
__aeabi_uidiv:
__aeabi_uidivmod:
	mov	r2, #0			/* the quotient so far */
	cmp	r1, #0
	beq	2f			/* d == 0: quotient 0, remainder n */
	clz	r3, r1
	clz	r12, r0
	subs	r3, r3, r12		/* how far d moves up under n's top bit */
	blt	2f			/* d > n: quotient 0, remainder n */
	lsl	r1, r1, r3
1:	cmp	r0, r1			/* carry set if d << k fits in what is left */
	subhs	r0, r0, r1
	adc	r2, r2, r2		/* the quotient takes that bit */
	lsr	r1, r1, #1
	subs	r3, r3, #1
	bge	1b
2:	mov	r1, r0			/* the remainder */
	mov	r0, r2
	bx	lr
	.size	__aeabi_uidivmod, . - __aeabi_uidivmod
	.size	__aeabi_uidiv, . - __aeabi_uidiv

	.section .text.__aeabi_idivmod, "ax", %progbits
	.globl	__aeabi_idivmod
	.type	__aeabi_idivmod, %function
	.globl	__aeabi_idiv
	.type	__aeabi_idiv, %function
__aeabi_idiv:
__aeabi_idivmod:
	push	{r4, r5, r6, lr}	/* four words: sp stays 8-aligned */
	mov	r4, r0			/* n and d, for the signs */
	mov	r5, r1
	cmp	r0, #0
	rsblt	r0, r0, #0		/* |n| */
	cmp	r1, #0
	rsblt	r1, r1, #0		/* |d| */
	bl	__aeabi_uidivmod
	teq	r4, r5			/* signs differ: a negative quotient */
	rsbmi	r0, r0, #0
	cmp	r4, #0			/* the remainder has n's sign */
	rsblt	r1, r1, #0
	pop	{r4, r5, r6, pc}
	.size	__aeabi_idivmod, . - __aeabi_idivmod
	.size	__aeabi_idiv, . - __aeabi_idiv

	.section .note.GNU-stack, "", %progbits
