/* strbuf.c — returning strings the way the Get*Directory/Get*Path
 * family does (length without the NUL, or the size needed with it), and
 * checking memory the program hands in: the kernel copies through
 * process_vm_readv/writev, so a bad pointer gives an error instead of a
 * fault inside xeno (where those calls are not allowed, pointers are
 * trusted). */
#include <pthread.h>
#include <signal.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"

static DWORD noaccess(void)
{
    w32_set_last_error(ERROR_NOACCESS);
    return 0;
}

DWORD k32_ret_str_a(const char *s, char *buf, DWORD n)
{
    size_t len = strlen(s);
    if (!buf || len >= n)
        return (DWORD)len + 1;
    return k32_copy_out(buf, s, len + 1) ? (DWORD)len : noaccess();
}

DWORD k32_ret_wstr(const WCHAR *s, WCHAR *buf, DWORD n)
{
    size_t len = w32_wcslen(s);
    if (!buf || len >= n)
        return (DWORD)len + 1;
    return k32_copy_out(buf, s, (len + 1) * sizeof *s) ? (DWORD)len : noaccess();
}

DWORD k32_ret_str_w(const char *utf8, WCHAR *buf, DWORD n)
{
    size_t len = w32_utf8_to_utf16(utf8, -1, NULL, 0);
    if (!buf || len >= n)
        return (DWORD)len + 1;
    WCHAR *tmp = malloc((len + 1) * sizeof *tmp);
    if (!tmp) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    w32_utf8_to_utf16(utf8, -1, tmp, len + 1);
    int ok = k32_copy_out(buf, tmp, (len + 1) * sizeof *tmp);
    free(tmp);
    return ok ? (DWORD)len : noaccess();
}

int k32_ret_nls(const char *s, void *out, int n, int wide)
{
    int need = wide ? (int)w32_utf8_to_utf16(s, -1, NULL, 0) + 1 : (int)strlen(s) + 1;
    if (!n)
        return need;
    if (n < need) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (wide)
        w32_utf8_to_utf16(s, -1, out, (size_t)n);
    else
        memcpy(out, s, (size_t)need);
    return need;
}

/* process_vm_readv/writev may be forbidden (a seccomp policy): then
 * pointers are trusted and copied directly. */
static int vm_calls_work = 1;

static ssize_t vm_copy(void *dst, const void *src, size_t n, int out)
{
    struct iovec l = { out ? (void *)src : dst, n }, r = { out ? dst : (void *)src, n };
    ssize_t got = out ? process_vm_writev(getpid(), &l, 1, &r, 1, 0) : process_vm_readv(getpid(), &l, 1, &r, 1, 0);
    if (got < 0 && (errno == ENOSYS || errno == EPERM)) {
        vm_calls_work = 0;
        memcpy(dst, src, n);
        return (ssize_t)n;
    }
    return got;
}

/* Once ntdll's fault handler is in place a copy is made directly: a
 * fault inside it ends the copy (w32_copy_fault_recover, called by the
 * handler, jumps back here) and it reports failure. Before that, and in
 * the unit tests, the kernel checks the addresses (process_vm_*). */
static int direct_ok;
static __thread void **copy_jmp;

void w32_copy_faults_recoverable(void) { direct_ok = 1; }

void w32_copy_fault_recover(void)
{
    void **jb = copy_jmp;
    if (!jb)
        return;
    copy_jmp = NULL;
    __builtin_longjmp(jb, 1);
}

/* Not instrumented: the guest may name any address. */
__attribute__((noinline, no_sanitize_address)) static void raw_copy(void *dst, const void *src,
                                                                   size_t n)
{
    __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* A call of its own after the setjmp (see syscalls/intercept.c). */
__attribute__((noinline)) static int direct_copy(void *dst, const void *src, size_t n)
{
    void *jb[5];
    if (__builtin_setjmp(jb)) {
        sigset_t faults;
        sigemptyset(&faults);
        sigaddset(&faults, SIGSEGV);
        sigaddset(&faults, SIGBUS);
        pthread_sigmask(SIG_UNBLOCK, &faults, NULL); /* we left the handler by a jump */
        return 0;
    }
    copy_jmp = jb;
    raw_copy(dst, src, n);
    copy_jmp = NULL;
    return 1;
}

/* Probe one byte per page: the kernel reports EFAULT for a bad one. */
int k32_readable(const void *p, size_t n)
{
    if (!p)
        return 0;
    if (!vm_calls_work)
        return 1;
    uintptr_t a = (uintptr_t)p, end = a + (n ? n : 1);
    char c;
    for (; a < end; a = (a | 4095) + 1)
        if (direct_ok ? !direct_copy(&c, (const void *)a, 1) : vm_copy(&c, (const void *)a, 1, 0) != 1)
            return 0;
    return 1;
}

/* A copy to or from guest memory (OUT: DST is the guest's): 1, or 0 when
 * the guest's side is NULL or not (wholly) accessible. */
static int guest_copy(void *dst, const void *src, size_t n, int out)
{
    if (!n)
        return 1;
    if (!(out ? dst : src))
        return 0;
    if (direct_ok)
        return direct_copy(dst, src, n);
    if (!vm_calls_work) {
        memcpy(dst, src, n);
        return 1;
    }
    return vm_copy(dst, src, n, out) == (ssize_t)n;
}

int k32_copy_in(void *dst, const void *src, size_t n) { return guest_copy(dst, src, n, 0); }
int k32_copy_out(void *dst, const void *src, size_t n) { return guest_copy(dst, src, n, 1); }
