// files: file and directory operations through package os — MkdirTemp,
// WriteFile/ReadFile, OpenFile with O_APPEND and O_EXCL, Seek/ReadAt,
// Truncate, Stat and Lstat (sizes, IsDir, IsRegular, ModTime set with
// Chtimes), Chmod to read-only (0444 prints the same everywhere), MkdirAll,
// ReadDir (sorted), filepath.WalkDir with relative slash paths, Rename
// (also over an existing file), Remove and RemoveAll, and errors.Is with
// fs.ErrNotExist / fs.ErrExist.  Same output on every OS.  Exit status 0,
// 1 on an unexpected failure.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func check(err error, what string) {
	if err != nil {
		fmt.Println("FAILED:", what, err)
		os.Exit(1)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "xeno-go-files-")
	check(err, "MkdirTemp")
	defer os.RemoveAll(dir)
	st, err := os.Stat(dir)
	check(err, "stat dir")
	fmt.Println("temp dir is a directory:", st.IsDir(), "name has the prefix:",
		strings.HasPrefix(filepath.Base(dir), "xeno-go-files-"))

	p := filepath.Join(dir, "data.txt")
	check(os.WriteFile(p, []byte("hello\nworld\n"), 0644), "WriteFile")
	b, err := os.ReadFile(p)
	check(err, "ReadFile")
	fmt.Printf("ReadFile: %q\n", b)

	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	check(err, "open append")
	n, err := f.WriteString("appended\n")
	check(err, "append")
	f.Close()
	fmt.Println("appended bytes:", n)

	_, err = os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	fmt.Println("O_EXCL on existing: ErrExist", errors.Is(err, fs.ErrExist))

	f, err = os.Open(p)
	check(err, "open")
	off, _ := f.Seek(6, io.SeekStart)
	buf := make([]byte, 5)
	_, err = io.ReadFull(f, buf)
	check(err, "read")
	fmt.Printf("at %d: %q\n", off, buf)
	_, err = f.ReadAt(buf[:3], 12)
	check(err, "ReadAt")
	fmt.Printf("ReadAt 12: %q\n", buf[:3])
	end, _ := f.Seek(0, io.SeekEnd)
	fmt.Println("size by Seek:", end)
	_, err = f.Read(buf)
	fmt.Println("read at end is io.EOF:", err == io.EOF)
	f.Close()

	check(os.Truncate(p, 11), "Truncate")
	st, _ = os.Stat(p)
	fmt.Println("after Truncate:", st.Size(), "regular:", st.Mode().IsRegular(), "name:", st.Name())
	when := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	check(os.Chtimes(p, when, when), "Chtimes")
	st, _ = os.Stat(p)
	fmt.Println("mtime set:", st.ModTime().UTC().Format(time.RFC3339))

	check(os.Chmod(p, 0444), "Chmod 0444")
	st, _ = os.Stat(p)
	fmt.Println("read-only mode:", st.Mode().Perm())
	check(os.Chmod(p, 0644), "Chmod 0644")
	st, _ = os.Stat(p)
	fmt.Println("writable again:", st.Mode().Perm()&0200 != 0)

	check(os.MkdirAll(filepath.Join(dir, "a", "b", "c"), 0755), "MkdirAll")
	check(os.WriteFile(filepath.Join(dir, "a", "b", "deep.txt"), []byte("deep"), 0644), "deep")
	check(os.WriteFile(filepath.Join(dir, "a", "one.txt"), []byte("1"), 0644), "one")
	check(os.WriteFile(filepath.Join(dir, "zeta.bin"), make([]byte, 1000), 0644), "zeta")

	entries, err := os.ReadDir(dir)
	check(err, "ReadDir")
	fmt.Println("ReadDir:")
	for _, e := range entries {
		info, _ := e.Info()
		size := int64(-1)
		if !e.IsDir() {
			size = info.Size()
		}
		fmt.Printf("  %s dir=%v size=%d\n", e.Name(), e.IsDir(), size)
	}

	var walked []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		walked = append(walked, filepath.ToSlash(rel))
		return nil
	})
	check(err, "WalkDir")
	sort.Strings(walked)
	fmt.Println("WalkDir:", strings.Join(walked, " "))

	check(os.Rename(p, filepath.Join(dir, "renamed.txt")), "Rename")
	_, err = os.Stat(p)
	fmt.Println("old name gone: ErrNotExist", errors.Is(err, fs.ErrNotExist), "os.IsNotExist", os.IsNotExist(err))
	check(os.Rename(filepath.Join(dir, "renamed.txt"), filepath.Join(dir, "zeta.bin")), "Rename over existing")
	st, _ = os.Stat(filepath.Join(dir, "zeta.bin"))
	fmt.Println("rename replaced the target, size now:", st.Size())

	err = os.Remove(filepath.Join(dir, "a"))
	fmt.Println("Remove non-empty dir fails:", err != nil)
	check(os.RemoveAll(filepath.Join(dir, "a")), "RemoveAll")
	check(os.Remove(filepath.Join(dir, "zeta.bin")), "Remove")
	err = os.Remove(filepath.Join(dir, "zeta.bin"))
	var pe *fs.PathError
	fmt.Println("Remove missing: ErrNotExist", errors.Is(err, fs.ErrNotExist), "PathError op", errors.As(err, &pe) && pe.Op == "remove")
	entries, _ = os.ReadDir(dir)
	fmt.Println("entries left:", len(entries))
	_, err = os.ReadFile(filepath.Join(dir, "nope", "x"))
	fmt.Println("missing parent: ErrNotExist", errors.Is(err, fs.ErrNotExist))
}
