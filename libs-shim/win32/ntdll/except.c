/* except.c — Windows exceptions: the vectored handler list, the
 * unhandled-exception filter, and host faults turned into Windows
 * exception codes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "../process.h"
#include "../w32.h"
#include "../winerr.h"
#include "intercept.h"

typedef LONG(WINAPI *filter_fn)(void *);
static filter_fn unhandled_filter;

static filter_fn WINAPI w32_SetUnhandledExceptionFilter(filter_fn f)
{
    filter_fn old = unhandled_filter;
    unhandled_filter = f;
    return old;
}

static DWORD code_of(int sig, const siginfo_t *si)
{
    switch (sig) {
    case SIGSEGV:
    case SIGBUS: return STATUS_ACCESS_VIOLATION;
    case SIGILL: return STATUS_ILLEGAL_INSTRUCTION;
    case SIGFPE: return si->si_code == FPE_INTDIV ? STATUS_INTEGER_DIVIDE_BY_ZERO
                      : si->si_code == FPE_INTOVF ? STATUS_INTEGER_OVERFLOW
                      : STATUS_FLOAT_INVALID_OPERATION;
    case SIGTRAP: return STATUS_BREAKPOINT;
    default: return STATUS_ACCESS_VIOLATION;
    }
}

static void fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    DWORD code = code_of(sig, si);
    char msg[200];
    int n = snprintf(msg, sizeof msg, "xeno: %s: unhandled exception 0x%08X at 0x%llx "
                     "(address 0x%llx)\n", w32_proc.exe_path_a ? w32_proc.exe_path_a : "program",
                     code, (unsigned long long)uc->uc_mcontext.gregs[REG_RIP],
                     (unsigned long long)(uintptr_t)si->si_addr);
    if (write(2, msg, (size_t)n) < 0)
        _exit((int)code);
    w32_process_exit(code);
}

void w32_exceptions_init(void)
{
    static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        xeno_sigaction_raw(sigs[i], (void *)fault, 0, 0, NULL);
}

W32_EXPORTS(kernel32) = {
    EXPORT(SetUnhandledExceptionFilter, "p:p"),
};
