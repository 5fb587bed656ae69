// cpubench: a CPU-bound benchmark — SHA-256 chained over generated data,
// a sieve of Eratosthenes, and a small float workload (Mandelbrot point
// count), each scaled by the iteration argument (default 200); prints the
// digest, the prime count and the point count.  No system calls in the
// hot loops.  Same output on every OS.  Exit status 0.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
)

func main() {
	iters := 200
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil && n > 0 {
			iters = n
		}
	}

	data := make([]byte, 64*1024)
	var x uint32 = 2463534242
	for i := range data {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		data[i] = byte(x)
	}
	sum := sha256.Sum256(data)
	for i := 0; i < iters; i++ {
		copy(data, sum[:])
		sum = sha256.Sum256(data)
	}
	fmt.Println("sha256 chain:", hex.EncodeToString(sum[:]))

	limit := iters * 10000
	composite := make([]bool, limit+1)
	primes := 0
	for i := 2; i <= limit; i++ {
		if !composite[i] {
			primes++
			for j := i * i; j <= limit; j += i {
				composite[j] = true
			}
		}
	}
	fmt.Printf("primes up to %d: %d\n", limit, primes)

	size := 40 + iters/5
	inside := 0
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			cr := -2.0 + 3.0*float64(px)/float64(size)
			ci := -1.5 + 3.0*float64(py)/float64(size)
			zr, zi := 0.0, 0.0
			k := 0
			for ; k < 200 && zr*zr+zi*zi <= 4; k++ {
				zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
			}
			if k == 200 {
				inside++
			}
		}
	}
	fmt.Printf("mandelbrot %dx%d: %d points inside\n", size, size, inside)
}
