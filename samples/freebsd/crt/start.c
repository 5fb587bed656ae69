/* start.c — process entry. The FreeBSD kernel starts _start with rdi
 * pointing at argc, followed by argv[], NULL, envp[], NULL, auxv. */
#include "syscall.h"

extern int main(int argc, char **argv, char **envp);
extern void exit(int status) __attribute__((noreturn));

char **environ;
const char *__progname = "";

__attribute__((used)) void __crt_start(long *ap)
{
    int argc = (int)ap[0];
    char **argv = (char **)(ap + 1);
    environ = argv + argc + 1;
    if (argc > 0)
        __progname = argv[0];
    exit(main(argc, argv, environ));
}

__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
        "\txorl %ebp, %ebp\n\tandq $-16, %rsp\n\tcall __crt_start\n\thlt\n");
