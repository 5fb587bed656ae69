# win_crt.sh — the C runtime xeno provides (msvcrt.dll and the UCRT):
# 1. every portable Windows sample (PORTABLE_WIN in samples/windows/build.mk),
#    built against msvcrt and against the UCRT, prints under xeno exactly what
#    its native Linux build prints (stdout with \r stripped: text mode writes
#    \r\n, as on Windows) and exits the same way;
# 2. Microsoft-specific behaviour a native build cannot show, checked by a
#    small program built here, each value from Microsoft's documentation;
# 3. where a Wine prefix already exists, the same program under Wine, for
#    the lines on which Windows' documentation and Wine agree.
. tests/lib.sh
export XENO_SAMPLE_A=alpha XENO_SAMPLE_B="two words" XENO_TEST_VAR="hello world"
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}

portable=$(sed -n '/^PORTABLE_WIN/,/[^\\]$/p' samples/windows/build.mk | sed 's/PORTABLE_WIN *:=//; s/\\//' |
           tr -s ' \n' ' ')

# crt_same NAME EXE: the Windows build prints what the Linux build prints.
crt_same() {
    name=$1 exe=$2
    d=$TMP/run-$exe
    rm -rf "$d" && mkdir -p "$d/linux" "$d/win"
    if [ ! -x "$S/windows/$exe.exe" ] || [ ! -x "$S/linux/win-$name" ]; then
        fail "crt $exe" "not built ($S/windows/$exe.exe, $S/linux/win-$name)"
        return
    fi
    (cd "$d/linux" && "$OLDPWD/$S/linux/win-$name" one "two words" 'quote"d' 'back\slash' 3 < /dev/null) > "$TMP/a.out" 2> "$TMP/a.err"; ra=$?
    (cd "$d/win" && "$OLDPWD/$XENO" run "$OLDPWD/$S/windows/$exe.exe" one "two words" 'quote"d' 'back\slash' 3 < /dev/null) \
        > "$TMP/b.raw" 2> "$TMP/b.err"; rb=$?
    tr -d '\r' < "$TMP/b.raw" > "$TMP/b.out"
    if [ "$ra" != "$rb" ]; then
        fail "crt $exe" "exit $rb, native $ra; stderr: $(head -c 300 "$TMP/b.err")"
    elif ! cmp -s "$TMP/a.out" "$TMP/b.out"; then
        fail "crt $exe" "output differs: $(diff "$TMP/a.out" "$TMP/b.out" | head -6 | tr '\n' '|')"
    else
        pass "crt $exe: same output as the Linux build"
    fi
}

for s in $portable; do
    crt_same "$s" "$s"
    crt_same "$s" "$s-ucrt"
done

# ---- Microsoft-specific behaviour ----------------------------------------
# Functions whose behaviour belongs to the DLL are called through
# GetProcAddress, so that mingw-w64's own replacements (its strtod, its
# _set_invalid_parameter_handler for msvcrt) do not stand in for them.
cat > "$TMP/msbehav.c" <<'EOF'
#define __USE_MINGW_ANSI_STDIO 0
#include <direct.h>
#include <errno.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <windows.h>
#ifdef _UCRT
#define CRT_DLL "ucrtbase.dll"
#else
#define CRT_DLL "msvcrt.dll"
#endif

static int handler_calls;
static void __cdecl on_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                               uintptr_t r)
{
    (void)e, (void)f, (void)file, (void)line, (void)r;
    handler_calls++;
}

typedef void *(__cdecl *set_handler_fn)(void *);
typedef int (__cdecl *strcpy_s_fn)(char *, size_t, const char *);
typedef double (__cdecl *strtod_fn)(const char *, char **);

static void text_mode(void)
{
    char buf[64];
    const char *name = "xeno_msbehav.txt";
    FILE *f = fopen(name, "w");
    fputs("a\nb\n", f);
    fclose(f);
    f = fopen(name, "rb");
    fseek(f, 0, SEEK_END);
    printf("text file size: %ld\n", ftell(f));
    fclose(f);
    f = fopen(name, "r");
    fgets(buf, sizeof buf, f);
    long pos = ftell(f);
    fgets(buf, sizeof buf, f);
    fseek(f, pos, SEEK_SET);
    char again[8] = "";
    fgets(again, sizeof again, f);
    printf("ftell/fseek round trip: %s\n", strcmp(again, "b\n") ? "broken" : "ok");
    fclose(f);
    f = fopen(name, "ab");
    fputs("c\x1a" "d\n", f);
    fclose(f);
    f = fopen(name, "r");
    int n = (int)fread(buf, 1, sizeof buf, f);
    printf("text read: %d bytes, eof %d\n", n, feof(f) != 0);
    fclose(f);
    fclose(fopen("xeno_msbehav2.txt", "w"));
    errno = 0;
    int r = rename(name, "xeno_msbehav2.txt");
    printf("rename onto existing: %d errno %d\n", r, errno);
    remove("xeno_msbehav2.txt");
    remove(name);
}

static void files(void)
{
    struct _stat64 st;
    _mkdir("xeno_msbehav_dir");
    _stat64("xeno_msbehav_dir", &st);
    printf("dir mode: %#x\n", st.st_mode);
    fclose(fopen("xeno_msbehav_dir\\Prog.EXE", "w"));
    fclose(fopen("xeno_msbehav_dir\\data.txt", "w"));
    _stat64("xeno_msbehav_dir\\Prog.EXE", &st);
    printf("exe mode: %#x\n", st.st_mode);
    _stat64("xeno_msbehav_dir\\data.txt", &st);
    printf("txt mode: %#x\n", st.st_mode);
    struct _finddata64i32_t fd;
    intptr_t h = _findfirst64i32("xeno_msbehav_dir\\*.exe", &fd);
    printf("findfirst *.exe: %s attrib %#x\n", h == -1 ? "-" : fd.name, h == -1 ? 0 : fd.attrib);
    if (h != -1) {
        printf("findnext: %d\n", _findnext64i32(h, &fd));
        _findclose(h);
    }
    remove("xeno_msbehav_dir\\Prog.EXE");
    remove("xeno_msbehav_dir\\data.txt");
    _rmdir("xeno_msbehav_dir");
}

int main(int argc, char **argv)
{
    char buf[64], *end;
    HMODULE crt = LoadLibraryA(CRT_DLL);
    if (argc > 1 && !strcmp(argv[1], "invalid")) { /* the DLL's default handler */
        set_handler_fn set = (set_handler_fn)(void *)GetProcAddress(crt, "_set_invalid_parameter_handler");
        strcpy_s_fn cpy = (strcpy_s_fn)(void *)GetProcAddress(crt, "strcpy_s");
        if (set)
            set(NULL);
        printf("strcpy_s returned %d\n", cpy(buf, 4, "too long"));
        fflush(stdout);
        return 0;
    }
    volatile double zero = 0;
    printf("e: %e\n", 1.0);
    printf("E: %E\n", 12345.678);
    printf("g: %g\n", 1e10);
    printf("p: %p\n", (void *)0x12ab);
    printf("I64d: %I64d\n", -1234567890123LL);
    printf("I64x: %I64x\n", 0xfedcba9876543210ULL);
    printf("ld: %ld\n", (long)0x7fffffff);
    printf("S: %S|%hs\n", L"wide", (const char *)"narrow");
    printf("inf: %f %e\n", 1.0 / zero, -1.0 / zero);
    printf("inf2: %.2f\n", 1.0 / zero);
    srand(1);
    int r1 = rand(), r2 = rand(), r3 = rand(), max = 0;
    printf("rand: %d %d %d\n", r1, r2, r3);
    for (int i = 0; i < 100000; i++) {
        int v = rand();
        max = v > max ? v : max;
    }
    printf("rand max: %d\n", max);
    memset(buf, 'x', sizeof buf);
    int n = _snprintf(buf, 5, "%s", "abcde");
    printf("_snprintf exact: %d unterminated %d\n", n, buf[5] == 'x' && buf[4] == 'e');
    printf("_snprintf over: %d\n", _snprintf(buf, 3, "%s", "abcde"));
    strtod_fn dll_strtod = (strtod_fn)(void *)GetProcAddress(crt, "strtod");
    double d = dll_strtod("1d2x", &end);
    printf("strtod 1d2: %g rest %s\n", d, end);
    printf("itoa: %s %s %s\n", _itoa(-1, buf, 16), _itoa(-255, buf + 20, 10), _itoa(255, buf + 40, 2));
    set_handler_fn set = (set_handler_fn)(void *)GetProcAddress(crt, "_set_invalid_parameter_handler");
    if (set) /* Wine's msvcrt.dll has none */
        set((void *)on_invalid);
    strcpy_s_fn dll_strcpy_s = (strcpy_s_fn)(void *)GetProcAddress(crt, "strcpy_s");
    char small[4] = "abc";
    int e = dll_strcpy_s(small, sizeof small, "too long");
    printf("strcpy_s: %d emptied %d handler %d\n", e, small[0] == 0, handler_calls);
    e = strncpy_s(small, sizeof small, "too long", _TRUNCATE);
    printf("strncpy_s truncate: %d [%s]\n", e, small);
    text_mode();
    files();
    _putenv("XenoMixedCase=yes");
    char env[16] = "";
    GetEnvironmentVariableA("XENOMIXEDCASE", env, sizeof env);
    const char *g = getenv("XENOMIXEDCASE");
    printf("getenv any case: %s, process env: %s\n", g ? g : "(null)", env);
    return 0;
}
EOF

UCRT_SPECS=$TMP/ucrt.specs
built=1
if ! "$MINGW_CC" -dumpspecs 2>/dev/null | sed 's/-lmsvcrt/-lucrt/g' > "$UCRT_SPECS" ||
   ! "$MINGW_CC" -O2 -o "$TMP/msbehav.exe" "$TMP/msbehav.c" 2> "$TMP/cc.err" ||
   ! "$MINGW_CC" -specs="$UCRT_SPECS" -D_UCRT -O2 -o "$TMP/msbehav-ucrt.exe" "$TMP/msbehav.c" 2>> "$TMP/cc.err"; then
    fail "crt Microsoft-behaviour program" "cannot build with $MINGW_CC: $(head -c 300 "$TMP/cc.err")"
    built=0
fi

# expect FILE KEY VALUE WHY: the line "KEY: ..." of FILE is "KEY: VALUE".
expect() {
    line=$(grep -F -m1 -- "$2: " "$1")
    got=${line#"$2: "}
    t_eq "crt $(basename "$1" .out) $2 ($4)" "$3" "$got"
}

if [ $built = 1 ]; then
    for v in msbehav msbehav-ucrt; do
        (cd "$TMP" && "$OLDPWD/$XENO" run "$TMP/$v.exe") 2> "$TMP/$v.err" | tr -d '\r' > "$TMP/$v.out"
    done
    M=$TMP/msbehav.out U=$TMP/msbehav-ucrt.out
    # _set_output_format (VS2013 docs): the pre-2015 CRT "prints three digits
    # for the exponent"; Visual C++ change history 2003-2015: the UCRT prints
    # two, as C99 asks.
    expect $M e "1.000000e+000" "msvcrt: three exponent digits"
    expect $U e "1.000000e+00" "UCRT: two exponent digits"
    expect $M E "1.234568E+004" "msvcrt %E"
    expect $M g "1e+010" "msvcrt %g exponent"
    expect $U g "1e+10" "UCRT %g exponent"
    # printf type field 'p': the address in hexadecimal digits, pointer-sized
    # (16 digits on x64), as the CRT prints it in upper case.
    expect $M p "00000000000012AB" "%p is 16 upper-case digits"
    expect $U p "00000000000012AB" "%p is 16 upper-case digits"
    # Size specification I64: a 64-bit integer.
    expect $M I64d "-1234567890123" "%I64d"
    expect $U I64x "fedcba9876543210" "%I64x"
    # Data type ranges: long is 4 bytes on Windows.
    expect $M ld "2147483647" "%ld is 32-bit"
    # Type field characters: %S is a wide string in printf, %hs narrow.
    expect $M S "wide|narrow" "%S and %hs"
    expect $U S "wide|narrow" "%S and %hs"
    # Visual C++ change history 2003-2015: infinity was 1.#INF, and %.2f
    # "would print 1.#J"; the UCRT prints inf (C99).
    expect $M inf "1.#INF00 -1.#INF00e+000" "msvcrt infinity"
    expect $M inf2 "1.#J" "msvcrt infinity rounded to 2 digits"
    expect $U inf "inf -inf" "UCRT infinity"
    # rand: 0..RAND_MAX (0x7FFF); srand(1) restores the initial state, whose
    # sequence (seed*214013+2531011, bits 16-30) begins 41, 18467, 6334.
    expect $M rand "41 18467 6334" "Microsoft's generator"
    expect $U rand "41 18467 6334" "Microsoft's generator"
    expect $M "rand max" "32767" "RAND_MAX 0x7FFF"
    # _snprintf: "If len = count, len characters are stored, no
    # null-terminator is appended, and len is returned"; longer: negative.
    expect $M "_snprintf exact" "5 unterminated 1" "_snprintf at the limit"
    expect $M "_snprintf over" "-1" "_snprintf overflow"
    # atof/strtod: the pre-UCRT CRTs accept Fortran-style d/D exponents;
    # "The UCRT versions of these functions don't support" them.
    expect $M "strtod 1d2" "100 rest x" "msvcrt d exponent"
    expect $U "strtod 1d2" "1 rest d2x" "UCRT has no d exponent"
    # _itoa: a '-' only for radix 10; other radices show the bits.
    expect $M itoa "ffffffff -255 11111111" "_itoa radices"
    # strcpy_s: too small a buffer empties it, calls the invalid parameter
    # handler and returns ERANGE (34); strncpy_s with _TRUNCATE truncates and
    # returns STRUNCATE (80).
    expect $M strcpy_s "34 emptied 1 handler 1" "strcpy_s ERANGE and the handler"
    expect $U strcpy_s "34 emptied 1 handler 1" "strcpy_s ERANGE and the handler"
    expect $U "strncpy_s truncate" "80 [too]" "strncpy_s _TRUNCATE"
    # fopen: text mode writes \n as \r\n, and on input CTRL+Z is end of file;
    # ftell/fseek return to the same place in text mode.
    expect $M "text file size" "6" "text mode writes CRLF"
    expect $U "text file size" "6" "text mode writes CRLF"
    expect $M "text read" "5 bytes, eof 1" "Ctrl-Z ends text input"
    expect $U "ftell/fseek round trip" "ok" "text-mode positions"
    # rename: "EACCES: File or directory specified by newname already exists".
    expect $M "rename onto existing" "-1 errno 13" "rename never replaces"
    # _stat: _S_IFDIR 0x4000 / _S_IFREG 0x8000; read/write bits from the file's
    # permission, execute bits from the extension (.exe), shown for all.
    expect $M "dir mode" "0x41ff" "_stat of a directory"
    expect $M "exe mode" "0x81ff" "_stat of a .exe"
    expect $U "txt mode" "0x81b6" "_stat of a .txt"
    # _findfirst: wildcards match without regard to case; _A_ARCH 0x20.
    expect $M "findfirst *.exe" "Prog.EXE attrib 0x20" "_findfirst wildcard"
    expect $U findnext "-1" "_findnext at the end"
    # Environment names are case-insensitive; _putenv changes the process
    # environment GetEnvironmentVariable reads.
    expect $M "getenv any case" "yes, process env: yes" "_putenv and getenv"
    expect $U "getenv any case" "yes, process env: yes" "_putenv and getenv"

    # The default invalid parameter handler: msvcrt.dll ignores the bad
    # argument (the function returns its error); the UCRT ends the process
    # through _invoke_watson / __fastfail: 0xC0000409, whose low byte (9) is
    # what a Linux parent sees.
    t_rc "crt msvcrt default invalid-parameter handler returns" 0 $XENO run "$TMP/msbehav.exe" invalid
    t_match "crt msvcrt strcpy_s then returns ERANGE" "strcpy_s returned 34" "$(cat "$TMP/out")"
    t_rc "crt UCRT default invalid-parameter handler ends the process (0xC0000409)" 9 \
        $XENO run "$TMP/msbehav-ucrt.exe" invalid

    # Wine as a second reference, only where a prefix exists already (a new
    # one takes seconds to create). Known differences are left out: Wine's
    # rename reports EEXIST and its UCRT strtod accepts d exponents (both
    # against Microsoft's documentation), and its msvcrt.dll has no
    # _set_invalid_parameter_handler.
    if command -v wine > /dev/null 2>&1 && [ -d "${WINEPREFIX:-$HOME/.wine}" ]; then
        for v in msbehav msbehav-ucrt; do
            (cd "$TMP" && WINEDEBUG=-all timeout 60 wine "$TMP/$v.exe" 2> /dev/null) | tr -d '\r' |
                grep -v -e '^rename onto' -e '^strtod 1d2' -e '^strcpy_s' > "$TMP/$v.wine"
            grep -v -e '^rename onto' -e '^strtod 1d2' -e '^strcpy_s' "$TMP/$v.out" > "$TMP/$v.xeno"
            if cmp -s "$TMP/$v.wine" "$TMP/$v.xeno"; then
                pass "crt $v agrees with Wine"
            else
                fail "crt $v agrees with Wine" "$(diff "$TMP/$v.wine" "$TMP/$v.xeno" | head -6 | tr '\n' '|')"
            fi
        done
    fi
fi
