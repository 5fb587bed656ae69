// syncatomic: the sync and sync/atomic packages under contention —
// WaitGroup, Mutex, RWMutex with readers and writers, Once with many
// callers, Cond broadcast, atomic Add/Load/Store/CompareAndSwap/Swap on
// int32/int64/uint64 and the Go 1.19 atomic.Int64/Bool/Pointer types,
// atomic.Value, and sync.Map.  Final values are deterministic.  Same
// output on every OS.  Exit status 0.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

const workers = 8
const rounds = 20000

func main() {
	var wg sync.WaitGroup

	var mu sync.Mutex
	plain := 0
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < rounds; j++ {
				mu.Lock()
				plain++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex counter:", plain)

	var rw sync.RWMutex
	table := map[int]int{}
	var reads int64
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 2000; j++ {
				if id%4 == 0 {
					rw.Lock()
					table[j%100] += 1
					rw.Unlock()
				} else {
					rw.RLock()
					_ = table[j%100]
					rw.RUnlock()
					atomic.AddInt64(&reads, 1)
				}
			}
		}(i)
	}
	wg.Wait()
	total := 0
	for _, v := range table {
		total += v
	}
	fmt.Println("rwmutex: writes", total, "reads", reads, "keys", len(table))

	var once sync.Once
	var onceRuns int32
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { atomic.AddInt32(&onceRuns, 1) })
		}()
	}
	wg.Wait()
	fmt.Println("once ran:", onceRuns)

	var cmu sync.Mutex
	cond := sync.NewCond(&cmu)
	ready := false
	var woke int32
	var started sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		started.Add(1)
		go func() {
			defer wg.Done()
			cmu.Lock()
			started.Done()
			for !ready {
				cond.Wait()
			}
			cmu.Unlock()
			atomic.AddInt32(&woke, 1)
		}()
	}
	started.Wait()
	cmu.Lock()
	ready = true
	cond.Broadcast()
	cmu.Unlock()
	wg.Wait()
	fmt.Println("cond broadcast woke:", woke)

	var i32 int32
	var i64 int64
	var u64 uint64
	var typed atomic.Int64
	var flag atomic.Bool
	var casWins int64
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < rounds; j++ {
				atomic.AddInt32(&i32, 1)
				atomic.AddInt64(&i64, 3)
				atomic.AddUint64(&u64, 1<<40)
				typed.Add(-1)
				for {
					old := atomic.LoadInt64(&casWins)
					if atomic.CompareAndSwapInt64(&casWins, old, old+2) {
						break
					}
				}
			}
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println("atomics:", atomic.LoadInt32(&i32), atomic.LoadInt64(&i64), atomic.LoadUint64(&u64), typed.Load(),
		casWins, flag.Load())
	old := atomic.SwapInt64(&i64, 7)
	fmt.Println("swap returned", old, "now", atomic.LoadInt64(&i64))
	atomic.StoreInt32(&i32, -5)
	fmt.Println("store/load:", atomic.LoadInt32(&i32), "CAS with wrong old:", atomic.CompareAndSwapInt32(&i32, 0, 1))

	type config struct{ name string }
	var ptr atomic.Pointer[config]
	ptr.Store(&config{"first"})
	prev := ptr.Swap(&config{"second"})
	fmt.Println("atomic.Pointer:", prev.name, "->", ptr.Load().name)

	var v atomic.Value
	v.Store([]string{"x", "y"})
	fmt.Println("atomic.Value:", v.Load().([]string))

	var m sync.Map
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				m.LoadOrStore(j, id*1000+j)
			}
		}(i)
	}
	wg.Wait()
	var keys []int
	m.Range(func(k, val any) bool {
		keys = append(keys, k.(int))
		return true
	})
	sort.Ints(keys)
	v0, _ := m.Load(0)
	fmt.Println("sync.Map keys:", len(keys), "first", keys[0], "last", keys[len(keys)-1], "value mod 1000 of key 0:",
		v0.(int)%1000)
	m.Delete(0)
	_, found := m.Load(0)
	fmt.Println("deleted key found:", found)
}
