// peimports lists a PE file's imports as "DLL Function" lines, using Go's
// debug/pe as an independent reference for xeno's own parser in tests.
package main

import (
	"debug/pe"
	"fmt"
	"os"
	"strings"
)

func main() {
	f, err := pe.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	syms, err := f.ImportedSymbols()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, s := range syms {
		parts := strings.SplitN(s, ":", 2)
		if len(parts) == 2 {
			fmt.Println(parts[1], parts[0])
		}
	}
}
