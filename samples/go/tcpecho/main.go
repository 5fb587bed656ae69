// tcpecho: TCP over the loopback interface — net.Listen on 127.0.0.1:0,
// an echo server goroutine per connection, a client doing several round
// trips with line framing, several concurrent clients, half-close with
// CloseWrite, read deadlines timing out, a refused connection to a closed
// port, and a UDP echo.  Ports are never printed.  Same output on every
// OS.  Exit status 0, 1 on failure.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func fail(what string, err error) {
	fmt.Println("FAILED:", what, err)
	os.Exit(1)
}

func serve(l net.Listener, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		c, err := l.Accept()
		if err != nil {
			return // listener closed
		}
		wg.Add(1)
		go func(c net.Conn) {
			defer wg.Done()
			defer c.Close()
			r := bufio.NewReader(c)
			for {
				line, err := r.ReadString('\n')
				if len(line) > 0 {
					c.Write([]byte("echo: " + line))
				}
				if err != nil {
					return
				}
			}
		}(c)
	}
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("listen", err)
	}
	addr := l.Addr().(*net.TCPAddr)
	fmt.Println("listening on loopback:", addr.IP.IsLoopback(), "port assigned:", addr.Port > 0)
	var wg sync.WaitGroup
	wg.Add(1)
	go serve(l, &wg)

	c, err := net.Dial("tcp", addr.String())
	if err != nil {
		fail("dial", err)
	}
	r := bufio.NewReader(c)
	for i := 1; i <= 5; i++ {
		msg := fmt.Sprintf("message %d %s\n", i, strings.Repeat("x", i*100))
		if _, err := c.Write([]byte(msg)); err != nil {
			fail("write", err)
		}
		reply, err := r.ReadString('\n')
		if err != nil {
			fail("read", err)
		}
		fmt.Printf("round trip %d: %d bytes back, prefix %q\n", i, len(reply), reply[:16])
	}
	local := c.LocalAddr().(*net.TCPAddr)
	fmt.Println("client address is loopback:", local.IP.IsLoopback(), "differs from server port:", local.Port != addr.Port)

	// half-close: the server sees EOF after the last line and closes
	tc := c.(*net.TCPConn)
	tc.Write([]byte("last line without newline"))
	tc.CloseWrite()
	rest, err := io.ReadAll(r)
	fmt.Printf("after CloseWrite: %q, err %v\n", rest, err)
	c.Close()

	// concurrent clients
	var cwg sync.WaitGroup
	var mu sync.Mutex
	var replies []string
	for k := 0; k < 8; k++ {
		cwg.Add(1)
		go func(k int) {
			defer cwg.Done()
			c, err := net.Dial("tcp", addr.String())
			if err != nil {
				fail("dial concurrent", err)
			}
			defer c.Close()
			r := bufio.NewReader(c)
			for j := 0; j < 20; j++ {
				fmt.Fprintf(c, "client %d request %d\n", k, j)
				line, err := r.ReadString('\n')
				if err != nil {
					fail("concurrent read", err)
				}
				if j == 19 {
					mu.Lock()
					replies = append(replies, strings.TrimSpace(line))
					mu.Unlock()
				}
			}
		}(k)
	}
	cwg.Wait()
	sort.Strings(replies)
	fmt.Println("concurrent clients finished:", len(replies))
	fmt.Println("first:", replies[0], "| last:", replies[len(replies)-1])

	// read deadline
	c, err = net.Dial("tcp", addr.String())
	if err != nil {
		fail("dial deadline", err)
	}
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	buf := make([]byte, 10)
	_, err = c.Read(buf)
	var ne net.Error
	fmt.Println("read deadline: timeout", errors.As(err, &ne) && ne.Timeout(), "os.ErrDeadlineExceeded",
		errors.Is(err, os.ErrDeadlineExceeded))
	c.Close()

	l.Close()
	wg.Wait()
	_, err = net.DialTimeout("tcp", addr.String(), 2*time.Second)
	fmt.Println("dial after close fails:", err != nil)

	// UDP echo
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		fail("listen udp", err)
	}
	go func() {
		b := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(b)
			if err != nil {
				return
			}
			pc.WriteTo(append([]byte("udp echo: "), b[:n]...), from)
		}
	}()
	uc, err := net.Dial("udp", pc.LocalAddr().String())
	if err != nil {
		fail("dial udp", err)
	}
	uc.SetReadDeadline(time.Now().Add(5 * time.Second))
	for i := 0; i < 3; i++ {
		fmt.Fprintf(uc, "datagram %d", i)
		b := make([]byte, 100)
		n, err := uc.Read(b)
		if err != nil {
			fail("udp read", err)
		}
		fmt.Printf("%s\n", b[:n])
	}
	uc.Close()
	pc.Close()
}
