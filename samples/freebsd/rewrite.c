/* rewrite.c — system calls in places that are awkward for xeno's syscall
 * rewriter: a syscall that is a jump target, one after a rip-relative
 * load, one in the last two bytes of a page, one straddling a page
 * boundary, one behind a branch target, and one in code written at run
 * time and made executable with mprotect. Each makes getpid (20) and
 * checks the answer. FreeBSD-only. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static long jump_target_site(void)
{
    long r;
    __asm__ volatile("jmp 1f\n\tnop\n1:\tsyscall" : "=a"(r) : "a"(20L) : "rcx", "r11", "memory", "cc");
    return r;
}

long pid_number = 20;

static long riprel_site(void)
{
    long r;
    __asm__ volatile("movq pid_number(%%rip), %%rax\n\tsyscall" : "=a"(r) : : "rcx", "r11", "memory", "cc");
    return r;
}

static long branch_target_before(int loops)
{
    long r = 0;
    __asm__ volatile("1:\n\tmov $20, %%eax\n\tsyscall\n\tdec %1\n\tjnz 1b"
                     : "=&a"(r), "+r"(loops) : : "rcx", "r11", "memory", "cc");
    return r;
}

/* getpid at the very end of a page, and one straddling two pages. */
__asm__(".section .text.pageend,\"ax\",@progbits\n"
        ".p2align 12\n"
        ".globl page_end_getpid\n.type page_end_getpid,@function\n"
        "page_end_getpid:\n\t.skip 4089, 0x90\n\tmov $20, %eax\n\tsyscall\n\tret\n"
        ".size page_end_getpid, .-page_end_getpid\n"
        ".p2align 12\n"
        ".globl straddle_getpid\n.type straddle_getpid,@function\n"
        "straddle_getpid:\n\t.skip 4090, 0x90\n\tmov $20, %eax\n\tsyscall\n\tret\n"
        ".size straddle_getpid, .-straddle_getpid\n"
        ".text\n");
long page_end_getpid(void);
long straddle_getpid(void);

static long generated_code(void)
{
    static const unsigned char code[] = { 0xb8, 20, 0, 0, 0, 0x0f, 0x05, 0xc3 };
    unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    memcpy(p, code, sizeof code);
    if (mprotect(p, 4096, PROT_READ | PROT_EXEC) != 0)
        return -1;
    long (*fn)(void) = (long (*)(void))(void *)p;
    long r = fn();
    r = fn() == r ? r : -2;
    munmap(p, 4096);
    return r;
}

static void check(const char *what, long got, long want)
{
    printf("%-28s %s\n", what, got == want ? "ok" : "WRONG");
}

int main(void)
{
    long pid = getpid();
    for (int round = 0; round < 3; round++) {
        check("syscall as a jump target", jump_target_site(), pid);
        check("after a rip-relative load", riprel_site(), pid);
        check("behind a branch target", branch_target_before(3), pid);
        check("last bytes of a page", page_end_getpid(), pid);
        check("straddling two pages", straddle_getpid(), pid);
        check("generated at run time", generated_code(), pid);
    }
    return 0;
}
