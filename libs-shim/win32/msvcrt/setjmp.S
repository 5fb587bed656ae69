/* setjmp.S — _setjmp/_setjmpex and longjmp with the x64 _JUMP_BUFFER
 * layout of Microsoft's setjmp.h: Frame, Rbx, Rsp, Rbp, Rsi, Rdi,
 * R12-R15, Rip (8 bytes each), MxCsr (4), FpCsr (2), Spare (2), then
 * Xmm6-Xmm15 (16 bytes each): 256 bytes. Called with the Microsoft
 * convention (rcx, rdx). longjmp restores the registers directly; it does
 * not run the __finally blocks or C++ destructors of the frames it leaves
 * (on Windows, a non-zero Frame makes longjmp unwind through
 * RtlUnwindEx). */

    .text
    .globl crt_setjmp
    .type crt_setjmp, @function
crt_setjmp:
    mov %rdx, 0x00(%rcx)
    mov %rbx, 0x08(%rcx)
    lea 8(%rsp), %rax
    mov %rax, 0x10(%rcx)
    mov %rbp, 0x18(%rcx)
    mov %rsi, 0x20(%rcx)
    mov %rdi, 0x28(%rcx)
    mov %r12, 0x30(%rcx)
    mov %r13, 0x38(%rcx)
    mov %r14, 0x40(%rcx)
    mov %r15, 0x48(%rcx)
    mov (%rsp), %rax
    mov %rax, 0x50(%rcx)
    stmxcsr 0x58(%rcx)
    fnstcw 0x5c(%rcx)
    movw $0, 0x5e(%rcx)
    movdqu %xmm6, 0x60(%rcx)
    movdqu %xmm7, 0x70(%rcx)
    movdqu %xmm8, 0x80(%rcx)
    movdqu %xmm9, 0x90(%rcx)
    movdqu %xmm10, 0xa0(%rcx)
    movdqu %xmm11, 0xb0(%rcx)
    movdqu %xmm12, 0xc0(%rcx)
    movdqu %xmm13, 0xd0(%rcx)
    movdqu %xmm14, 0xe0(%rcx)
    movdqu %xmm15, 0xf0(%rcx)
    xor %eax, %eax
    ret
    .size crt_setjmp, .-crt_setjmp

    .globl crt_longjmp
    .type crt_longjmp, @function
crt_longjmp:
    mov %edx, %eax
    test %eax, %eax
    jnz 1f
    mov $1, %eax
1:
    mov 0x08(%rcx), %rbx
    mov 0x18(%rcx), %rbp
    mov 0x20(%rcx), %rsi
    mov 0x28(%rcx), %rdi
    mov 0x30(%rcx), %r12
    mov 0x38(%rcx), %r13
    mov 0x40(%rcx), %r14
    mov 0x48(%rcx), %r15
    ldmxcsr 0x58(%rcx)
    fnclex
    fldcw 0x5c(%rcx)
    movdqu 0x60(%rcx), %xmm6
    movdqu 0x70(%rcx), %xmm7
    movdqu 0x80(%rcx), %xmm8
    movdqu 0x90(%rcx), %xmm9
    movdqu 0xa0(%rcx), %xmm10
    movdqu 0xb0(%rcx), %xmm11
    movdqu 0xc0(%rcx), %xmm12
    movdqu 0xd0(%rcx), %xmm13
    movdqu 0xe0(%rcx), %xmm14
    movdqu 0xf0(%rcx), %xmm15
    mov 0x10(%rcx), %rsp
    jmp *0x50(%rcx)
    .size crt_longjmp, .-crt_longjmp

    .section .note.GNU-stack, "", @progbits
