# tests/tools/gate_rows.awk - the four rows of `vdso gate`, each door's
# value, for the test to judge (not its "same" column): one line a row,
#   getpid equal|A B     (equal: both the same number, which only the
#                         process knew)
#   write A B            (the bytes each door wrote: 37 each)
#   mmap A B             (the word each door's mapping read at 4096 of
#                         the program's own file: od reads the same)
#   0x7ffff A B          (an unknown number: -ENOSYS each)
{ sub(/\r$/, "") }
/^getpid / { print "getpid", ($2 == $3 && $2 ~ /^[0-9]+$/) ? "equal" : $2 " " $3 }
/^write\(1, 37 bytes\) / { print "write", $4, $5 }
/^mmap, 6 args \(word at 4096\) / { print "mmap", $7, $8 }
/^system call 0x7ffff / { print "0x7ffff", $4, $5 }
