# cli.sh — the xeno command line: verbs, help, version, and clear errors
# (exit 126, one line) for files that cannot run.
. tests/lib.sh

t_rc "version exits 0" 0 $XENO --version
t_match "version text" '^xeno [0-9]+\.[0-9]+\.[0-9]+$' "$(cat $TMP/out)"
t_rc "help exits 0" 0 $XENO --help
for v in run trace info binfmt preload; do
    t_match "help lists $v" "^  $v " "$(cat $TMP/out)"
done
for v in run trace info binfmt preload; do
    t_rc "$v --help" 0 $XENO $v --help
    t_match "$v --help says usage" "^usage: xeno $v" "$(head -1 $TMP/out)"
done
t_rc "no arguments is a usage error" 2 $XENO
t_rc "unknown verb is a usage error" 2 $XENO frobnicate
t_match "unknown verb message" "^xeno: unknown verb or file 'frobnicate'" "$(cat $TMP/err)"

# one_line NAME WANT_RC PATTERN CMD...: fails cleanly with a single line
one_line() {
    name=$1 rc=$2 pat=$3
    shift 3
    t_rc "$name: exit $rc" "$rc" timeout 10 "$@"
    t_eq "$name: one line" 1 "$(wc -l < $TMP/err)"
    t_match "$name: message" "$pat" "$(cat $TMP/err)"
}

one_line "missing file" 126 "^xeno: $TMP/nope: No such file or directory$" $XENO run $TMP/nope
one_line "directory" 126 "^xeno: $TMP: is a directory$" $XENO run $TMP
: > $TMP/empty
one_line "empty file" 126 "^xeno: $TMP/empty: empty file$" $XENO run $TMP/empty
mkfifo $TMP/fifo
one_line "fifo does not hang" 126 "is a FIFO" $XENO run $TMP/fifo
printf '#!/bin/sh\necho hi\n' > $TMP/script.sh
one_line "script" 126 "is a script" $XENO run $TMP/script.sh
head -c 4096 /dev/urandom | tr -d 'MZ\177' > $TMP/random
one_line "random bytes" 126 "not a recognised program format" $XENO run $TMP/random
one_line "info on missing file" 126 "No such file" $XENO info $TMP/nope

# Linux programs run natively, arguments and exit status intact.
t_same "linux program runs natively" $S/linux/win-hello 5 "a b" -- $XENO run $S/linux/win-hello 5 "a b"
t_same "xeno FILE shorthand" $S/linux/win-hello 3 -- $XENO $S/linux/win-hello 3
