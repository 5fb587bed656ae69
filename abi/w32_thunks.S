/* w32_thunks.S — small bridges between xeno's C code and Windows code:
 * calling a Microsoft x64 function on another stack. */

    .text
/* uint64_t w32_call_on_stack(void *fn, void *arg, void *stack_top)
 * Calls fn(arg) (arg in rcx, 32 bytes of shadow space) with rsp at
 * stack_top, then returns to the caller's own stack. */
    .globl w32_call_on_stack
    .type w32_call_on_stack, @function
w32_call_on_stack:
    push %rbp
    mov %rsp, %rbp
    push %rbx
    push %r12
    mov %rdi, %rax
    mov %rsi, %rcx
    and $-16, %rdx
    mov %rdx, %rsp
    sub $32, %rsp
    call *%rax
    lea -16(%rbp), %rsp
    pop %r12
    pop %rbx
    pop %rbp
    ret
    .size w32_call_on_stack, .-w32_call_on_stack

    .section .note.GNU-stack, "", @progbits
