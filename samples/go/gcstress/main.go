// gcstress: garbage-collector pressure — builds and drops a few hundred MB
// of small objects (linked lists, maps, slices of pointers, strings) in
// rounds while a few goroutines allocate concurrently, forces runtime.GC,
// finalizers, and prints checksums of the data plus booleans about the
// memory statistics.  Optional argument: number of rounds (default 6).
// Same output on every OS.  Exit status 0.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

type node struct {
	next  *node
	value uint64
	pad   [4]uint64
}

func buildList(n int, seed uint64) *node {
	var head *node
	for i := 0; i < n; i++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		head = &node{next: head, value: seed >> 33}
	}
	return head
}

func sumList(h *node) uint64 {
	var s uint64
	for ; h != nil; h = h.next {
		s += h.value
	}
	return s
}

func main() {
	rounds := 6
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil && n > 0 {
			rounds = n
		}
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	var checksum uint64
	for r := 0; r < rounds; r++ {
		// 48-byte nodes: 1M of them make 48 MB per round
		l := buildList(1000000, uint64(r))
		checksum += sumList(l)

		m := make(map[int]string)
		for i := 0; i < 100000; i++ {
			m[i] = strconv.Itoa(i * r)
		}
		for i := 0; i < 100000; i += 3 {
			delete(m, i)
		}
		for _, v := range m {
			checksum += uint64(len(v))
		}

		ptrs := make([]*[16]byte, 200000)
		for i := range ptrs {
			b := new([16]byte)
			b[0] = byte(i)
			ptrs[i] = b
		}
		for _, p := range ptrs {
			checksum += uint64(p[0])
		}

		var wg sync.WaitGroup
		var part uint64
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				var local uint64
				for i := 0; i < 50000; i++ {
					s := make([]byte, 32+i%64)
					s[len(s)-1] = byte(g + i)
					local += uint64(s[len(s)-1])
				}
				atomic.AddUint64(&part, local)
			}(g)
		}
		wg.Wait()
		checksum += part
		if r%2 == 1 {
			runtime.GC()
		}
	}

	var finalized int32
	for i := 0; i < 100; i++ {
		obj := new([64]byte)
		runtime.SetFinalizer(obj, func(*[64]byte) { atomic.AddInt32(&finalized, 1) })
	}
	for i := 0; i < 50 && atomic.LoadInt32(&finalized) == 0; i++ {
		runtime.GC()
		time.Sleep(2 * time.Millisecond)
	}

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("rounds:", rounds)
	fmt.Println("checksum:", checksum)
	fmt.Println("allocated at least 60 MB per round:", after.TotalAlloc-before.TotalAlloc >= uint64(rounds)*60<<20)
	fmt.Println("collections happened:", after.NumGC > before.NumGC)
	fmt.Println("heap in use now below 200 MB:", after.HeapInuse < 200<<20)
	fmt.Println("some finalizers ran:", atomic.LoadInt32(&finalized) > 0)
}
