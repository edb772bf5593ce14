# tests/gdb/walk.gdb - a walk through start-up in gdb (make gdb).
#
# tests/gdb/gdb.sh loads it with $remote set: 0 when gdb starts the
# program itself, 1 when it is attached to `qemu-<arch> -g PORT`, which
# holds the program at its first instruction already.
#
#   1. stop at _start, before any instruction of the program has run;
#   2. the stack the kernel built there: sp, then its first words
#      (argc, the argv pointers, NULL, envp...), in the arch's word size;
#   3. the auxiliary vector, as gdb reads it (from /proc/PID/auxv, or from
#      QEMU's stub);
#   4. break at main: start_c (start/start.c) has split the stack;
#   5. the mappings ([vdso], [vvar], the stack) when gdb runs it natively;
#   6. on i386, the gate: the instructions at AT_SYSINFO.
# gdb turns address randomisation off for the programs it starts: the
# addresses are the same every run.  `set disable-randomization off`
# before step 1 keeps it on (make gdb ASLR=on).

set pagination off
set confirm off
if $remote == 0
  starti
end
echo \n--- at _start: the stack pointer the kernel left\n
print/x $sp
echo \n--- the first words there: argc, argv[0..], NULL, envp[0..]\n
x/8a $sp
echo \n--- the auxiliary vector (info auxv)\n
info auxv
break main
continue
echo \n--- at main: what start_c made of the stack\n
print start_argc
print/x start_argv
print/x start_envp
print/x start_auxv
if $remote == 0
  echo \n--- the mappings: look for [vdso], [vvar], [stack]\n
  info proc mappings
end
# The gate: AT_SYSINFO (32) in the vector start_c kept; i386 only.
set $a = start_auxv
while $a[0] != 0
  if $a[0] == 32
    echo \n--- the gate, __kernel_vsyscall, at AT_SYSINFO\n
    x/12i $a[1]
  end
  set $a = $a + 2
end
