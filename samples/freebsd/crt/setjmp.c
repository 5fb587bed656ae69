/* setjmp.c — setjmp/longjmp save and restore the callee-saved registers,
 * the stack pointer and the return address; sigsetjmp also records the
 * signal mask with sigprocmask(340) for siglongjmp to restore. */
#include <setjmp.h>

#include "syscall.h"

__asm__(".text\n"
        ".globl setjmp\n.type setjmp,@function\n"
        "setjmp:\n"
        "\tmovq $0, 64(%rdi)\n"             /* no mask saved */
        "__crt_save_regs:\n"
        "\tmovq %rbx, 0(%rdi)\n"
        "\tmovq %rbp, 8(%rdi)\n"
        "\tmovq %r12, 16(%rdi)\n"
        "\tmovq %r13, 24(%rdi)\n"
        "\tmovq %r14, 32(%rdi)\n"
        "\tmovq %r15, 40(%rdi)\n"
        "\tleaq 8(%rsp), %rdx\n"            /* the caller's rsp after ret */
        "\tmovq %rdx, 48(%rdi)\n"
        "\tmovq (%rsp), %rdx\n"             /* the return address */
        "\tmovq %rdx, 56(%rdi)\n"
        "\txorl %eax, %eax\n"
        "\tret\n"
        ".size setjmp, . - setjmp\n"

        ".globl sigsetjmp\n.type sigsetjmp,@function\n"
        "sigsetjmp:\n"
        "\tmovslq %esi, %rsi\n"
        "\tmovq %rsi, 64(%rdi)\n"
        "\ttestq %rsi, %rsi\n"
        "\tjz __crt_save_regs\n"
        "\tpushq %rdi\n"
        "\tleaq 72(%rdi), %rdx\n"           /* oset = &env->__mask */
        "\txorl %esi, %esi\n"               /* set = NULL: just read */
        "\tmovl $1, %edi\n"                 /* SIG_BLOCK */
        "\tmovl $340, %eax\n"               /* sigprocmask */
        "\tsyscall\n"
        "\tpopq %rdi\n"
        "\tjmp __crt_save_regs\n"
        ".size sigsetjmp, . - sigsetjmp\n"

        ".globl longjmp\n.type longjmp,@function\n"
        "longjmp:\n"
        "\tmovl %esi, %eax\n"
        "\ttestl %eax, %eax\n"
        "\tjnz 1f\n"
        "\tincl %eax\n"
        "1:\tmovq 0(%rdi), %rbx\n"
        "\tmovq 8(%rdi), %rbp\n"
        "\tmovq 16(%rdi), %r12\n"
        "\tmovq 24(%rdi), %r13\n"
        "\tmovq 32(%rdi), %r14\n"
        "\tmovq 40(%rdi), %r15\n"
        "\tmovq 48(%rdi), %rsp\n"
        "\tjmpq *56(%rdi)\n"
        ".size longjmp, . - longjmp\n");

void siglongjmp(sigjmp_buf env, int val)
{
    if (env->__savemask)
        __sys3(SYS_sigprocmask, 3 /* SIG_SETMASK */, &env->__mask, 0);
    longjmp(env, val);
}
