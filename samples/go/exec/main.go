// exec: os/exec with the program itself as the child (it finds itself with
// os.Executable and passes a "child" argument): captured stdout and
// stderr, stdin fed from a string, exit code propagation through
// *exec.ExitError.ExitCode(), a child environment from cmd.Env, the
// working directory from cmd.Dir, StdoutPipe streaming, killing a child
// that would run for a minute, and exec.LookPath / exec.ErrNotFound for a
// missing program.  Same output on every OS.  Exit status 0, or 1 if a
// check failed.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func child(mode string) {
	switch mode {
	case "hello":
		fmt.Println("hello from the child, args:", strings.Join(os.Args[3:], ","))
		fmt.Fprintln(os.Stderr, "child stderr line")
	case "exit":
		fmt.Println("child exiting with 42")
		os.Exit(42)
	case "upper":
		b, _ := io.ReadAll(os.Stdin)
		fmt.Print(strings.ToUpper(string(b)))
	case "env":
		fmt.Println("XENO_EXEC_VAR =", os.Getenv("XENO_EXEC_VAR"))
		fmt.Println("XENO_PARENT_ONLY set:", os.Getenv("XENO_PARENT_ONLY") != "")
		wd, _ := os.Getwd()
		fmt.Println("working directory base:", filepath.Base(wd))
	case "lines":
		for i := 1; i <= 5; i++ {
			fmt.Printf("line %d\n", i)
		}
	case "sleep":
		time.Sleep(time.Minute)
	}
	os.Exit(0)
}

var failed bool

func expect(ok bool, what string) {
	if !ok {
		failed = true
		fmt.Println("UNEXPECTED:", what)
	}
}

func main() {
	if len(os.Args) > 2 && os.Args[1] == "child" {
		child(os.Args[2])
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Println("os.Executable:", err)
		os.Exit(1)
	}

	cmd := exec.Command(self, "child", "hello", "a b", "c")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	fmt.Printf("output: %q, stderr: %q, err: %v\n", out, strings.TrimRight(stderr.String(), "\r\n"), err)
	fmt.Println("exit code:", cmd.ProcessState.ExitCode(), "success:", cmd.ProcessState.Success())

	cmd = exec.Command(self, "child", "exit")
	out, err = cmd.Output()
	var ee *exec.ExitError
	isExit := errors.As(err, &ee)
	fmt.Printf("output: %q, ExitError: %v\n", out, isExit)
	if isExit {
		fmt.Println("propagated exit code:", ee.ExitCode())
		expect(ee.ExitCode() == 42, "exit code 42")
	}

	cmd = exec.Command(self, "child", "upper")
	cmd.Stdin = strings.NewReader("shout this\nand this\n")
	out, err = cmd.CombinedOutput()
	fmt.Printf("stdin to stdout: %q err %v\n", out, err)

	tmp, _ := os.MkdirTemp("", "xeno-exec-dir-")
	defer os.RemoveAll(tmp)
	os.Setenv("XENO_PARENT_ONLY", "yes")
	cmd = exec.Command(self, "child", "env")
	cmd.Env = []string{"XENO_EXEC_VAR=from parent", "SystemRoot=" + os.Getenv("SystemRoot")}
	cmd.Dir = tmp
	out, err = cmd.Output()
	fmt.Print(strings.ReplaceAll(string(out), filepath.Base(tmp), "<tmp>"))
	expect(err == nil, "env child")

	cmd = exec.Command(self, "child", "lines")
	pipe, _ := cmd.StdoutPipe()
	expect(cmd.Start() == nil, "start lines")
	sc := bufio.NewScanner(pipe)
	count := 0
	for sc.Scan() {
		count++
		if count == 5 {
			fmt.Println("last streamed line:", sc.Text())
		}
	}
	fmt.Println("streamed lines:", count, "wait:", cmd.Wait())

	cmd = exec.Command(self, "child", "sleep")
	expect(cmd.Start() == nil, "start sleeper")
	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("Kill:", cmd.Process.Kill())
	err = cmd.Wait()
	fmt.Println("killed child reports an error:", err != nil, "quickly:", time.Since(start) < 30*time.Second)

	_, err = exec.LookPath("xeno-no-such-program")
	fmt.Println("LookPath missing: ErrNotFound", errors.Is(err, exec.ErrNotFound))
	err = exec.Command("xeno-no-such-program").Run()
	fmt.Println("Run missing fails:", err != nil)
	if failed {
		os.Exit(1)
	}
}
