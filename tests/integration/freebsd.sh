# freebsd.sh — FreeBSD programs under xeno: each portable sample prints
# exactly what its native Linux build prints; FreeBSD-only samples print
# what a FreeBSD system would; exit codes, arguments and environment pass
# through; a missing system call is reported once and fails with ENOSYS.
. tests/lib.sh
export XENO_SAMPLE_A=alpha XENO_SAMPLE_B="two words"
# Portable samples compared with their native build.
FBSD_DIFF_SAMPLES="hello args files dirs procs pipes signals threads mmap segv timing tcp libc"

# Each runs in its own empty directory (samples create files).
same_in_dir() {
    name=$1
    shift
    d=$TMP/run-$name
    rm -rf $d && mkdir -p $d/linux $d/fbsd
    (cd $d/linux && "$OLDPWD/$S/linux/fbsd-$name" "$@") > $TMP/a.out 2> $TMP/a.err; ra=$?
    (cd $d/fbsd && "$OLDPWD/$XENO" run "$OLDPWD/$S/freebsd/$name" "$@") > $TMP/b.out 2> $TMP/b.err; rb=$?
    if [ "$ra" != "$rb" ]; then
        fail "freebsd $name" "exit $rb, native $ra; stderr: $(head -c 300 $TMP/b.err)"
    elif ! cmp -s $TMP/a.out $TMP/b.out; then
        fail "freebsd $name" "output differs: $(diff $TMP/a.out $TMP/b.out | head -6 | tr '\n' '|')"
    else
        pass "freebsd $name: same output as the Linux build"
    fi
}

for s in $FBSD_DIFF_SAMPLES; do
    same_in_dir $s one "two words" 3
done

t_same "hello exit status" $S/linux/fbsd-hello 7 -- $XENO run $S/freebsd/hello 7
t_same "Go hello (FreeBSD build vs Linux build)" $S/go/hello-linux x "y z" -- $XENO run $S/go/hello-freebsd x "y z"
t_same "Go exit status" $S/go/hello-linux 9 -- $XENO run $S/go/hello-freebsd 9

t_rc "sysctl sample" 0 $XENO run $S/freebsd/sysctl
t_match "kern.ostype is FreeBSD" "FreeBSD" "$(cat $TMP/out)"

t_rc "missing syscall: ENOSYS" 0 $XENO run $S/freebsd/nosys
t_match "missing syscall: program sees ENOSYS" "^ktrace: -78 \(ENOSYS\)" "$(cat $TMP/out)"
t_eq "missing syscall: reported once" 1 "$(grep -c '^xeno: freebsd syscall ktrace (45) is not implemented$' $TMP/err)"
XENO_STRICT=1 t_rc "missing syscall with XENO_STRICT=1 is fatal" 127 $XENO run $S/freebsd/nosys
