# malformed.sh — every file of the generated corpus of damaged PE and ELF
# files is refused with one clear line (exit 126) by `xeno run` and by
# `xeno info`, under the ASan+UBSan build of xeno, with no crash or leak.
. tests/lib.sh
XA=$BUILD/xeno-asan
CORPUS=$BUILD/corpus
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:exitcode=98

[ -s $CORPUS/MANIFEST ] || { fail "corpus" "missing $CORPUS/MANIFEST"; exit 0; }
while IFS="$(printf '\t')" read -r name expect; do
    f=$CORPUS/$name
    for verb in run info; do
        timeout 20 $XA $verb "$f" > $TMP/out 2> $TMP/err
        rc=$?
        tag="$name ($verb)"
        if [ $rc -eq 0 ] && [ $verb = info ]; then
            # info may describe an unsupported-but-valid file; it must not crash
            pass "$tag: described"
            continue
        fi
        t_eq "$tag: exit status" 126 "$rc"
        t_eq "$tag: exactly one line" 1 "$(wc -l < $TMP/err)"
        line=$(cat $TMP/err)
        case "$line" in
            "xeno: $f: "*"$expect"*) pass "$tag: message" ;;
            *) fail "$tag: message" "[$line] lacks [xeno: $f: ...$expect]" ;;
        esac
    done
done < $CORPUS/MANIFEST
