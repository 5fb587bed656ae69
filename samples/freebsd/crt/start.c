/* start.c — process entry and the FreeBSD ABI note. The kernel starts
 * _start with rdi pointing at argc, followed by argv[], NULL, envp[],
 * NULL and the auxiliary vector. */
#include <stdlib.h>

#include "syscall.h"

extern int main(int argc, char **argv, char **envp);

char **environ;
const char *__progname = "";
static long *auxv;

/* The ".note.tag" ABI note makes the kernel brand the image as FreeBSD
 * and record its osreldate: with none, p_osrel stays 0 and a write to a
 * read-only page raises SIGBUS instead of SIGSEGV (trap.c, P_OSREL_SIGSEGV).
 * 1300139 is __FreeBSD_version of 13.0-RELEASE. */
__asm__(".section .note.tag,\"a\",@note\n"
        "\t.p2align 2\n"
        "\t.long 8, 4, 1\n"                 /* namesz, descsz, NT_FREEBSD_ABI_TAG */
        "\t.asciz \"FreeBSD\"\n"
        "\t.long 1300139\n"
        "\t.previous\n");

long __auxv_get(long type, long dflt)
{
    for (long *a = auxv; a && a[0] != 0; a += 2)
        if (a[0] == type)
            return a[1];
    return dflt;
}

__attribute__((used, noreturn)) void __crt_start(long *ap)
{
    int argc = (int)ap[0];
    char **argv = (char **)(ap + 1);
    environ = argv + argc + 1;
    char **e = environ;
    while (*e)
        e++;
    auxv = (long *)(e + 1);
    if (argc > 0 && argv[0])
        __progname = argv[0];
    exit(main(argc, argv, environ));
}

__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
        "\txorl %ebp, %ebp\n"
        "\tandq $-16, %rsp\n"
        "\tcall __crt_start\n"
        "\thlt\n"
        ".size _start, . - _start\n");
