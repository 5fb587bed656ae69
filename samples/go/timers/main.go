// timers: time.After, time.Sleep, a Ticker counting 5 ticks of 10ms,
// Timer.Stop before firing and Timer.Reset, time.AfterFunc, select with a
// timeout, context.WithTimeout and WithCancel, and monotonic time.Since —
// printing only counts and booleans so the output does not depend on
// scheduling.  Same output on every OS.  Exit status 0.
package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	start := time.Now()
	<-time.After(20 * time.Millisecond)
	fmt.Println("time.After(20ms) waited at least 20ms:", time.Since(start) >= 20*time.Millisecond)

	start = time.Now()
	time.Sleep(15 * time.Millisecond)
	fmt.Println("Sleep(15ms) slept at least 15ms:", time.Since(start) >= 15*time.Millisecond)

	start = time.Now()
	t := time.NewTicker(10 * time.Millisecond)
	ticks := 0
	for range t.C {
		ticks++
		if ticks == 5 {
			break
		}
	}
	t.Stop()
	el := time.Since(start)
	fmt.Println("ticker ticks:", ticks, "took at least 50ms:", el >= 50*time.Millisecond)

	timer := time.NewTimer(time.Hour)
	fmt.Println("Stop before firing:", timer.Stop())
	timer.Reset(5 * time.Millisecond)
	<-timer.C
	fmt.Println("Reset timer fired; Stop after firing:", timer.Stop())

	var fired int32
	done := make(chan struct{})
	time.AfterFunc(5*time.Millisecond, func() {
		atomic.StoreInt32(&fired, 1)
		close(done)
	})
	<-done
	fmt.Println("AfterFunc ran:", atomic.LoadInt32(&fired) == 1)
	cancelled := time.AfterFunc(time.Hour, func() { fmt.Println("must not run") })
	fmt.Println("AfterFunc stopped:", cancelled.Stop())

	never := make(chan int)
	select {
	case <-never:
		fmt.Println("impossible")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("select timed out")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println("context deadline:", ctx.Err() == context.DeadlineExceeded)
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() {
		time.Sleep(5 * time.Millisecond)
		cancel2()
	}()
	<-ctx2.Done()
	fmt.Println("context cancelled:", ctx2.Err() == context.Canceled)

	// many timers at once
	results := make(chan int, 100)
	for i := 0; i < 100; i++ {
		i := i
		time.AfterFunc(time.Duration(i%10)*time.Millisecond, func() { results <- i })
	}
	sum := 0
	for i := 0; i < 100; i++ {
		sum += <-results
	}
	fmt.Println("100 timers delivered, sum:", sum)

	a := time.Now()
	b := time.Now()
	fmt.Println("monotonic clock never goes back:", !b.Before(a))
	fmt.Println("wall clock after 2020:", a.Year() >= 2020)
	d, _ := time.ParseDuration("1h2m3.5s")
	fmt.Println("duration:", d, d.Milliseconds())
	ts := time.Date(2024, 2, 29, 13, 4, 5, 0, time.UTC)
	fmt.Println("formatted:", ts.Format(time.RFC3339), ts.Weekday(), ts.YearDay(), ts.Add(24*time.Hour).Format("2006-01-02"))
}
