/* process.h — the Windows process xeno is running: the image, the PEB and
 * its parameters, the command line, threads and their TEBs. */
#ifndef XENO_W32_PROCESS_H
#define XENO_W32_PROCESS_H

#include <setjmp.h>

#include "image.h"
#include "pe.h"
#include "teb.h"

struct trace_opts;

struct w32_thread {
    TEB *teb;
    int tid;
    void *stack_lo, *stack_hi;
    jmp_buf exit_jmp;          /* ExitThread returns here, in the host thread */
    int has_exit_jmp;
    struct w32_object *obj;    /* the thread object handles refer to */
};

struct w32_module {
    const char *name;          /* "prog.exe" */
    uint64_t base, size;
    const struct pe_file *pe;
    LDR_DATA_TABLE_ENTRY *ldr;
};

struct w32_process {
    const struct pe_file *pe;
    struct ximage img;
    PEB *peb;
    RTL_USER_PROCESS_PARAMETERS *params;
    char *cmdline_a;           /* GetCommandLineA (UTF-8) */
    WCHAR *cmdline_w;
    char *exe_path_a;          /* C:\…\prog.exe or Z:\…\prog.exe */
    WCHAR *exe_path_w;
    const char *exe_host;      /* the host path of the image */
    struct trace_opts *trace;
    int tls_index;             /* the image's TLS index, or -1 */
    int is_go;                 /* a Go program (needs KUSER_SHARED_DATA time) */
};
extern struct w32_process w32_proc;

/* Give the calling host thread a TEB (GS) for a stack [lo, hi). */
struct w32_thread *w32_thread_attach(void *stack_lo, void *stack_hi);
/* Run the image's TLS callbacks for REASON (1 process attach, 2 thread
 * attach, 3 thread detach, 0 process detach). */
void w32_tls_callbacks(DWORD reason);
/* Build the Windows command line from argv, quoting as Windows does. */
char *w32_quote_cmdline(int argc, char **argv);

/* abi/w32_thunks.S: call FN(ARG) with the Microsoft x64 convention on the
 * stack whose top is STACK_TOP; returns FN's result. */
uint64_t w32_call_on_stack(void *fn, void *arg, void *stack_top);

/* ExitProcess: detach callbacks, flush the trace, end all threads. */
void w32_process_exit(UINT code) __attribute__((noreturn));
/* End the process at once with CODE, as TerminateProcess and an
 * unhandled exception do (no detach notifications); a parent xeno still
 * learns the full 32-bit code (kernel32/procobj.c). */
void w32_process_terminate(UINT code) __attribute__((noreturn));

/* kernel32's start-up: take the variables a parent xeno passed (exit-code
 * pipe, command line, handles) out of the environment. First thing. */
void k32_process_init(void);

/* Import binding (imports.c). */
int w32_bind_imports(const struct pe_file *pe, uint64_t base, struct xerr *e);

/* Exception dispatch set-up (exceptions.c). */
void w32_exceptions_init(void);
/* KUSER_SHARED_DATA at 0x7ffe0000 (kuser.c). */
void w32_kuser_init(int keep_current);
/* Process-wide console and standard handles (kernel32). */
void w32_std_handles_init(RTL_USER_PROCESS_PARAMETERS *p);
void w32_heap_init(PEB *peb);

#endif
