// goroutines: channels and goroutines with deterministic output — a
// fan-out/fan-in pipeline whose results are sorted before printing,
// unbuffered and buffered channels, close and range, select with a default
// case and over several ready channels, a worker pool with a results map,
// a semaphore channel bounding concurrency, and many short-lived
// goroutines.  Same output on every OS.  Exit status 0.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

func producer(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

func merge(chans ...<-chan int) <-chan int {
	out := make(chan int, 8)
	var wg sync.WaitGroup
	for _, c := range chans {
		wg.Add(1)
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	fmt.Println("GOMAXPROCS at least 1:", runtime.GOMAXPROCS(0) >= 1)

	// fan-out to 4 squarers, fan-in, sort
	src := producer(20)
	workers := make([]<-chan int, 4)
	for i := range workers {
		workers[i] = square(src)
	}
	var results []int
	for v := range merge(workers...) {
		results = append(results, v)
	}
	sort.Ints(results)
	sum := 0
	for _, v := range results {
		sum += v
	}
	fmt.Println("fan-in got", len(results), "results, sum", sum)
	fmt.Println("first and last:", results[0], results[len(results)-1])

	// unbuffered handshake
	ping, pong := make(chan string), make(chan string)
	go func() {
		for msg := range ping {
			pong <- msg + "-pong"
		}
		close(pong)
	}()
	for _, m := range []string{"a", "b", "c"} {
		ping <- m
		fmt.Println("reply:", <-pong)
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pong open after ping closed:", ok)

	// buffered channel capacity and length
	buf := make(chan int, 3)
	buf <- 1
	buf <- 2
	fmt.Println("buffered len/cap:", len(buf), cap(buf))
	select {
	case buf <- 3:
		fmt.Println("third send fits")
	default:
		fmt.Println("third send would block")
	}
	select {
	case buf <- 4:
		fmt.Println("fourth send fits")
	default:
		fmt.Println("fourth send would block")
	}
	close(buf)
	total := 0
	for v := range buf {
		total += v
	}
	fmt.Println("drained closed buffer, total", total)

	// select over several ready channels: every value arrives exactly once
	a, b := make(chan int, 100), make(chan int, 100)
	for i := 0; i < 100; i++ {
		a <- i
		b <- 1000 + i
	}
	close(a)
	close(b)
	got := 0
	sumAB := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			got++
			sumAB += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got++
			sumAB += v
		}
	}
	fmt.Println("select received", got, "values, sum", sumAB)

	// worker pool writing into a mutex-protected map
	jobs := make(chan int)
	var mu sync.Mutex
	lengths := map[int]int{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				n := 0
				for x := j; x != 1; n++ { // Collatz steps
					if x%2 == 0 {
						x /= 2
					} else {
						x = 3*x + 1
					}
				}
				mu.Lock()
				lengths[j] = n
				mu.Unlock()
			}
		}()
	}
	for j := 1; j <= 1000; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	best, bestLen := 0, -1
	keys := make([]int, 0, len(lengths))
	for k := range lengths {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		if lengths[k] > bestLen {
			best, bestLen = k, lengths[k]
		}
	}
	fmt.Println("worker pool: longest Collatz chain below 1001 starts at", best, "with", bestLen, "steps")

	// semaphore bounding concurrency
	sem := make(chan struct{}, 3)
	var running, peak int32
	var wg2 sync.WaitGroup
	for i := 0; i < 30; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			sem <- struct{}{}
			n := atomic.AddInt32(&running, 1)
			for {
				p := atomic.LoadInt32(&peak)
				if n <= p || atomic.CompareAndSwapInt32(&peak, p, n) {
					break
				}
			}
			runtime.Gosched()
			atomic.AddInt32(&running, -1)
			<-sem
		}()
	}
	wg2.Wait()
	fmt.Println("semaphore peak within limit:", peak >= 1 && peak <= 3)

	// many short-lived goroutines
	var count int64
	var wg3 sync.WaitGroup
	for i := 0; i < 10000; i++ {
		wg3.Add(1)
		go func(i int) {
			defer wg3.Done()
			atomic.AddInt64(&count, int64(i))
		}(i)
	}
	wg3.Wait()
	fmt.Println("10000 goroutines summed:", count)
}
