#!/bin/sh
# demo.sh — `make demo`: describe and run the bundled sample programs
# through xeno: a Windows program (mingw-w64), a FreeBSD program, a Go
# program built for FreeBSD, and a short trace of the FreeBSD one.
BUILD=${1:-build}
X=$BUILD/xeno
S=$BUILD/samples
say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

say xeno info $S/windows/hello.exe
$X info $S/windows/hello.exe | sed -n '1,10p'
say xeno run $S/windows/hello.exe one "two words"
$X run $S/windows/hello.exe one "two words"
say xeno run $S/freebsd/hello one "two words"
$X run $S/freebsd/hello one "two words"
say xeno run $S/go/hello-freebsd gopher
$X run $S/go/hello-freebsd gopher
say xeno trace -e trace=write,exit $S/freebsd/hello
$X trace -e trace=write,exit $S/freebsd/hello > /dev/null
exit 0
