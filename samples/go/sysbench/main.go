// sysbench: a system-call-heavy benchmark — many small writes and reads on
// a temporary file (write, seek, read back in small chunks, fsync once)
// and through an os.Pipe between two goroutines, plus Stat calls; prints
// byte counts and an FNV-1a checksum of everything read.  Argument: the
// iteration count (default 20000).  Same output on every OS.  Exit
// status 0, 1 on failure.
package main

import (
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
)

func main() {
	iters := 20000
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil && n > 0 {
			iters = n
		}
	}
	f, err := os.CreateTemp("", "xeno-sysbench-")
	if err != nil {
		fmt.Println("CreateTemp:", err)
		os.Exit(1)
	}
	defer os.Remove(f.Name())
	defer f.Close()

	h := fnv.New64a()
	rec := make([]byte, 64)
	written := 0
	for i := 0; i < iters; i++ {
		for j := range rec {
			rec[j] = byte(i*7 + j)
		}
		n, err := f.Write(rec)
		if err != nil {
			fmt.Println("write:", err)
			os.Exit(1)
		}
		written += n
	}
	f.Sync()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		fmt.Println("seek:", err)
		os.Exit(1)
	}
	read := 0
	chunk := make([]byte, 48)
	for {
		n, err := f.Read(chunk)
		h.Write(chunk[:n])
		read += n
		if err == io.EOF || n == 0 {
			break
		}
	}
	stats := 0
	for i := 0; i < iters/100; i++ {
		if st, err := f.Stat(); err == nil && st.Size() == int64(written) {
			stats++
		}
	}
	fmt.Println("file: written", written, "read", read, "stat calls agreeing", stats)

	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		os.Exit(1)
	}
	go func() {
		msg := make([]byte, 32)
		for i := 0; i < iters; i++ {
			for j := range msg {
				msg[j] = byte(i + j*3)
			}
			w.Write(msg)
		}
		w.Close()
	}()
	piped := 0
	small := make([]byte, 32)
	for {
		n, err := io.ReadFull(r, small)
		h.Write(small[:n])
		piped += n
		if err != nil {
			break
		}
	}
	r.Close()
	fmt.Println("pipe: transferred", piped)
	fmt.Printf("iterations %d checksum %016x\n", iters, h.Sum64())
}
