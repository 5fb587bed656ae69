/* fbsd.h — the FreeBSD personality's internal interface: the call record
 * handlers receive, the per-thread and per-process state, and the helpers
 * handlers share. Handlers are named fbsd_sys_NAME after the table entry
 * in syscalls.tbl; defining one is what implements a system call. */
#ifndef XENO_FBSD_H
#define XENO_FBSD_H

#include <setjmp.h>
#include <stdint.h>

#include "argkinds.h"
#include "freebsd/fbsd_abi.h"
#include "freebsd/fbsd_types.h"
#include "intercept.h"
#include "xthread.h"

/* One FreeBSD system call in progress. */
struct fcall {
    struct xframe *f;
    struct xthread *t;
    int nr;
    uint64_t orig_rax;      /* rax at entry (0 or 198 for the indirect calls) */
    uint64_t a[8];          /* arguments (a[6], a[7] read from the guest stack) */
    uint64_t rv2;           /* second result (rdx): pipe, fork */
    int ok_negative;        /* the result is a value even if it looks like -errno */
};

typedef long (*fbsd_handler_fn)(struct fcall *c);

/* Handler results: a value, or -LINUX_ERRNO (converted centrally), or one
 * of these. */
#define FBSD_ERR_BASE 0x800                  /* -(BASE + e): FreeBSD errno e as is */
#define FBSD_ERR(e) (-(long)(FBSD_ERR_BASE + (e)))
#define FBSD_JUSTRETURN (-0xfff)             /* the frame was set; touch nothing */
#define FBSD_RESTART_CALL (-0xffe)           /* run the call again (after a signal) */

struct fbsd_sysent {
    int nr;
    const char *name;
    fbsd_handler_fn fn;
    uint8_t ret;
    uint16_t kinds[6];
};

/* The table entry for NR, or NULL. */
const struct fbsd_sysent *fbsd_sysent(long nr);

/* Per guest thread. */
struct fbsd_thread {
    fbsd_sigset_t sigmask;  /* signals the guest has blocked */
    fbsd_sigset_t pending;  /* caught by the host, waiting for delivery */
    fbsd_siginfo_t pinfo[129];
    int has_saved_mask;     /* sigsuspend: the mask to restore after the handler */
    fbsd_sigset_t saved_mask;
    uint64_t guest_gs;      /* sysarch(AMD64_SET_GSBASE): kept, not loaded */
    struct fbsd_stack altstack;
    jmp_buf exit_jmp;       /* thr_exit returns here, in the host thread */
    long *exit_state;       /* thr_exit's word, written and woken on exit */
};

static inline struct fbsd_thread *fbsd_thread(struct xthread *t)
{
    return (struct fbsd_thread *)t->pers;
}

/* Process-wide facts set at start. */
struct fbsd_proc {
    const char *execpath;   /* absolute path of the running program */
    uint64_t sigcode;       /* guest address of the signal return code */
    uint64_t usrstack;      /* top of the main thread's stack */
    uint64_t stack_size;
    int strict;             /* XENO_STRICT: unimplemented calls are fatal */
};
extern struct fbsd_proc fbsd_proc;

/* System call entry from the gate. */
void fbsd_syscall(struct xframe *f);
/* Set up and enter a new guest thread on the calling host thread. */
void fbsd_thread_enter(struct xthread *t, struct xframe *start) __attribute__((noreturn));
struct xthread *fbsd_thread_alloc(void);
/* In a forked child: only the calling thread exists now. */
void fbsd_threads_after_fork(void);

/* The rewritten-site fast path (fast.c). */
struct elf_info;
struct ximage;
void fbsd_fast_init(int tracing);
void fbsd_rewrite_image(const struct elf_info *ei, const struct ximage *img);
void fbsd_rewrite_region(uint64_t addr, uint64_t len, int prot);

/* Guest memory access that fails with -EFAULT instead of crashing. */
int fbsd_copyin(void *dst, uint64_t src, size_t n);
int fbsd_copyout(uint64_t dst, const void *src, size_t n);
/* A guest string (path) copied into BUF (size N): 0, -EFAULT or -ENAMETOOLONG. */
int fbsd_copyinstr(char *buf, uint64_t src, size_t n);

/* Linux errno (positive) → FreeBSD errno. */
int fbsd_errno_of(int linux_errno);
/* exit(2): flush the trace and end the whole process. */
void fbsd_exit_process(int status) __attribute__((noreturn));

#endif
