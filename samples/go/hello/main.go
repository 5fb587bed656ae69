// hello: the smallest Go sample; prints its platform-independent greeting,
// its arguments and an exit status chosen by the first argument.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	fmt.Println("hello from Go")
	for i, a := range os.Args[1:] {
		fmt.Printf("arg %d: %q\n", i+1, a)
	}
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			os.Exit(n)
		}
	}
}
