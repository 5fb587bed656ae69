# realworld.sh — programs we did not write, as published on the npm
# registry: the Windows build (Go's esbuild and lefthook; Rust/MSVC's
# biome, lightningcss, pagefind, ast-grep and dprint; Go's buf) and the FreeBSD build (esbuild,
# lefthook) run under xeno on the same inputs as the Linux build of the
# same version runs natively, and must print the same, write the same
# files and exit the same way. Versions and sha512 integrities are pinned
# in tests/realworld/packages.txt; tarballs are cached under
# $BUILD/realworld and never committed. Without the registry every check
# is reported as SKIP. Where Windows legitimately differs the difference
# is named at the check: path separators in messages, the OS's own error
# text, esbuild's ASCII icons outside Windows Terminal (WT_SESSION set
# gives the same icons), assets a Windows build embeds with CRLF.
. tests/lib.sh
PKGS=${XENO_RW_PACKAGES:-tests/realworld/packages.txt}
REGISTRY=${XENO_NPM_REGISTRY:-https://registry.npmjs.org}
XENO_ABS=$(cd "$(dirname "$XENO")" && pwd)/$(basename "$XENO")
mkdir -p "$BUILD/realworld"
CACHE=$(cd "$BUILD/realworld" && pwd)

skip() { echo "SKIP $1: $2"; }

# The hex sha512 an npm integrity string ("sha512-BASE64") stands for.
integrity_hex() {
    printf '%s' "${1#sha512-}" | base64 -d 2>/dev/null | od -An -v -tx1 | tr -d ' \n'
}

# download URL FILE PACKAGE VERSION: curl, or npm's own client when curl
# is missing. After one failure the registry is taken to be unreachable.
download() {
    [ -z "$NO_REGISTRY" ] || return 1
    if command -v curl > /dev/null 2>&1; then
        curl -sfL --retry 1 --connect-timeout 15 --max-time 300 -o "$2" "$1"
    else
        (cd "$(dirname "$2")" && npm pack --silent "$3@$4" > /dev/null 2>&1 &&
         mv "$(ls -t ./*.tgz | head -1)" "$2")
    fi || { NO_REGISTRY=1; return 1; }
}

# fetch KEY: the package's program, downloaded, verified and unpacked once.
# Sets $prog; returns 1 (SKIP: no registry) or 2 (FAIL: bad tarball).
fetch() {
    line=$(grep "^$1 " "$PKGS") || { fail "realworld $1" "not in $PKGS"; return 2; }
    set -- $line
    key=$1 pkg=$2 ver=$3 integ=$4 path=$5
    dir=$CACHE/$key-$ver
    prog=$dir/$path
    [ -f "$dir/.verified" ] && [ -f "$prog" ] && return 0
    rm -rf "$dir" && mkdir -p "$dir"
    base=${pkg#*/}
    if ! download "$REGISTRY/$pkg/-/$base-$ver.tgz" "$dir/pkg.tgz" "$pkg" "$ver"; then
        rm -rf "$dir"
        return 1
    fi
    want=$(integrity_hex "$integ")
    got=$(sha512sum "$dir/pkg.tgz" | cut -d' ' -f1)
    if [ -z "$want" ] || [ "$want" != "$got" ]; then
        fail "realworld $key" "sha512 of $pkg@$ver is $got, $PKGS says $want"
        rm -rf "$dir"
        return 2
    fi
    if ! tar xzf "$dir/pkg.tgz" -C "$dir" || [ ! -f "$prog" ]; then
        fail "realworld $key" "$pkg@$ver does not hold $path"
        return 2
    fi
    chmod +x "$prog" && rm -f "$dir/pkg.tgz" && touch "$dir/.verified"
}

# ---- comparing two runs ---------------------------------------------------
# Output filters (stdin → stdout), applied to both runs alike.
f_none() { cat; }
f_time() { sed -E 's/ in [0-9.]+ ?(ms|s|µs|ns|seconds)\b/ in T/'; }
# biome's diagnostics start with the file's path, which on Windows has \.
f_biome() { sed -E -e ':a' -e 's#^([^ \\]*)\\#\1/#' -e 'ta' | f_time; }
# pagefind says where it runs (a host path on Linux, Z:\… on Windows) and
# prints paths Debug-quoted ("s\\pagefind").
f_pagefind() { sed -E -e '/^Running from:/d' -e 's#\\\\#/#g' | f_time; }

# pair NAME FILTER LINUX_PROG FOREIGN_PROG ARGS...: both run in their own
# copy of $TMP/proj (stdin from $PAIR_IN), and must exit the same, print
# the same stdout and stderr (after FILTER) and leave the same files.
pair() {
    name=$1 filt=$2 lp=$3 fp=$4
    shift 4
    rm -rf "$TMP/l" "$TMP/f"
    cp -r "$TMP/proj" "$TMP/l" && cp -r "$TMP/proj" "$TMP/f"
    (cd "$TMP/l" && timeout 120 "$lp" "$@" < "${PAIR_IN:-/dev/null}") > "$TMP/l.out" 2> "$TMP/l.err"; rl=$?
    (cd "$TMP/f" && timeout 120 "$XENO_ABS" run "$fp" "$@" < "${PAIR_IN:-/dev/null}") > "$TMP/f.out" 2> "$TMP/f.err"; rf=$?
    for s in out err; do
        $filt < "$TMP/l.$s" > "$TMP/l.$s.n"
        $filt < "$TMP/f.$s" > "$TMP/f.$s.n"
    done
    [ -n "$PAIR_PRUNE" ] && (cd "$TMP" && eval "$PAIR_PRUNE")
    if [ "$rl" != "$rf" ]; then
        fail "$name" "exit $rf, native $rl; stderr: $(head -c 300 "$TMP/f.err")"
    elif ! cmp -s "$TMP/l.out.n" "$TMP/f.out.n"; then
        fail "$name" "stdout differs: $(diff "$TMP/l.out.n" "$TMP/f.out.n" | head -6 | tr '\n' '|')"
    elif ! cmp -s "$TMP/l.err.n" "$TMP/f.err.n"; then
        fail "$name" "stderr differs: $(diff "$TMP/l.err.n" "$TMP/f.err.n" | head -6 | tr '\n' '|')"
    elif ! diff -r "$TMP/l" "$TMP/f" > "$TMP/tree.diff" 2>&1; then
        fail "$name" "files written differ: $(head -4 "$TMP/tree.diff" | tr '\n' '|')"
    else
        pass "$name"
    fi
}

# ---- the inputs -------------------------------------------------------------
js_project() {
    rm -rf "$TMP/proj" && mkdir -p "$TMP/proj/src/lib"
    cat > "$TMP/proj/src/index.ts" <<'EOF'
import { greet, Shape, area } from "./util";
import { fib } from "./lib/math.js";
import data from "./data.json";

enum Color { Red, Green = 4, Blue }

export class Counter<T> {
  private items: T[] = [];
  constructor(public readonly name: string) {}
  add(x: T): this { this.items.push(x); return this; }
  get size(): number { return this.items.length; }
}

const shapes: Shape[] = [{ kind: "circle", r: 2 }, { kind: "square", side: 3 }];
const c = new Counter<number>("nums").add(1).add(2);
console.log(greet(data.name), c.size, Color.Blue, fib(20));
for (const s of shapes) console.log(s.kind, area(s).toFixed(3));
export default async function main(): Promise<string> {
  const parts = await Promise.all(data.items.map(async (i) => `${i}!`));
  return (await import("./lib/lazy.js")).tag + parts.join(",");
}
EOF
    cat > "$TMP/proj/src/util.ts" <<'EOF'
export type Shape = { kind: "circle"; r: number } | { kind: "square"; side: number };
export function greet(who: string): string {
  return `Hello, ${who ?? "world"}`;
}
export const area = (s: Shape): number =>
  s.kind === "circle" ? Math.PI * s.r ** 2 : s.side * s.side;
EOF
    cat > "$TMP/proj/src/lib/math.js" <<'EOF'
export function fib(n) {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
export const unused = () => "tree-shaken";
EOF
    echo 'export const tag = "lazy:";' > "$TMP/proj/src/lib/lazy.js"
    echo '{ "name": "xeno", "items": [1, 2, 3] }' > "$TMP/proj/src/data.json"
    printf 'const a = 1;\nfunction f( {\n  return a +;\n}\n' > "$TMP/proj/src/bad.js"
    printf 'import { x } from "./nowhere";\nconsole.log(x);\n' > "$TMP/proj/src/unres.js"
    printf 'const  a = {b:1,\n  c : [1,2,3]}\nfunction f( x ){ return x*2 }\nconsole.log( f(a.b) )\n' \
        > "$TMP/proj/src/fmt.js"
    printf 'let unused = 1;\nvar x = 5;\nif (x == 5) { debugger; }\nexport const y = x;\n' \
        > "$TMP/proj/src/lint.js"
    printf 'let x: number = 1 as any;\nexport default x;\n' > "$TMP/stdin.ts"
}

css_project() {
    rm -rf "$TMP/proj" && mkdir -p "$TMP/proj"
    cat > "$TMP/proj/a.css" <<'EOF'
@import "b.css";
.foo { color: #ff0000; background: rgba(0,0,0,0.5); margin: 0px 0px 0px 0px; }
.bar:hover { display: flex; transition: all 200ms ease-in-out }
@media (min-width: 640px) { .foo { color: red; padding: 10px 10px } }
.a { user-select: none; inset: 0; }
EOF
    printf '.b { color: lab(50%% 40 59.5); }\n.c { transform: translate(0px,0px) }\n' > "$TMP/proj/b.css"
}

site_project() {
    rm -rf "$TMP/proj" && mkdir -p "$TMP/proj/s"
    printf '<!DOCTYPE html><html lang="en"><head><title>Xeno</title></head><body><main><h1>Heading</h1><p>The quick brown fox jumps over the lazy dog; xeno runs Windows programs.</p></main></body></html>\n' \
        > "$TMP/proj/s/index.html"
}

# want KEY...: fetch them all; on no registry say SKIP for GROUP and fail.
want() {
    group=$1
    shift
    for k in "$@"; do
        fetch "$k"
        case $? in
            0) eval "P_$(echo "$k" | tr '-' '_')=\$prog" ;;
            1) skip "$group" "the npm registry ($REGISTRY) cannot be reached"; return 1 ;;
            *) return 1 ;;
        esac
    done
}

# ---- esbuild (Go): Windows and FreeBSD against Linux --------------------------
js_project
if want "esbuild" esbuild-linux esbuild-win esbuild-freebsd; then
    export WT_SESSION=xeno-test   # esbuild: not the old console, so the same icons
    for t in win freebsd; do
        eval "fp=\$P_esbuild_$t"
        L=$P_esbuild_linux
        pair "esbuild ($t): bundle and minify a TS project" f_none "$L" "$fp" src/index.ts --bundle --minify
        pair "esbuild ($t): ESM for es2017" f_none "$L" "$fp" src/index.ts --bundle --format=esm --target=es2017
        pair "esbuild ($t): code splitting, source maps, metafile written" f_none "$L" "$fp" \
            src/index.ts --bundle --splitting --format=esm --outdir=out/dist --sourcemap \
            --metafile=out/meta.json --minify-syntax --log-level=warning
        pair "esbuild ($t): syntax error message and exit 1" f_none "$L" "$fp" src/bad.js
        pair "esbuild ($t): unresolved import" f_none "$L" "$fp" src/unres.js --bundle
        PAIR_IN=$TMP/stdin.ts
        pair "esbuild ($t): TypeScript from stdin" f_none "$L" "$fp" --loader=ts --format=cjs
        PAIR_IN=
        pair "esbuild ($t): --version" f_none "$L" "$fp" --version
    done
    unset WT_SESSION
fi

# ---- biome (Rust, MSVC) ------------------------------------------------------------
if want "biome" biome-linux biome-win; then
    L=$P_biome_linux W=$P_biome_win
    pair "biome (win): format reports what it would change" f_biome "$L" "$W" format src/fmt.js
    pair "biome (win): lint diagnostics" f_biome "$L" "$W" lint src/lint.js
    pair "biome (win): check a directory" f_biome "$L" "$W" check src
    pair "biome (win): format --write rewrites files" f_biome "$L" "$W" format --write src
    PAIR_IN=$TMP/proj/src/fmt.js
    pair "biome (win): format stdin" f_biome "$L" "$W" format --stdin-file-path=a.ts
    PAIR_IN=
    pair "biome (win): --version" f_none "$L" "$W" --version
    # The OS's own text for ERROR_FILE_NOT_FOUND, as Windows words it.
    (cd "$TMP/proj" && "$XENO_ABS" run "$W" lint nothere.js) > "$TMP/out" 2>&1
    t_match "biome (win): a missing file is ERROR_FILE_NOT_FOUND in Windows' words" \
        "The system cannot find the file specified\. \(os error 2\)" "$(cat "$TMP/out")"
fi

# ---- lightningcss (Rust, MSVC) ----------------------------------------------------
if want "lightningcss" lcss-linux lcss-win; then
    css_project
    L=$P_lcss_linux W=$P_lcss_win
    pair "lightningcss (win): minify" f_none "$L" "$W" --minify a.css
    pair "lightningcss (win): bundle @import" f_none "$L" "$W" --minify --bundle a.css
    pair "lightningcss (win): browser targets" f_none "$L" "$W" --targets ">= 0.25%" a.css
    pair "lightningcss (win): write an output file" f_none "$L" "$W" --minify --bundle a.css -o out.css
    pair "lightningcss (win): --version" f_none "$L" "$W" --version
fi

# ---- pagefind (Rust, MSVC): a search index for a one-page site ----------------------
# (The UI assets and wasm a Windows build embeds differ from the Linux
# build's, CRLF line ends among them: they are left out of the comparison.
# With several pages the index follows directory order, which is the
# host's on Linux and sorted, as NTFS lists, under xeno.)
if want "pagefind" pagefind-linux pagefind-win; then
    site_project
    PAIR_PRUNE='find l f \( -name "*ui*" -o -name "wasm.*" \) -exec rm -f {} +'
    pair "pagefind (win): index a site" f_pagefind "$P_pagefind_linux" "$P_pagefind_win" --site s
    PAIR_PRUNE=
fi

# ---- lefthook (Go): Windows and FreeBSD ----------------------------------------------
if want "lefthook" lefthook-linux lefthook-win lefthook-freebsd; then
    rm -rf "$TMP/proj" && mkdir -p "$TMP/proj"
    for t in win freebsd; do
        eval "fp=\$P_lefthook_$t"
        pair "lefthook ($t): version" f_none "$P_lefthook_linux" "$fp" version --full
        pair "lefthook ($t): help" f_none "$P_lefthook_linux" "$fp" help
    done
    if command -v git > /dev/null 2>&1; then   # FreeBSD's lefthook runs the host's git
        (cd "$TMP/proj" && git init -q . && printf 'pre-commit:\n  commands:\n    lint:\n      run: echo hi\n' > lefthook.yml)
        pair "lefthook (freebsd): dump runs git and reads the config" f_none \
            "$P_lefthook_linux" "$P_lefthook_freebsd" dump --json
    fi
fi

# ---- ast-grep (Rust, MSVC): structural search, rewrite and rule scans ---------------
# (Its match lines start with the file's path, \ on Windows: f_biome
# turns the leading path's separators around.)
if want "ast-grep" sg-linux sg-win; then
    rm -rf "$TMP/proj" && mkdir -p "$TMP/proj/src" "$TMP/proj/rules"
    printf 'function f(x) { console.log(x); return x + 1; }\nconst y = f(2);\nconsole.log("done", y);\nif (y > 2) { console.log(y * 2) }\n' \
        > "$TMP/proj/src/a.js"
    printf 'const z = 1;\nconsole.log(z)\n' > "$TMP/proj/src/b.js"
    printf 'ruleDirs:\n  - rules\n' > "$TMP/proj/sgconfig.yml"
    printf 'id: no-console-log\nlanguage: JavaScript\nseverity: warning\nmessage: Do not log to the console\nrule:\n  pattern: console.log($$$ARGS)\nfix: logger.debug($$$ARGS)\n' \
        > "$TMP/proj/rules/nolog.yml"
    L=$P_sg_linux W=$P_sg_win
    pair "ast-grep (win): pattern search in a file" f_biome "$L" "$W" run -p 'console.log($A)' src/a.js
    pair "ast-grep (win): pattern search in a directory" f_biome "$L" "$W" run -p 'console.log($A)' src
    pair "ast-grep (win): JSON matches" f_none "$L" "$W" run -p 'console.log($A)' --json=compact src/a.js
    pair "ast-grep (win): rewrite in place (-U)" f_biome "$L" "$W" run -p 'console.log($A)' -r 'logger.info($A)' -U src
    pair "ast-grep (win): scan with a YAML rule" f_biome "$L" "$W" scan src/a.js
    pair "ast-grep (win): scan --json=stream" f_none "$L" "$W" scan --json=stream src/b.js
    pair "ast-grep (win): scan applies the rule's fix (-U)" f_biome "$L" "$W" scan -U src/a.js
    pair "ast-grep (win): a pattern that does not parse, exit 1" f_none "$L" "$W" run -l ts -p 'x('
fi

# ---- dprint (Rust, MSVC): configuration and its errors --------------------------------
# It keeps a cache under %LOCALAPPDATA%, which must exist on a fresh
# machine: xeno makes the default C: drive (Windows' directory skeleton)
# the first time a program uses it, as Wine makes its prefix. HOME points
# at a fresh directory here so that the drive is new, and XENO_DRIVE_C is
# emptied so that the default drive is the one used.
if want "dprint" dprint-linux dprint-win; then
    rm -rf "$TMP/proj" "$TMP/home" && mkdir -p "$TMP/proj" "$TMP/home"
    printf '{ "plugins": [], "includes": ["**/*.txt"] }\n' > "$TMP/proj/dprint.json"
    echo text > "$TMP/proj/a.txt"
    L=$P_dprint_linux W=$P_dprint_win
    XENO_DRIVE_C= HOME=$TMP/home pair "dprint (win): --version on a fresh C: drive" f_none "$L" "$W" --version
    t_eq "dprint (win): its cache went under C:\\users\\NAME\\AppData\\Local" yes \
        "$([ -d "$TMP/home/.xeno/drive_c/users/${USER:-$(id -un)}/AppData/Local/dprint" ] && echo yes || echo no)"
    XENO_DRIVE_C= HOME=$TMP/home pair "dprint (win): resolved configuration" f_none "$L" "$W" output-resolved-config
    XENO_DRIVE_C= HOME=$TMP/home pair "dprint (win): files it would format" f_none "$L" "$W" output-file-paths
    XENO_DRIVE_C= HOME=$TMP/home pair "dprint (win): check without plugins, exit 13" f_none "$L" "$W" check
    XENO_DRIVE_C= HOME=$TMP/home pair "dprint (win): license" f_none "$L" "$W" license
    # clear-cache removes a directory tree the way Rust's std does on
    # Windows: NtCreateFile relative to each open directory, then delete.
    cache=$TMP/home/.xeno/drive_c/users/${USER:-$(id -un)}/AppData/Local/dprint/cache
    mkdir -p "$cache/sub/deeper" && echo x > "$cache/sub/deeper/f" && echo y > "$cache/g"
    (cd "$TMP/proj" && XENO_DRIVE_C= HOME=$TMP/home "$XENO_ABS" run "$W" clear-cache) > "$TMP/out" 2>&1
    t_match "dprint (win): clear-cache says what it deleted" '^Deleted C:\\users\\.*\\AppData\\Local\\dprint\\cache' \
        "$(tr -d '\r' < "$TMP/out")"
    t_eq "dprint (win): clear-cache removed the whole tree" gone "$([ -e "$cache" ] && echo left || echo gone)"
fi

# ---- buf (Go): Protocol Buffers lint and build -----------------------------------------
# (Its diagnostics and file lists start with a path, \ on Windows. Its
# Windows `format` needs a diff.exe on PATH, as it would on Windows.)
if want "buf" buf-linux buf-win; then
    rm -rf "$TMP/proj" "$TMP/home" && mkdir -p "$TMP/proj/proto/acme/v1" "$TMP/home"
    printf 'version: v2\nmodules:\n  - path: proto\nlint:\n  use:\n    - STANDARD\n' > "$TMP/proj/buf.yaml"
    printf 'syntax = "proto3";\npackage acme.v1;\n\nmessage  GreetRequest { string name = 1;\n  int32 timesTwo=2; }\nmessage GreetResponse {\n   repeated string lines = 1;\n}\nservice GreetService { rpc Greet(GreetRequest) returns (GreetResponse); }\n' \
        > "$TMP/proj/proto/acme/v1/greet.proto"
    L=$P_buf_linux W=$P_buf_win
    HOME=$TMP/home pair "buf (win): lint finds the misnamed field, exit 100" f_biome "$L" "$W" lint
    HOME=$TMP/home pair "buf (win): build writes the same image" f_none "$L" "$W" build -o out.binpb
    HOME=$TMP/home pair "buf (win): ls-files" f_biome "$L" "$W" ls-files
    HOME=$TMP/home pair "buf (win): --version" f_none "$L" "$W" --version
fi
