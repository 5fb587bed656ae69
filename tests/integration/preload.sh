# preload.sh — libxeno-preload.so on ordinary Linux programs:
#   - XENO_TRACE matches strace: for cat, ls, cp, sh -c and a threaded C
#     program, each thread's sequence of call names and results is the one
#     `strace -f -qq` saw in the same run (the differences docs/tracing.md
#     lists are removed from strace's side first), with the rewritten-site
#     fast path and with Syscall User Dispatch alone;
#   - nothing changes for a program when nothing is remapped or denied;
#   - XENO_REMAP and XENO_DENY on cat, ls, stat, mkdir, mv, rm, python3;
#   - interception survives fork, vfork, posix_spawn, execve, threads and
#     signal handlers; `xeno preload` sets the variables.
. tests/lib.sh
LIB=$(realpath $BUILD/libxeno-preload.so)
XP=$(realpath $XENO)
W=$TMP/w
mkdir -p $W/real/sub
echo "remapped content" > $W/real/sub/f.txt
echo "a file to copy" > $W/src.txt
cc -O2 -pthread -o $TMP/threads tests/trace/threads.c || fail "build tests/trace/threads.c" "cc failed"
cc -O2 -o $TMP/spawn tests/trace/spawn.c || fail "build tests/trace/spawn.c" "cc failed"

# compare STRACE_OUT XENO_OUT: per thread, names and results (see docs/tracing.md)
cat > $TMP/cmp.py <<'EOF'
import difflib, re, sys
LINE = re.compile(r'^(\d+)\s+(.*)$')
SUD = re.compile(r'^prctl\((PR_SET_SYSCALL_USER_DISPATCH|0x3b)')

def result(text):
    m = re.search(r'\) += (.*)$', text)
    if not m:
        return None
    r = m.group(1).strip()
    if r.startswith('?'):
        return '?'
    e = re.match(r'-1 (E[A-Z0-9]+)', r)
    if e:
        return '-1 ' + e.group(1)
    tok = r.split()[0]
    try:
        if tok.startswith('0x'):
            return str(int(tok, 16))
        if len(tok) > 1 and tok.startswith('0') and tok.isdigit():
            return str(int(tok, 8))
        return str(int(tok))
    except ValueError:
        return tok

KILLS = ('kill', 'tkill', 'tgkill')
killed = set()

def parse(path):
    seqs, pending = {}, {}
    for raw in open(path, errors='replace'):
        m = LINE.match(raw.rstrip('\n'))
        if not m:
            continue
        tid, text = int(m.group(1)), m.group(2)
        if text.startswith('+++ killed by'):
            killed.add(tid)
        if text.startswith('---') or text.startswith('+++'):
            continue
        if text.endswith('<unfinished ...>'):
            pending[tid] = text[:-len('<unfinished ...>')].rstrip()
            continue
        r = re.match(r'<\.\.\. (\w+) resumed>(.*)$', text)
        if r:
            text = pending.pop(tid, r.group(1) + '(') + r.group(2)
        n = re.match(r'(\w+)\(', text)
        if n:
            seqs.setdefault(tid, []).append((n.group(1), result(text), text))
    return seqs

def machinery(name, text):
    """xeno's own calls, which strace sees and the program did not make"""
    return (name in ('rt_sigreturn', 'process_vm_readv') or SUD.match(text)
            or re.match(r'write\(9[89]\d, ', text)
            or re.match(r'mmap\(NULL, 262144, PROT_READ\|PROT_WRITE, '
                        r'MAP_PRIVATE\|MAP_ANONYMOUS\|MAP_STACK, -1, 0\)', text))

def strace_view(seqs):
    out = {}
    for tid, calls in seqs.items():
        res, skip, first = [], 0, True
        for name, r, text in calls:
            if name in ('execve', 'execveat') and r == '0':
                res.append((name, r))
                skip, first = 1, False
                continue
            if skip == 1:   # loader and constructors, up to arming SUD
                skip = 2 if SUD.match(text) else 1
                continue
            if skip == 2:   # the engine's start-up, up to the execve line
                skip = 0 if name == 'process_vm_readv' else 2
                continue
            if machinery(name, text):
                continue
            if first and name in ('gettid', 'arch_prctl'):
                continue    # a new thread's block learns its id
            first = False
            res.append((name, r))
        if tid in killed and res and res[-1][0] in KILLS:
            res.pop()       # killed by its own signal before xeno could print the call
        out[tid] = res
    return out

ALIAS = {'vfork': 'clone', 'fork': 'clone'}
BOTH = ('sched_yield',)  # also xeno's tracer waiting for its buffer: dropped on both sides
s = strace_view(parse(sys.argv[1]))
x = {t: [(ALIAS.get(n, n), r) for n, r, _ in c] for t, c in parse(sys.argv[2]).items()}
s = {t: [c for c in v if c[0] not in BOTH] for t, v in s.items()}
x = {t: [c for c in v if c[0] not in BOTH] for t, v in x.items()}
bad = [t for t in sorted(set(s) | set(x)) if s.get(t, []) != x.get(t, [])]
for t in bad[:2]:
    a = ['%s = %s' % c for c in s.get(t, [])]
    b = ['%s = %s' % c for c in x.get(t, [])]
    print('tid %d: ' % t + ' | '.join(list(difflib.unified_diff(a, b, lineterm='', n=0))[2:8]))
calls = sum(len(v) for v in x.values())
print('%d tasks, %d calls' % (len(set(s) | set(x)), calls))
sys.exit(1 if bad or calls == 0 else 0)
EOF

# differential NAME CMD...: strace and XENO_TRACE on the same run
differential() {
    name=$1
    shift
    rm -f $TMP/s.txt $TMP/x.txt
    (cd $W && strace -f -qq -o $TMP/s.txt -E LD_PRELOAD=$LIB -E XENO_TRACE=f \
        -E XENO_TRACE_FILE=$TMP/x.txt "$@") > $TMP/d.out 2> $TMP/d.err
    if r=$(python3 $TMP/cmp.py $TMP/s.txt $TMP/x.txt); then
        pass "same calls and results as strace -f: $name ($r)"
    else
        fail "same calls and results as strace -f: $name" "$r"
    fi
}

if command -v strace >/dev/null; then
    differential "cat" cat src.txt
    differential "ls -la" ls -la /usr/bin/env .
    differential "cp" cp src.txt copy.txt
    differential "sh -c with a pipe, a failing ls, fork and exec" \
        sh -c 'echo hi | cat; ls /nonexistent; cat src.txt > out.txt; true'
    differential "threaded program" $TMP/threads $W
    differential "vfork, posix_spawn, signals" $TMP/spawn
    XENO_REWRITE=0 differential "threaded program, Syscall User Dispatch only" $TMP/threads $W
    XENO_REWRITE=0 differential "sh -c, Syscall User Dispatch only" sh -c 'ls / | cat > /dev/null'
else
    fail "strace differential" "strace is not installed (tools/deps.sh test)"
fi

# ---- transparency: same output, exit status and files ----
t_same "ls unchanged under the library" ls -la /usr/bin/env $W -- \
    env LD_PRELOAD=$LIB ls -la /usr/bin/env $W
t_same "sh pipeline and exit status unchanged" sh -c 'seq 1 500 | sort -r | head -3; exit 9' -- \
    env LD_PRELOAD=$LIB sh -c 'seq 1 500 | sort -r | head -3; exit 9'
t_same "spawn/signal program unchanged" $TMP/spawn -- env LD_PRELOAD=$LIB $TMP/spawn
t_same "threaded program unchanged while traced" $TMP/threads $W -- \
    env LD_PRELOAD=$LIB XENO_TRACE=f XENO_TRACE_FILE=$TMP/t.txt $TMP/threads $W
t_same "cp makes the same file" sh -c "cp $W/src.txt $W/c1.txt && cat $W/c1.txt" -- \
    env LD_PRELOAD=$LIB XENO_TRACE=1 XENO_TRACE_FILE=$TMP/t.txt sh -c "cp $W/src.txt $W/c2.txt && cat $W/c2.txt"
if command -v python3 >/dev/null; then
    py="import os, sys; print(sorted(os.listdir('/usr')), sys.version_info[0]); sys.exit(3)"
    t_same "python3 unchanged" python3 -c "$py" -- env LD_PRELOAD=$LIB python3 -c "$py"
fi

# ---- the trace itself ----
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=1 XENO_TRACE_FILE=$TMP/t.txt cat $W/src.txt > /dev/null
t_match "trace: the execve that started the program" '^execve\("/usr/bin/cat", \["cat", ".*/src.txt"\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/\) = 0$' "$(head -1 $TMP/t.txt)"
t_match "trace: openat decoded" "^openat\(AT_FDCWD, \".*/src.txt\", O_RDONLY\) = 3$" "$(cat $TMP/t.txt)"
t_match "trace: a failed call" '= -1 ENOENT \(No such file or directory\)$' "$(cat $TMP/t.txt)"
t_match "trace: a buffer" '^read\(3, "a file to copy\\n", [0-9]+\) = 15$' "$(cat $TMP/t.txt)"
t_eq "trace: the end" "+++ exited with 0 +++" "$(tail -1 $TMP/t.txt)"
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=1 XENO_TRACE_FILE=$TMP/t.txt XENO_TRACE_FILTER=%file cat $W/src.txt > /dev/null
t_eq "XENO_TRACE_FILTER=%file: no read/close" 0 "$(grep -c -E '^(read|close|mmap)\(' $TMP/t.txt)"
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=json XENO_TRACE_FILE=$TMP/t.txt cat $W/src.txt > /dev/null
t_rc "XENO_TRACE=json: one JSON object per line" 0 python3 -c '
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
assert any(o.get("syscall") == "openat" and o["args"][1].endswith("src.txt") and o["ret"] == 3 for o in objs)
assert objs[-1]["event"] == "exited"' $TMP/t.txt
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=1 XENO_TRACE_FILE=$TMP/t.txt sh -c "ls $W > /dev/null; true"
t_eq "without f, the forked and exec'd ls is not traced" 0 "$(grep -c getdents64 $TMP/t.txt)"
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=f XENO_TRACE_FILE=$TMP/t.txt sh -c "ls $W > /dev/null; true"
t_match "with f, it is" '^[0-9]+ +getdents64\(' "$(cat $TMP/t.txt)"
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=c XENO_TRACE_FILE=$TMP/t.txt cat $W/src.txt > /dev/null
t_match "XENO_TRACE=c: a summary table" '^100\.00 .* total$' "$(cat $TMP/t.txt)"
rm -f $TMP/t.txt
LD_PRELOAD=$LIB XENO_TRACE=1 XENO_TRACE_FILE=$TMP/t.txt python3 -c 'import os; os.closerange(3, 4000); open("/etc/hostname").read()'
t_match "the trace survives the program closing every descriptor" 'openat\(AT_FDCWD, "/etc/hostname"' "$(cat $TMP/t.txt)"

# ---- XENO_REMAP ----
export XENO_REMAP=/virtual=$W/real
t_eq "remap: cat" "remapped content" "$(LD_PRELOAD=$LIB cat /virtual/sub/f.txt)"
t_eq "remap: ls" "f.txt" "$(LD_PRELOAD=$LIB ls /virtual/sub)"
t_eq "remap: stat (statx)" "17" "$(LD_PRELOAD=$LIB stat -c %s /virtual/sub/f.txt)"
LD_PRELOAD=$LIB sh -c 'mkdir /virtual/new && mv /virtual/sub/f.txt /virtual/new/g.txt && ln -s g.txt /virtual/new/link'
t_eq "remap: mkdir, mv (renameat2), ln -s in the remapped tree" "remapped content" "$(cat $W/real/new/link)"
t_eq "remap: exec'd programs are remapped too" "remapped content" "$(LD_PRELOAD=$LIB sh -c 'cd /virtual/new && cat g.txt')"
t_eq "remap: paths outside stay" "$(cat /etc/hostname)" "$(LD_PRELOAD=$LIB cat /etc/hostname)"
t_eq "remap: /virtualx is not under /virtual" "" "$(LD_PRELOAD=$LIB ls /virtualx 2>/dev/null)"
if command -v python3 >/dev/null; then
    t_eq "remap: python3" "remapped content ['g.txt', 'link']" \
        "$(LD_PRELOAD=$LIB python3 -c 'import os; print(open("/virtual/new/g.txt").read().strip(), sorted(os.listdir("/virtual/new")))')"
fi
unset XENO_REMAP
t_eq "xeno preload --remap" "remapped content" "$($XP preload --remap /v=$W/real -- cat /v/new/g.txt)"

# ---- XENO_DENY ----
touch $W/victim
t_rc "deny: rm fails" 1 env LD_PRELOAD=$LIB XENO_DENY=unlink:EPERM rm $W/victim
t_match "deny: rm says why" "Operation not permitted" "$(cat $TMP/err)"
t_eq "deny: the file is still there" yes "$(test -e $W/victim && echo yes)"
t_rc "deny: mkdir with EACCES" 1 env LD_PRELOAD=$LIB XENO_DENY=mkdir:EACCES mkdir $W/nodir
t_match "deny: mkdir says Permission denied" "Permission denied" "$(cat $TMP/err)"
LD_PRELOAD=$LIB XENO_DENY=unlink:EPERM XENO_TRACE=1 XENO_TRACE_FILE=$TMP/dt.txt rm $W/victim 2>/dev/null
t_match "deny: the trace marks it" '^unlinkat\(AT_FDCWD, ".*victim", 0\) = -1 EPERM \(Operation not permitted\) \(INJECTED\)$' "$(cat $TMP/dt.txt)"
t_rc "xeno preload --deny, then rm works again" 0 sh -c "$XP preload --deny unlink:EPERM -- rm $W/victim 2>/dev/null; rm $W/victim"
if command -v python3 >/dev/null; then
    t_eq "deny: python3 connect gets ECONNREFUSED" "ConnectionRefusedError" "$(LD_PRELOAD=$LIB XENO_DENY=connect:ECONNREFUSED python3 -c '
import socket
try:
    socket.create_connection(("127.0.0.1", 9))
except OSError as e:
    print(type(e).__name__)')"
fi
t_rc "a bad XENO_DENY stops the program" 126 env LD_PRELOAD=$LIB XENO_DENY=nosuchcall true
t_match "and says why" "XENO_DENY: unknown system call 'nosuchcall'" "$(cat $TMP/err)"
t_rc "xeno preload --trace" 0 $XP preload --trace -- true
t_match "xeno preload --trace writes strace lines" '^exit_group\(0\) = \?$' "$(cat $TMP/err)"
