/* intercept.h — the interception engine shared by the FreeBSD personality
 * and libxeno-preload.so: thread blocks, Syscall User Dispatch, the gate. */
#ifndef XENO_INTERCEPT_H
#define XENO_INTERCEPT_H

#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

#include "xthread.h"

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

/* The personality's system call handler: reads the call from the frame
 * and writes the results (rax, rdx, rflags...) back into it. */
typedef void (*xeno_syscall_fn)(struct xframe *f);
extern xeno_syscall_fn xeno_syscall_handler;

/* Optional: answer a trapped call inside the SIGSYS handler itself (only
 * calls that never block and need no translation beyond numbers and
 * errno). Returns 1 when it did; the context then holds the result. */
typedef int (*xeno_sud_quick_fn)(ucontext_t *uc);
extern xeno_sud_quick_fn xeno_sud_quick;

/* Called for SIGSYS that Syscall User Dispatch did not raise. */
typedef void (*xeno_sigsys_fallback_fn)(int sig, siginfo_t *si, void *uc);
extern xeno_sigsys_fallback_fn xeno_sigsys_fallback;

/* How many calls took each path (for `xeno trace --stats`): trapped by
 * Syscall User Dispatch, or from a rewritten site through the gate. Calls
 * a trampoline makes directly are not counted (that is the point). */
struct xeno_stats {
    uint64_t sud, rewrite;
};
extern struct xeno_stats xeno_stats;

/* Print the call-path and rewrite counters on stderr. */
void xeno_print_stats(void);

/* Detect FSGSBASE and the XSAVE layout; call once before any gate use. */
void xeno_cpu_init(void);
/* Make T the calling thread's block: GS base, host FS, xeno stack. */
void xthread_attach(struct xthread *t, uint64_t stack_lo, uint64_t stack_top, int swap_fs);
/* Turn on Syscall User Dispatch for the calling thread (selector in T). */
int xthread_arm_sud(struct xthread *t);
void xthread_disarm_sud(void);
/* Give the calling thread a host signal stack of SIZE bytes. */
int xthread_altstack(struct xthread *t, size_t size);

/* rt_sigaction with xeno's restorer (always allowed by SUD); SA_SIGINFO
 * is implied for handlers. HANDLER may be SIG_DFL or SIG_IGN. OLD, if not
 * NULL, receives the kernel's struct. */
int xeno_sigaction_raw(int sig, void *handler, unsigned long flags, uint64_t mask,
                       void *old);
int xeno_install_sigsys(int on_altstack);
/* From a host signal handler: make sigreturn enter the gate with the
 * interrupted registers in a frame, marked with PATH. */
void xeno_redirect(ucontext_t *uc, uint64_t path);

/* Copy guest memory from xeno code: a bad address gives -EFAULT, not a
 * crash (needs the fault handler of xeno_install_fault_handler). */
int xeno_safe_copy(void *dst, const void *src, size_t n);
/* Copy a NUL-terminated string of at most N bytes including the NUL:
 * its length, or -EFAULT, or -ENAMETOOLONG. */
long xeno_safe_strcpy(char *dst, const char *src, size_t n);
/* SIGSEGV/SIGBUS: recover xeno's own guest-memory copies; every other
 * fault goes to FALLBACK (a personality's guest fault delivery). */
typedef void (*xeno_fault_fn)(int sig, siginfo_t *si, void *uc);
int xeno_install_fault_handler(xeno_fault_fn fallback);

/* Where the gate saved the guest's extended FPU state for frame F (the
 * first 512 bytes are the FXSAVE image). */
void *xeno_frame_xsave(struct xframe *f);
/* Is RIP inside the gate's own code? */
int xeno_rip_in_gate(uint64_t rip);

/* "xeno: internal error: signal N at RIP (address A)\n" without stdio. */
size_t xeno_fault_message(char *buf, size_t cap, int sig, uint64_t rip, uint64_t addr);

/* gate.S */
void xeno_gate_enter(struct xframe *f) __attribute__((noreturn));
void xeno_gate_rewrite(void);
void xeno_dispatch(struct xframe *f);

#endif
