#!/bin/sh
# demo.sh — `make demo`: describe, then run, the bundled sample programs.
BUILD=${1:-build}
X=$BUILD/xeno
S=$BUILD/samples
set -x
$X info $S/windows/hello.exe | head -12
$X run $S/windows/hello.exe one "two words"
$X run $S/freebsd/hello one "two words"
