/* xthread.h — the per-thread block every intercepted thread owns, found
 * through GS (gs:0 holds its own address), and the register frame the
 * gate builds on the xeno stack for each intercepted call. Offsets are
 * shared with gate.S through the XT_* / XF_* constants below. */
#ifndef XENO_XTHREAD_H
#define XENO_XTHREAD_H

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
#endif

/* struct xthread offsets */
/* Bytes of trampolines in the SUD-allowed fast arena (gate.S, rewrite.c). */
#define XENO_FAST_ARENA_SIZE (256 * 1024)

#define XT_SELF 0
#define XT_SELECTOR 8    /* SUD selector byte: 0 allow, 1 block */
#define XT_SWAPFS 9      /* nonzero: the gate switches FS between guest and host */
#define XT_HOST_FS 16
#define XT_GUEST_FS 24
#define XT_XSTACK_LO 32
#define XT_XSTACK_TOP 40
#define XT_DEPTH 48      /* gate entries in progress on this thread */
#define XT_SCRATCH 56    /* trampolines: the guest's syscall number */
#define XT_PENDING 64    /* a host signal waits for delivery to the guest */
#define XT_NEXTPATH 72   /* trampolines: why they enter the gate (XPATH_*), or 0 */

/* struct xframe offsets: general registers as the guest left them */
#define XF_RAX 0
#define XF_RBX 8
#define XF_RCX 16
#define XF_RDX 24
#define XF_RSI 32
#define XF_RDI 40
#define XF_RBP 48
#define XF_R8 56
#define XF_R9 64
#define XF_R10 72
#define XF_R11 80
#define XF_R12 88
#define XF_R13 96
#define XF_R14 104
#define XF_R15 112
#define XF_RIP 120
#define XF_RSP 128
#define XF_RFLAGS 136
#define XF_PATH 144      /* how the call arrived: XPATH_* */
#define XF_RESTART 152   /* where to resume to run the call again */
#define XF_SIZE 160      /* multiple of 16 */

#define XPATH_REWRITE 1  /* a rewritten syscall site jumped into the gate */
#define XPATH_SUD 2      /* Syscall User Dispatch trapped it (SIGSYS) */
#define XPATH_SIGNAL 3   /* a host signal is being delivered to the guest */
#define XPATH_START 4    /* entering guest code for the first time */
#define XPATH_EINTR 5    /* a trampoline's direct call was interrupted: rerun or deliver */

#define SUD_ALLOW 0
#define SUD_BLOCK 1

#ifndef __ASSEMBLER__

struct xframe {
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rip, rsp, rflags;
    uint64_t path, restart;
};

struct xthread {
    struct xthread *self;
    volatile uint8_t selector;
    uint8_t swap_fs;
    uint8_t pad0[6];
    uint64_t host_fs;
    uint64_t guest_fs;
    uint64_t xstack_lo, xstack_top;
    uint64_t depth;
    uint64_t scratch;
    volatile uint8_t pending;
    uint8_t pad1[7];
    uint64_t next_path;
    /* Below: C-only state. */
    void *altstack;              /* host signal stack (SIGSYS, faults) */
    size_t altstack_size;
    int tid;
    void *pers;                  /* personality-specific per-thread state */
    void *fault_jmp;             /* set while xeno copies guest memory */
};

_Static_assert(offsetof(struct xthread, selector) == XT_SELECTOR, "XT_SELECTOR");
_Static_assert(offsetof(struct xthread, swap_fs) == XT_SWAPFS, "XT_SWAPFS");
_Static_assert(offsetof(struct xthread, host_fs) == XT_HOST_FS, "XT_HOST_FS");
_Static_assert(offsetof(struct xthread, guest_fs) == XT_GUEST_FS, "XT_GUEST_FS");
_Static_assert(offsetof(struct xthread, xstack_lo) == XT_XSTACK_LO, "XT_XSTACK_LO");
_Static_assert(offsetof(struct xthread, xstack_top) == XT_XSTACK_TOP, "XT_XSTACK_TOP");
_Static_assert(offsetof(struct xthread, depth) == XT_DEPTH, "XT_DEPTH");
_Static_assert(offsetof(struct xthread, scratch) == XT_SCRATCH, "XT_SCRATCH");
_Static_assert(offsetof(struct xthread, pending) == XT_PENDING, "XT_PENDING");
_Static_assert(offsetof(struct xthread, next_path) == XT_NEXTPATH, "XT_NEXTPATH");
_Static_assert(offsetof(struct xframe, rip) == XF_RIP, "XF_RIP");
_Static_assert(offsetof(struct xframe, rsp) == XF_RSP, "XF_RSP");
_Static_assert(offsetof(struct xframe, rflags) == XF_RFLAGS, "XF_RFLAGS");
_Static_assert(offsetof(struct xframe, path) == XF_PATH, "XF_PATH");
_Static_assert(sizeof(struct xframe) == XF_SIZE, "XF_SIZE");

/* The calling thread's block (valid only on intercepted threads). */
static inline struct xthread *xthread_self(void)
{
    struct xthread *t;
    __asm__ volatile("mov %%gs:0, %0" : "=r"(t));
    return t;
}

#endif
#endif
