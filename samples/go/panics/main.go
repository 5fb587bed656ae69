// panics: panic and recover — recovering a panic with a string, an error
// and a custom type, runtime errors (index out of range, nil map write,
// integer divide by zero, nil pointer dereference — the last two are
// hardware exceptions turned into panics by the runtime), a type assertion
// failure, deferred calls running in LIFO order during the panic, a panic
// inside a deferred function, re-panicking, and recover returning nil
// outside a panic.  Modes (first argument):
//
//	(none)   all of the above, exit status 0
//	panic    an unrecovered panic: "panic: boom" and a stack on stderr,
//	         exit status 2
//	nil      an unrecovered nil pointer dereference: exit status 2
//	exit     os.Exit(3) inside a function with a defer (the defer does not
//	         run), exit status 3
//
// stdout is the same on every OS.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
)

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprintf("myErr %d", e.code) }

func try(name string, f func()) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case nil:
			fmt.Printf("%s: no panic\n", name)
		case runtime.Error:
			fmt.Printf("%s: runtime error: %s\n", name, strings.TrimPrefix(v.Error(), "runtime error: "))
		case error:
			var me myErr
			fmt.Printf("%s: error %q, is myErr %v\n", name, v.Error(), errors.As(v, &me))
		default:
			fmt.Printf("%s: value %v (%T)\n", name, v, v)
		}
	}()
	f()
}

var sink int

func main() {
	mode := ""
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	switch mode {
	case "panic":
		fmt.Println("about to panic")
		panic("boom")
	case "nil":
		fmt.Println("about to dereference nil")
		var p *int
		sink = *p
		return
	case "exit":
		defer fmt.Println("this deferred line must not print")
		fmt.Println("calling os.Exit(3)")
		os.Exit(3)
	}

	try("string", func() { panic("plain string") })
	try("error", func() { panic(fmt.Errorf("wrapped: %w", myErr{7})) })
	try("custom", func() { panic(myErr{9}) })
	try("int", func() { panic(42) })
	try("index", func() {
		s := []int{1, 2, 3}
		i := len(os.Args) + 5
		sink = s[i]
	})
	try("nil map", func() {
		var m map[string]int
		m["x"] = 1
	})
	try("divide", func() {
		zero := len(os.Args) - len(os.Args)
		sink = 10 / zero
	})
	try("nil pointer", func() {
		var p *struct{ a, b int }
		sink = p.b
	})
	try("type assertion", func() {
		var v interface{} = "text"
		sink = v.(int)
	})
	try("no panic", func() { sink = 1 })

	try("defer order", func() {
		for i := 1; i <= 3; i++ {
			defer fmt.Println("  deferred", i)
		}
		panic("after three defers")
	})
	try("panic in defer", func() {
		defer func() { panic("second panic") }()
		panic("first panic")
	})
	try("re-panic", func() {
		defer func() {
			r := recover()
			panic(fmt.Sprintf("re-panicked: %v", r))
		}()
		panic("original")
	})
	fmt.Println("recover outside panic:", recover())

	depth := 0
	var recurse func(n int)
	recurse = func(n int) {
		if n == 0 {
			panic("deep")
		}
		defer func() { depth++ }()
		recurse(n - 1)
	}
	try("deep", func() { recurse(1000) })
	fmt.Println("defers run while unwinding 1000 frames:", depth)
}
