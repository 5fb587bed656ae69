/* gate.S — the entry/exit gate between guest code and xeno's C code.
 *
 * A guest system call reaches xeno in one of two ways: a rewritten call
 * site jumps to xeno_gate_rewrite (rcx = the address to resume at), or
 * Syscall User Dispatch traps it and the SIGSYS handler, having copied the
 * registers into a frame on the xeno stack, points the context at
 * xeno_gate_redirect. Either way the gate then allows host syscalls (SUD
 * selector), saves the extended FPU state, switches FS to glibc's when the
 * guest owns FS, calls xeno_dispatch(frame), and returns to the guest with
 * every register taken from the frame — rflags included — without writing
 * into the guest's red zone.
 */
#include "xthread.h"

#define ARCH_SET_FS 0x1002
#define FBSD_TRAMP_NSYS 600
#define HOST_TRAMP_NSYS 512
#define SYS_arch_prctl 158
#define SYS_rt_sigreturn 15

    .hidden xeno_dispatch, xeno_xsave_size, xeno_xsave_mask, xeno_xsave_kind
    .hidden xeno_have_fsgsbase, xeno_sud_allow_start, xeno_sud_allow_end
    .hidden xeno_gate_text_start, xeno_gate_text_end
    .text
    .globl xeno_gate_text_start, xeno_gate_text_end
xeno_gate_text_start:

/* Entered by a jump from a rewritten syscall site. rcx holds the resume
 * address and r11 the address that runs the call again (the syscall
 * instruction clobbers both). */
    .globl xeno_gate_rewrite
    .type xeno_gate_rewrite, @function
    .p2align 4
xeno_gate_rewrite:
    lea -128(%rsp), %rsp            /* step over the red zone (flags intact) */
    pushfq
    mov %r11, -8(%rsp)              /* restart address, below the flags */
    mov %rsp, %r11                  /* r11 = guest rsp - 136; [r11] = rflags */
    cmp %gs:XT_XSTACK_LO, %r11      /* already on the xeno stack (nested)? */
    jb 1f
    cmp %gs:XT_XSTACK_TOP, %r11
    jb 2f
1:  mov %gs:XT_XSTACK_TOP, %rsp
2:  sub $16, %rsp                  /* keep clear of the restart slot */
    and $-16, %rsp
    sub $XF_SIZE, %rsp
    mov %rax, XF_RAX(%rsp)
    mov %rbx, XF_RBX(%rsp)
    mov %rdx, XF_RDX(%rsp)
    mov %rsi, XF_RSI(%rsp)
    mov %rdi, XF_RDI(%rsp)
    mov %rbp, XF_RBP(%rsp)
    mov %r8, XF_R8(%rsp)
    mov %r9, XF_R9(%rsp)
    mov %r10, XF_R10(%rsp)
    mov %r12, XF_R12(%rsp)
    mov %r13, XF_R13(%rsp)
    mov %r14, XF_R14(%rsp)
    mov %r15, XF_R15(%rsp)
    mov %rcx, XF_RIP(%rsp)
    mov %rcx, XF_RCX(%rsp)          /* as after a real syscall: rcx = rip */
    mov (%r11), %rcx
    mov %rcx, XF_RFLAGS(%rsp)
    mov %rcx, XF_R11(%rsp)          /* and r11 = rflags */
    lea 136(%r11), %rcx
    mov %rcx, XF_RSP(%rsp)
    mov -8(%r11), %rcx
    mov %rcx, XF_RESTART(%rsp)
    movq $XPATH_REWRITE, XF_PATH(%rsp)
    mov %gs:XT_NEXTPATH, %rcx       /* a trampoline may say why it came */
    test %rcx, %rcx
    jz gate_common
    mov %rcx, XF_PATH(%rsp)
    movq $0, %gs:XT_NEXTPATH
    jmp gate_common
    .size xeno_gate_rewrite, .-xeno_gate_rewrite

/* Entered on return from a host signal handler that built the frame at
 * rsp (Syscall User Dispatch, or a signal to deliver to the guest). */
    .globl xeno_gate_redirect
    .type xeno_gate_redirect, @function
    .p2align 4
xeno_gate_redirect:
    jmp gate_common
    .size xeno_gate_redirect, .-xeno_gate_redirect

/* rsp = frame (16-aligned). */
    .type gate_common, @function
    .p2align 4
gate_common:
    movb $SUD_ALLOW, %gs:XT_SELECTOR
    incq %gs:XT_DEPTH
    mov %rsp, %rbx                  /* rbx: the frame, kept across the call */
    cmpb $0, %gs:XT_SWAPFS
    je 3f
    call gate_fs_to_host
3:  mov xeno_xsave_size(%rip), %rax
    sub %rax, %rsp
    and $-64, %rsp
    xor %eax, %eax                  /* the XSAVE header must start zeroed */
    mov %rax, 512(%rsp)
    mov %rax, 520(%rsp)
    mov %rax, 528(%rsp)
    mov %rax, 536(%rsp)
    mov %rax, 544(%rsp)
    mov %rax, 552(%rsp)
    mov %rax, 560(%rsp)
    mov %rax, 568(%rsp)
    mov xeno_xsave_mask(%rip), %eax
    mov xeno_xsave_mask+4(%rip), %edx
    cmpb $2, xeno_xsave_kind(%rip)
    je 4f
    cmpb $1, xeno_xsave_kind(%rip)
    je 5f
    fxsave64 (%rsp)
    jmp 6f
4:  xsavec64 (%rsp)
    jmp 6f
5:  xsave64 (%rsp)
6:  cld
    mov %rbx, %rdi
    call xeno_dispatch
    mov xeno_xsave_mask(%rip), %eax
    mov xeno_xsave_mask+4(%rip), %edx
    cmpb $0, xeno_xsave_kind(%rip)
    je 7f
    xrstor64 (%rsp)
    jmp 8f
7:  fxrstor64 (%rsp)
8:  mov %rbx, %rsp
    decq %gs:XT_DEPTH
    jmp xeno_gate_exit_frame
    .size gate_common, .-gate_common

/* Save the guest's FS base and load glibc's. Clobbers rax rcx rdx rsi rdi r11. */
    .type gate_fs_to_host, @function
gate_fs_to_host:
    cmpb $0, xeno_have_fsgsbase(%rip)
    je 1f
    rdfsbase %rax
    mov %rax, %gs:XT_GUEST_FS
    mov %gs:XT_HOST_FS, %rax
    wrfsbase %rax
    ret
1:  mov %gs:XT_HOST_FS, %rsi        /* the guest's FS is what sysarch set */
    mov $ARCH_SET_FS, %edi
    mov $SYS_arch_prctl, %eax
    syscall
    ret
    .size gate_fs_to_host, .-gate_fs_to_host

/* Return to guest code with the registers in the frame at rdi.
 * void xeno_gate_enter(struct xframe *f) — never returns. */
    .globl xeno_gate_enter
    .type xeno_gate_enter, @function
xeno_gate_enter:
    mov %rdi, %rsp
    /* fall through */

/* rsp = frame. Restore the guest and jump to frame->rip. */
    .globl xeno_gate_exit_frame
    .type xeno_gate_exit_frame, @function
xeno_gate_exit_frame:
    cmpb $0, %gs:XT_SWAPFS
    je 2f
    cmpb $0, xeno_have_fsgsbase(%rip)
    je 1f
    mov %gs:XT_GUEST_FS, %rax
    wrfsbase %rax
    jmp 2f
1:  mov %gs:XT_GUEST_FS, %rsi
    mov $ARCH_SET_FS, %edi
    mov $SYS_arch_prctl, %eax
    syscall
2:  mov XF_RSP(%rsp), %r11          /* the resume address goes just below */
    lea -136(%r11), %r11            /* the guest's red zone */
    mov XF_RIP(%rsp), %rcx
    mov %rcx, (%r11)
    mov %r11, XF_PATH(%rsp)
    pushq XF_RFLAGS(%rsp)
    popfq
    mov XF_RAX(%rsp), %rax
    mov XF_RBX(%rsp), %rbx
    mov XF_RCX(%rsp), %rcx
    mov XF_RDX(%rsp), %rdx
    mov XF_RSI(%rsp), %rsi
    mov XF_RDI(%rsp), %rdi
    mov XF_RBP(%rsp), %rbp
    mov XF_R8(%rsp), %r8
    mov XF_R9(%rsp), %r9
    mov XF_R10(%rsp), %r10
    mov XF_R11(%rsp), %r11
    mov XF_R12(%rsp), %r12
    mov XF_R13(%rsp), %r13
    mov XF_R14(%rsp), %r14
    mov XF_R15(%rsp), %r15
    movb $SUD_BLOCK, %gs:XT_SELECTOR
    mov XF_PATH(%rsp), %rsp
    ret $128
    .size xeno_gate_exit_frame, .-xeno_gate_exit_frame
    .size xeno_gate_enter, .-xeno_gate_enter

/* Create a thread (or vfork child) that shares our memory, from inside the
 * gate. long xeno_clone_raw(long nr, long a0, long a1, long a2, long a3,
 * long a4, struct xthread *child). The caller arranged the kernel's stack
 * argument so the child starts with rsp at child's prepared frame; the
 * child installs its own thread block in GS, arms Syscall User Dispatch on
 * its own selector, and leaves through the gate's exit into guest code. */
    .globl xeno_clone_raw
    .type xeno_clone_raw, @function
xeno_clone_raw:
    push %r12
    mov 16(%rsp), %r12              /* child block (7th argument) */
    mov %rdi, %rax
    mov %rsi, %rdi
    mov %rdx, %rsi
    mov %rcx, %rdx
    mov %r8, %r10
    mov %r9, %r8
    syscall
    test %rax, %rax
    jz 1f
    pop %r12
    ret
1:  /* child: rsp = its frame; only r12 is known */
    cmpb $0, xeno_have_fsgsbase(%rip)
    je 2f
    wrgsbase %r12
    jmp 3f
2:  mov $0x1001, %edi               /* ARCH_SET_GS */
    mov %r12, %rsi
    mov $SYS_arch_prctl, %eax
    syscall
3:  mov $59, %edi                   /* PR_SET_SYSCALL_USER_DISPATCH */
    mov $1, %esi                    /* PR_SYS_DISPATCH_ON */
    lea xeno_sud_allow_start(%rip), %rdx
    lea xeno_sud_allow_end(%rip), %r10
    sub %rdx, %r10
    lea XT_SELECTOR(%r12), %r8
    mov $157, %eax                  /* prctl */
    syscall
    jmp xeno_gate_exit_frame
    .size xeno_clone_raw, .-xeno_clone_raw

/* ---- Trampolines for rewritten syscall sites ----
 * Copied per site (after any instructions displaced from the site) with
 * their data slots filled: the gate, the address to resume at, and the
 * personality's tables. Calls that need no translation beyond numbers and
 * errno are made right here, with the SUD selector opened around the
 * syscall instruction; everything else enters the gate. rcx and r11 are
 * clobbered, as by the syscall instruction itself; so are the flags
 * (FreeBSD returns its error indication in CF). */

/* FreeBSD guest: table = u16 Linux number + 1 per FreeBSD number (0: use
 * the gate; Linux's read is number 0), errmap = u8 FreeBSD errno per Linux errno. */
    .globl xeno_tramp_fbsd, xeno_tramp_fbsd_end, xeno_tramp_fbsd_data
    .p2align 4
xeno_tramp_fbsd:
.Ltramp_fbsd:
    mov %rax, %gs:XT_SCRATCH
    cmp $FBSD_TRAMP_NSYS, %rax
    jae 8f
    mov 20f(%rip), %r11
    movzwl (%r11,%rax,2), %r11d
    test %r11d, %r11d
    jz 8f
    lea -1(%r11), %rax
    movb $SUD_ALLOW, %gs:XT_SELECTOR
    syscall
    movb $SUD_BLOCK, %gs:XT_SELECTOR
    cmp $-4095, %rax
    jae 2f
    cmpb $0, %gs:XT_PENDING
    jne 5f
    clc
    jmp *18f(%rip)
2:  cmp $-4, %rax                   /* EINTR: let the gate deliver or rerun */
    je 6f
    neg %rax
    mov 21f(%rip), %r11
    movzbl (%r11,%rax), %eax
    cmpb $0, %gs:XT_PENDING
    jne 4f
    stc
    jmp *18f(%rip)
4:  stc                             /* an error, and a signal to deliver */
5:  movq $XPATH_SIGNAL, %gs:XT_NEXTPATH
    mov 18f(%rip), %rcx
    mov %rcx, %r11
    jmp *17f(%rip)
6:  mov %gs:XT_SCRATCH, %rax
    movq $XPATH_EINTR, %gs:XT_NEXTPATH
8:  mov 18f(%rip), %rcx
    lea .Ltramp_fbsd(%rip), %r11
    jmp *17f(%rip)
    .p2align 3
xeno_tramp_fbsd_data:
17: .quad 0                         /* gate */
18: .quad 0                         /* resume */
20: .quad 0                         /* direct table */
21: .quad 0                         /* errno map */
xeno_tramp_fbsd_end:

/* Host program (preload): table = bitmap of Linux numbers that must go
 * through the gate (thread creation, signals, the policy's calls). */
    .globl xeno_tramp_host, xeno_tramp_host_end, xeno_tramp_host_data
    .p2align 4
xeno_tramp_host:
.Ltramp_host:
    cmp $HOST_TRAMP_NSYS, %rax
    jae 8f
    mov 20f(%rip), %r11
    bt %rax, (%r11)
    jc 8f
    movb $SUD_ALLOW, %gs:XT_SELECTOR
    syscall
    movb $SUD_BLOCK, %gs:XT_SELECTOR
    jmp *18f(%rip)
8:  mov 18f(%rip), %rcx
    lea .Ltramp_host(%rip), %r11
    jmp *17f(%rip)
    .p2align 3
xeno_tramp_host_data:
17: .quad 0                         /* gate */
18: .quad 0                         /* resume */
20: .quad 0                         /* slow-path bitmap */
21: .quad 0                         /* unused */
xeno_tramp_host_end:

xeno_gate_text_end:

/* The range Syscall User Dispatch always allows, whatever the selector
 * says: the signal return trampoline for every handler xeno installs (so
 * rt_sigreturn works in any state), then the fast arena. Trampolines of
 * rewritten sites within rel32 reach of it are placed there (rewrite.c),
 * and their system calls skip the kernel's read of the selector — on the
 * machines measured that read is most of what an armed SUD adds to every
 * call. The arena holds nothing but trampolines; it is int3 until used. */
    .section .text.xeno_sud_allow, "ax", @progbits
    .p2align 12
    .globl xeno_sud_allow_start, xeno_sud_allow_end, xeno_restorer
    .globl xeno_fast_arena, xeno_fast_arena_end
xeno_sud_allow_start:
xeno_restorer:
    mov $SYS_rt_sigreturn, %eax
    syscall
    ud2
    .p2align 12
xeno_fast_arena:
    .fill XENO_FAST_ARENA_SIZE, 1, 0xcc
xeno_fast_arena_end:
xeno_sud_allow_end:

    .data
    .globl xeno_xsave_size, xeno_xsave_mask, xeno_xsave_kind, xeno_have_fsgsbase
    .p2align 3
xeno_xsave_size: .quad 512 + 64
xeno_xsave_mask: .quad 0
xeno_xsave_kind: .byte 0            /* 0 fxsave, 1 xsave, 2 xsavec */
xeno_have_fsgsbase: .byte 0

    .section .note.GNU-stack, "", @progbits
