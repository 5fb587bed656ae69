// envargs: arguments and environment — os.Args after the program name,
// os.Getenv/LookupEnv of XENO_TEST_VAR (set by the caller) and of an
// unset variable, Setenv/Unsetenv, os.Environ containing what was set,
// os.ExpandEnv, and an exit status from the arguments.
// Suggested run: XENO_TEST_VAR='hello world' envargs one "two words" "" 3
// Exit status: the number of arguments.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	args := os.Args[1:]
	fmt.Println("argument count:", len(args))
	for i, a := range args {
		fmt.Printf("arg %d: %q (%d bytes)\n", i+1, a, len(a))
	}

	v, ok := os.LookupEnv("XENO_TEST_VAR")
	fmt.Printf("XENO_TEST_VAR: set=%v value=%q\n", ok, v)
	_, ok = os.LookupEnv("XENO_SURELY_UNSET_VARIABLE")
	fmt.Println("unset variable found:", ok, "Getenv gives empty:", os.Getenv("XENO_SURELY_UNSET_VARIABLE") == "")

	os.Setenv("XENO_GO_B", "bee")
	os.Setenv("XENO_GO_A", "a value with spaces")
	os.Setenv("XENO_GO_C", "c=with=equals")
	var ours []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "XENO_GO_") {
			ours = append(ours, kv)
		}
	}
	sort.Strings(ours)
	fmt.Println("Environ has:", strings.Join(ours, " | "))
	os.Unsetenv("XENO_GO_A")
	_, ok = os.LookupEnv("XENO_GO_A")
	fmt.Println("after Unsetenv found:", ok)
	fmt.Println("ExpandEnv:", os.ExpandEnv("[$XENO_GO_B] [${XENO_GO_C}] [$XENO_GO_A]"))
	os.Exit(len(args))
}
