#!/bin/sh
# deps.sh — make sure the Debian packages a build step needs are installed.
# Usage: tools/deps.sh GROUP...   (groups: build samples test bench fuzz)
# As root it installs what is missing with apt-get; otherwise it prints the
# exact apt-get line and exits 1.
set -eu

pkgs_build="gcc make pkg-config libc6-dev libelf-dev zlib1g-dev libffi-dev libcapstone-dev check"
pkgs_samples="gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 clang lld golang-go binutils-mingw-w64-x86-64"
pkgs_test="strace binutils file python3 coreutils"
pkgs_bench="hyperfine gnuplot-nox wine strace"
pkgs_fuzz="clang libclang-rt-14-dev"

want=""
for g in "$@"; do
    case "$g" in
        build) want="$want $pkgs_build" ;;
        samples) want="$want $pkgs_samples" ;;
        test) want="$want $pkgs_test" ;;
        bench) want="$want $pkgs_bench" ;;
        fuzz) want="$want $pkgs_fuzz" ;;
        *) echo "deps.sh: unknown group '$g'" >&2; exit 2 ;;
    esac
done

missing=""
for p in $want; do
    case " $missing " in *" $p "*) continue ;; esac
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$st" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "xeno: missing Debian packages:$missing" >&2
    echo "xeno: install them with: sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet; refresh once if install fails.
if ! apt-get install -y --no-install-recommends $missing >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y --no-install-recommends $missing >/dev/null
fi
