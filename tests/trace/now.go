// tests/trace/now.go - N calls of Go's time.Now(), for tests/90-trace.t to
// compare with what `vdso trace` saw.  Go links statically and calls the
// vDSO itself, with no C library: its runtime looks up __vdso_clock_gettime
// (runtime/vdso_linux_amd64.go, vdso_linux_386.go) and calls it on the
// thread's own system stack (g0), not the goroutine's.  On x86_64 and
// i386, time.Now() is one vDSO call of CLOCK_REALTIME (the wall clock),
// then one of CLOCK_MONOTONIC (runtime/time_linux_amd64.s, timestub.go);
// the runtime calls CLOCK_MONOTONIC on its own too, for its scheduler.
//
//	now N    prints, for each of N readings taken first, one line:
//	         SECONDS NANOSECONDS MONO, the wall clock as time.Now() got it,
//	         and MONO the monotonic nanoseconds since the first reading
//	         (Time.Sub of two readings uses their monotonic clock)
//
// Nothing else is called that reads the wall clock: t.String() would load
// the local time zone, which reads it once more (time/zoneinfo_read.go).
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	n := 3
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	t := make([]time.Time, n)
	for i := range t {
		t[i] = time.Now()
	}
	for _, x := range t {
		fmt.Println(x.Unix(), x.Nanosecond(), x.Sub(t[0]).Nanoseconds())
	}
}
