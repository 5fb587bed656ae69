/* process.c — starting a Windows program: map and bind the image, build
 * the PEB, process parameters (command line quoted as Windows quotes it,
 * environment block, current directory, standard handles) and the main
 * thread's TEB, run TLS callbacks, and call the entry point on a stack of
 * the size the image asks for. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../../syscalls/trace_opts.h"
#include "process.h"
#include "native.h"
#include "paths.h"
#include "registry.h"
#include "relay.h"
#include "run.h"
#include "unicode.h"
#include "xeno.h"
#include "msvcrt/crt.h"

#define ARCH_SET_GS 0x1001
#define MAIN_STACK_MIN (8ull << 20)

struct w32_process w32_proc = { .tls_index = -1 };

static void *xalloc(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        xeno_die(XENO_EXIT_NOLOAD, "out of memory");
    return p;
}

/* Quote one argument so that CommandLineToArgvW gives it back. */
static size_t quote_arg(const char *a, char *out)
{
    size_t o = 0;
    if (*a && !strpbrk(a, " \t\n\v\"")) {
        size_t n = strlen(a);
        if (out) memcpy(out, a, n);
        return n;
    }
    if (out) out[o] = '"';
    o++;
    for (const char *p = a;; p++) {
        size_t bs = 0;
        while (*p == '\\')
            p++, bs++;
        size_t reps = !*p ? 2 * bs : *p == '"' ? 2 * bs + 1 : bs;
        for (size_t i = 0; i < reps; i++, o++)
            if (out) out[o] = '\\';
        if (!*p)
            break;
        if (out) out[o] = *p;
        o++;
    }
    if (out) out[o] = '"';
    return o + 1;
}

char *w32_quote_cmdline(int argc, char **argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++)
        n += quote_arg(argv[i], NULL) + 1;
    char *s = malloc(n), *p = s;
    if (!s)
        return NULL;
    for (int i = 0; i < argc; i++) {
        if (i)
            *p++ = ' ';
        p += quote_arg(argv[i], p);
    }
    *p = 0;
    return s;
}

static void set_ustr(UNICODE_STRING *u, WCHAR *s)
{
    size_t n = s ? w32_wcslen(s) : 0;
    u->Buffer = s;
    u->Length = (USHORT)(n * 2 > 0xfffc ? 0xfffc : n * 2);
    u->MaximumLength = (USHORT)(u->Length + 2);
}

/* The environment block: NAME=VALUE strings, each NUL-terminated, then a
 * final NUL; sorted as Windows keeps it. */
static int env_cmp(const void *a, const void *b)
{
    return strcasecmp(*(char *const *)a, *(char *const *)b);
}

static WCHAR *build_environment(void)
{
    extern char **environ;
    size_t n = 0, units = 1;
    while (environ[n])
        n++;
    char **sorted = malloc((n + 1) * sizeof *sorted);
    if (!sorted)
        return NULL;
    memcpy(sorted, environ, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, env_cmp);
    for (size_t i = 0; i < n; i++)
        units += w32_utf8_to_utf16(sorted[i], -1, NULL, 0) + 1;
    WCHAR *blk = malloc(units * sizeof *blk), *p = blk;
    for (size_t i = 0; blk && i < n; i++)
        p += w32_utf8_to_utf16(sorted[i], -1, p, units - (size_t)(p - blk)) + 1;
    if (blk)
        *p = 0;
    free(sorted);
    return blk;
}

static void set_exe_path(const char *path)
{
    char *rp = realpath(path, NULL);
    char win[PATH_MAX + 8];
    w32_proc.exe_host = rp ? rp : path;
    w32_host_to_win(w32_proc.exe_host, win, sizeof win);
    w32_proc.exe_path_a = strdup(win);
    w32_proc.exe_path_w = w32_utf8_to_wide(win);
}

static void build_params(struct run_req *req)
{
    RTL_USER_PROCESS_PARAMETERS *p = xalloc(sizeof *p);
    char cwd[PATH_MAX], wcwd[PATH_MAX + 8];
    p->MaximumLength = p->Length = sizeof *p;
    p->Flags = 1; /* normalized */
    /* A program started by a host path sees it as a Windows path, in the
     * command line and the C runtime's argv (as under Wine): cmd.exe, for
     * one, ends its own name at the first '/'. */
    if (req->argc > 0 && strchr(req->argv[0], '/'))
        req->argv[0] = w32_proc.exe_path_a;
    w32_proc.cmdline_a = w32_quote_cmdline(req->argc, req->argv);
    w32_proc.cmdline_w = w32_utf8_to_wide(w32_proc.cmdline_a);
    set_ustr(&p->CommandLine, w32_proc.cmdline_w);
    set_ustr(&p->ImagePathName, w32_proc.exe_path_w);
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "/");
    w32_host_to_win(cwd, wcwd, sizeof wcwd);
    size_t l = strlen(wcwd);
    if (wcwd[l - 1] != '\\' && l + 1 < sizeof wcwd)
        wcwd[l] = '\\', wcwd[l + 1] = 0;
    set_ustr(&p->CurrentDirectory, w32_utf8_to_wide(wcwd));
    p->Environment = build_environment();
    w32_proc.params = p;
}

static PEB *build_peb(void)
{
    PEB *peb = xalloc(sizeof(PEB) + sizeof(PEB_LDR_DATA));
    PEB_LDR_DATA *ldr = (PEB_LDR_DATA *)(peb + 1);
    ldr->Length = sizeof *ldr;
    ldr->Initialized = 1;
    ldr->InLoadOrderModuleList.Flink = ldr->InLoadOrderModuleList.Blink = &ldr->InLoadOrderModuleList;
    ldr->InMemoryOrderModuleList.Flink = ldr->InMemoryOrderModuleList.Blink = &ldr->InMemoryOrderModuleList;
    ldr->InInitializationOrderModuleList.Flink = ldr->InInitializationOrderModuleList.Blink =
        &ldr->InInitializationOrderModuleList;
    peb->Ldr = ldr;
    peb->ImageBaseAddress = (PVOID)w32_proc.img.base;
    peb->ProcessParameters = w32_proc.params;
    peb->NumberOfProcessors = (ULONG)sysconf(_SC_NPROCESSORS_ONLN);
    peb->OSMajorVersion = 10;
    peb->OSMinorVersion = 0;
    peb->OSBuildNumber = 19045;
    peb->OSPlatformId = 2;
    peb->ImageSubsystem = w32_proc.pe->subsystem;
    peb->ImageSubsystemMajorVersion = w32_proc.pe->major_subsys;
    peb->ImageSubsystemMinorVersion = w32_proc.pe->minor_subsys;
    return peb;
}

/* A thread's copy of the image's TLS template, in its TLS array. */
static void thread_tls(TEB *teb)
{
    const struct pe_file *pe = w32_proc.pe;
    if (w32_proc.tls_index < 0)
        return;
    uint64_t delta = w32_proc.img.base - pe->image_base;
    size_t tsize = pe->tls_end - pe->tls_start, total = tsize + pe->tls_zerofill;
    PVOID *arr = calloc(64, sizeof *arr);
    uint8_t *blk = calloc(1, total + 16);
    if (!arr || !blk)
        xeno_die(1, "out of memory allocating thread-local storage");
    if (tsize)
        memcpy(blk, (void *)(pe->tls_start + delta), tsize);
    arr[w32_proc.tls_index] = blk;
    teb->ThreadLocalStoragePointer = arr;
}

struct w32_thread *w32_thread_attach(void *stack_lo, void *stack_hi)
{
    TEB *teb = xalloc(TEB_SIZE);
    struct w32_thread *th = calloc(1, sizeof *th);
    if (!th)
        xeno_die(1, "out of memory");
    th->teb = teb;
    th->tid = (int)syscall(SYS_gettid);
    th->stack_lo = stack_lo;
    th->stack_hi = stack_hi;
    teb->Self = teb;
    teb->StackBase = stack_hi;
    teb->StackLimit = stack_lo;
    teb->ProcessEnvironmentBlock = w32_proc.peb;
    teb->UniqueProcess = (HANDLE)(intptr_t)getpid();
    teb->UniqueThread = (HANDLE)(intptr_t)th->tid;
    teb->ExceptionList = (PVOID)-1;
    teb->xeno = th;
    thread_tls(teb);
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, teb) < 0)
        xeno_die(1, "cannot set GS for the TEB: %s", strerror(errno));
    return th;
}

void w32_tls_callbacks(DWORD reason)
{
    const struct pe_file *pe = w32_proc.pe;
    uint64_t delta = w32_proc.img.base - pe->image_base;
    for (size_t i = 0; i < pe->ntls_callbacks; i++) {
        void (WINAPI *cb)(PVOID, DWORD, PVOID) =
            (void (WINAPI *)(PVOID, DWORD, PVOID))(pe->tls_callbacks[i] + delta);
        cb((PVOID)w32_proc.img.base, reason, NULL);
    }
}

static void setup_tls_index(void)
{
    const struct pe_file *pe = w32_proc.pe;
    if (!pe->has_tls)
        return;
    w32_proc.tls_index = 0;
    if (pe->tls_index_va) {
        uint32_t zero = 0;
        memcpy((void *)(pe->tls_index_va + w32_proc.img.base - pe->image_base), &zero, 4);
    }
}

/* Go programs read the time from KUSER_SHARED_DATA. Their build info
 * starts with a marker, 16-byte aligned near the start of the writable
 * data (where Go's debug/buildinfo looks); when a release strips that,
 * the header of the runtime's pc-line table in the read-only data (magic
 * of Go 1.16, 1.18 or 1.20+, then 0, 0, instruction size 1, pointer size
 * 8; 4-byte aligned) still gives Go away. Only those sections are read:
 * scanning a whole large program costs milliseconds at every start. */
static int has_buildinfo(const uint8_t *p, size_t n)
{
    static const char magic[] = "\xff Go buildinf:";
    n = n < 65536 ? n : 65536;
    for (size_t i = 0; i + sizeof magic - 1 <= n; i += 16)
        if (!memcmp(p + i, magic, sizeof magic - 1))
            return 1;
    return 0;
}

static int has_pclntab(const uint8_t *p, size_t n)
{
    static const uint32_t magics[] = { 0xfffffff1u, 0xfffffff0u, 0xfffffffau };
    static const uint8_t rest[4] = { 0, 0, 1, 8 };
    for (size_t i = 0; i + 8 <= n; i += 4) {
        uint32_t m;
        memcpy(&m, p + i, 4);
        if ((m == magics[0] || m == magics[1] || m == magics[2]) && !memcmp(p + i + 4, rest, 4))
            return 1;
    }
    return 0;
}

static int looks_like_go(const struct pe_file *pe)
{
    int pcln = 0;
    for (int pass = 0; pass < 2; pass++)
        for (unsigned i = 0; i < pe->nsect; i++) {
            const struct pe_section *sc = &pe->sect[i];
            const uint8_t *p = pe->f->data + sc->raw_off;
            uint32_t fl = sc->flags;
            if (!sc->raw_size || (fl & (PE_SCN_MEM_EXECUTE | PE_SCN_CNT_UNINIT)))
                continue;
            if (pass == 0 && (fl & PE_SCN_MEM_WRITE) && has_buildinfo(p, sc->raw_size))
                return 1;
            if (pass == 1 && !(fl & PE_SCN_MEM_WRITE) && (pcln = has_pclntab(p, sc->raw_size)))
                return 1;
        }
    return pcln;
}

int win64_run(struct pe_file *pe, struct run_req *req)
{
    struct xerr e;
    k32_process_init();
    w32_proc.pe = pe;
    w32_proc.trace = req->trace;
    w32_registry_init();
    if (req->trace)
        w32_relay_start(req->trace);
    if (pe->dir[PE_DIR_CLR].rva)
        xeno_die(XENO_EXIT_NOLOAD, "%s: .NET assemblies are not supported", req->path);
    if (pe->characteristics & 0x2000)
        xeno_die(XENO_EXIT_NOLOAD, "%s: is a DLL, not a program", req->path);
    if (pe_map_image(pe, &w32_proc.img, &e) < 0)
        xeno_die(XENO_EXIT_NOLOAD, "%s: %s", req->path, e.msg);
    set_exe_path(req->path);
    build_params(req);
    w32_proc.peb = build_peb();
    w32_heap_init(w32_proc.peb);
    w32_std_handles_init(w32_proc.params);
    w32_proc.is_go = looks_like_go(pe);
    w32_kuser_init(w32_proc.is_go);
    setup_tls_index();
    crt_init(req->argc, req->argv);
    uint64_t ssize = pe->stack_reserve > MAIN_STACK_MIN ? pe->stack_reserve : MAIN_STACK_MIN;
    uint8_t *stack = xalloc(ssize);
    w32_thread_attach(stack + 4096, stack + ssize);
    if (w32_bind_imports(pe, w32_proc.img.base, &e) < 0)
        xeno_die(XENO_EXIT_NOLOAD, "%s: %s", req->path, e.msg);
    pe_protect_image(pe, &w32_proc.img);
    w32_exceptions_init();
    w32_native_process_attach(); /* DLLs shipped with the program: DllMain */
    w32_tls_callbacks(1);
    uint64_t rc = w32_call_on_stack((void *)w32_proc.img.entry, w32_proc.peb, stack + ssize);
    w32_process_exit((UINT)rc);
}
