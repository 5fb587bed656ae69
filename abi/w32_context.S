/* w32_context.S — the Windows x64 CONTEXT thunks that only assembly can
 * write: RtlCaptureContext, restoring a CONTEXT (RtlRestoreContext's last
 * step, through iretq so that RSP, RIP and RFLAGS change at once and
 * nothing below the target stack pointer is touched), and the entries of
 * RaiseException, RtlRaiseException, RtlUnwindEx and RtlUnwind, which
 * capture their caller's CONTEXT exactly as it was at the call and hand
 * it to the C side (libs-shim/win32/ntdll).
 *
 * Marker frames: each capture thunk calls C with its CONTEXT at
 * SEH_MARKER_CTX bytes above its stack pointer, and the return address
 * of that call is a known label (w32_raise_frame, w32_unwind_frame);
 * the fault path builds the same shape on the faulting stack with the
 * return address w32_fault_frame. A stack walk that reaches one of these
 * return addresses continues with the saved CONTEXT (hostunwind.c), the
 * way Windows walks through KiUserExceptionDispatcher. */
#include "win32/ntdll/seh.h"

/* Frame of a capture thunk: 0x40 bytes of outgoing arguments, then the
 * CONTEXT, then the caller's RFLAGS (pushed first), then the return
 * address. 0x40 + CTX_SIZE keeps the CONTEXT 16-byte aligned. */
#define T_CTX 0x40
#define T_SIZE (T_CTX + CTX_SIZE)
#define T_FLAGS T_SIZE
#define T_RET (T_SIZE + 8)
#define T_ARG5 (T_RET + 0x28)    /* the caller's 5th and 6th arguments */
#define T_ARG6 (T_RET + 0x30)

    .text

/* The C side lives in the Windows personality only; libxeno-preload.so,
 * which links every assembly file of abi/, never calls these thunks. */
    .weak seh_raise, seh_raise_record, seh_unwind, seh_unwind_simple

/* Store every register of the caller into the CONTEXT at B(%rsp); the
 * caller's RFLAGS are at T_FLAGS(%rsp), its return address at T_RET. */
.macro SAVE_CALLER b
    movq %rax, \b+CTX_RAX(%rsp)
    movq %rcx, \b+CTX_RCX(%rsp)
    movq %rdx, \b+CTX_RDX(%rsp)
    movq %rbx, \b+CTX_RBX(%rsp)
    movq %rbp, \b+CTX_RBP(%rsp)
    movq %rsi, \b+CTX_RSI(%rsp)
    movq %rdi, \b+CTX_RDI(%rsp)
    movq %r8, \b+CTX_R8(%rsp)
    movq %r9, \b+CTX_R9(%rsp)
    movq %r10, \b+CTX_R10(%rsp)
    movq %r11, \b+CTX_R11(%rsp)
    movq %r12, \b+CTX_R12(%rsp)
    movq %r13, \b+CTX_R13(%rsp)
    movq %r14, \b+CTX_R14(%rsp)
    movq %r15, \b+CTX_R15(%rsp)
    fxsave \b+CTX_FLTSAVE(%rsp)
    stmxcsr \b+CTX_MXCSR(%rsp)
    movq T_FLAGS(%rsp), %rax
    movl %eax, \b+CTX_EFLAGS(%rsp)
    movq T_RET(%rsp), %rax
    movq %rax, \b+CTX_RIP(%rsp)
    leaq T_RET+8(%rsp), %rax
    movq %rax, \b+CTX_RSP(%rsp)
    movw %cs, \b+CTX_SEGCS(%rsp)
    movw $SEL_DS, \b+CTX_SEGDS(%rsp)
    movw $SEL_DS, \b+CTX_SEGES(%rsp)
    movw $SEL_FS, \b+CTX_SEGFS(%rsp)
    movw $SEL_GS, \b+CTX_SEGGS(%rsp)
    movw %ss, \b+CTX_SEGSS(%rsp)
    movl $(CONTEXT_FULL | CONTEXT_SEGMENTS), \b+CTX_FLAGS(%rsp)
    movq \b+CTX_RAX(%rsp), %rax
.endm

/* void RtlCaptureContext(CONTEXT *ctx [rcx]) — Microsoft x64 ABI.
 * The context of the caller just after this call returns. */
    .globl w32_RtlCaptureContext
    .type w32_RtlCaptureContext, @function
w32_RtlCaptureContext:
    pushfq
    movq %rax, CTX_RAX(%rcx)
    popq %rax
    movl %eax, CTX_EFLAGS(%rcx)
    movq %rcx, CTX_RCX(%rcx)
    movq %rdx, CTX_RDX(%rcx)
    movq %rbx, CTX_RBX(%rcx)
    movq %rbp, CTX_RBP(%rcx)
    movq %rsi, CTX_RSI(%rcx)
    movq %rdi, CTX_RDI(%rcx)
    movq %r8, CTX_R8(%rcx)
    movq %r9, CTX_R9(%rcx)
    movq %r10, CTX_R10(%rcx)
    movq %r11, CTX_R11(%rcx)
    movq %r12, CTX_R12(%rcx)
    movq %r13, CTX_R13(%rcx)
    movq %r14, CTX_R14(%rcx)
    movq %r15, CTX_R15(%rcx)
    fxsave CTX_FLTSAVE(%rcx)
    stmxcsr CTX_MXCSR(%rcx)
    movq (%rsp), %rax
    movq %rax, CTX_RIP(%rcx)
    leaq 8(%rsp), %rax
    movq %rax, CTX_RSP(%rcx)
    movw %cs, CTX_SEGCS(%rcx)
    movw $SEL_DS, CTX_SEGDS(%rcx)
    movw $SEL_DS, CTX_SEGES(%rcx)
    movw $SEL_FS, CTX_SEGFS(%rcx)
    movw $SEL_GS, CTX_SEGGS(%rcx)
    movw %ss, CTX_SEGSS(%rcx)
    movl $(CONTEXT_FULL | CONTEXT_SEGMENTS), CTX_FLAGS(%rcx)
    movq CTX_RAX(%rcx), %rax
    ret
    .size w32_RtlCaptureContext, .-w32_RtlCaptureContext

/* void seh_restore(CONTEXT *ctx [rcx]) — Microsoft x64 ABI, no return.
 * Loads the x87/SSE state (if CONTEXT_FLOATING_POINT), MXCSR and every
 * integer register, then iretq to Rip with Rsp and EFlags. */
    .globl seh_restore
    .type seh_restore, @function
seh_restore:
    testl $(CONTEXT_FLOATING_POINT & 0xff), CTX_FLAGS(%rcx)
    jz 1f
    fxrstor CTX_FLTSAVE(%rcx)
1:  ldmxcsr CTX_MXCSR(%rcx)
    andq $-16, %rsp
    xorl %eax, %eax
    movw %ss, %ax
    pushq %rax
    pushq CTX_RSP(%rcx)
    movl CTX_EFLAGS(%rcx), %eax
    pushq %rax
    xorl %eax, %eax
    movw %cs, %ax
    pushq %rax
    pushq CTX_RIP(%rcx)
    movq CTX_RAX(%rcx), %rax
    movq CTX_RDX(%rcx), %rdx
    movq CTX_RBX(%rcx), %rbx
    movq CTX_RBP(%rcx), %rbp
    movq CTX_RSI(%rcx), %rsi
    movq CTX_RDI(%rcx), %rdi
    movq CTX_R8(%rcx), %r8
    movq CTX_R9(%rcx), %r9
    movq CTX_R10(%rcx), %r10
    movq CTX_R11(%rcx), %r11
    movq CTX_R12(%rcx), %r12
    movq CTX_R13(%rcx), %r13
    movq CTX_R14(%rcx), %r14
    movq CTX_R15(%rcx), %r15
    movq CTX_RCX(%rcx), %rcx
    iretq
    .size seh_restore, .-seh_restore

/* A capture thunk: save the caller's context in a marker frame, then
 * call FN(ctx, caller's rcx, rdx, r8, r9, arg5, arg6) (Microsoft ABI).
 * FN never returns: it resumes a context. */
.macro CAPTURE_THUNK name, fn, label
    .globl \name
    .type \name, @function
\name:
    pushfq
    subq $T_SIZE, %rsp
    SAVE_CALLER T_CTX
    movq T_ARG6(%rsp), %rax
    movq %rax, 0x30(%rsp)
    movq T_ARG5(%rsp), %rax
    movq %rax, 0x28(%rsp)
    movq %r9, 0x20(%rsp)
    movq %r8, %r9
    movq %rdx, %r8
    movq %rcx, %rdx
    leaq T_CTX(%rsp), %rcx
    call \fn
    .globl \label
\label:
    ud2
    .size \name, .-\name
.endm

CAPTURE_THUNK w32_RaiseException, seh_raise, w32_raise_frame
CAPTURE_THUNK w32_RtlRaiseException, seh_raise_record, w32_raise_record_frame
CAPTURE_THUNK w32_RtlUnwindEx, seh_unwind, w32_unwind_frame
CAPTURE_THUNK w32_RtlUnwind, seh_unwind_simple, w32_unwind_simple_frame

/* The return address a redirected fault finds on its stack (fault.c):
 * the dispatcher never returns here. */
    .globl w32_fault_frame
    .type w32_fault_frame, @function
    nop
w32_fault_frame:
    ud2
    .size w32_fault_frame, .-w32_fault_frame

    .section .note.GNU-stack, "", @progbits
