# lib.sh — helpers for integration tests. Each check prints one
# "PASS name" or "FAIL name: why" line; tests/run.sh counts them.
BUILD=${BUILD:-build}
XENO=${XENO:-$BUILD/xeno}
S=$BUILD/samples
TMP=$(mktemp -d /tmp/xeno-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# Windows programs get a C: drive of the test's own, not the user's
# ~/.xeno/drive_c (which xeno would make on first use).
mkdir -p "$TMP/drive_c"
export XENO_DRIVE_C="${XENO_DRIVE_C:-$TMP/drive_c}"

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }

# t_eq NAME EXPECTED ACTUAL
t_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else
        fail "$1" "expected [$2], got [$3]"; fi
}

# t_match NAME PATTERN TEXT (grep -E)
t_match() {
    if printf '%s\n' "$3" | grep -q -E -- "$2"; then pass "$1"; else
        fail "$1" "[$3] does not match /$2/"; fi
}

# t_rc NAME EXPECTED_RC CMD... (stdout+stderr of CMD go to $TMP/out, $TMP/err)
t_rc() {
    name=$1 want=$2
    shift 2
    "$@" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    if [ "$rc" = "$want" ]; then pass "$name"; else
        fail "$name" "exit $rc, wanted $want; stderr: $(head -c 300 "$TMP/err")"; fi
}

# t_same NAME CMD_A -- CMD_B: both print the same stdout and exit the same.
t_same() {
    name=$1
    shift
    a="" ; while [ "$1" != "--" ]; do a="$a \"$1\""; shift; done
    shift
    eval "$a" > "$TMP/a.out" 2> "$TMP/a.err"; ra=$?
    "$@" > "$TMP/b.out" 2> "$TMP/b.err"; rb=$?
    if [ "$ra" != "$rb" ]; then
        fail "$name" "exit $rb, reference $ra; stderr: $(head -c 300 "$TMP/b.err")"
    elif ! cmp -s "$TMP/a.out" "$TMP/b.out"; then
        fail "$name" "output differs: $(diff "$TMP/a.out" "$TMP/b.out" | head -5 | tr '\n' '|')"
    else
        pass "$name"
    fi
}
