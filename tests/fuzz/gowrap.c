/* gowrap.c — source of a small seed for fuzz_elf_info (built, never run):
 * a FreeBSD-branded static ELF whose functions are named like Go's system
 * call wrappers and called with constant numbers, in rax (register ABI)
 * and in the first stack slot (ABI0), next to plain syscall sites. Real
 * Go programs are too large (about 2 MB) to fuzz quickly. */
__asm__(
    ".text\n"
    ".globl syscall.Syscall\n.type syscall.Syscall,@function\n"
    "syscall.Syscall:\n  mov 8(%rsp), %rax\n  syscall\n  ret\n"
    ".size syscall.Syscall, .-syscall.Syscall\n"
    ".globl syscall.Syscall6.abi0\n.type syscall.Syscall6.abi0,@function\n"
    "syscall.Syscall6.abi0:\n  mov 8(%rsp), %rax\n  syscall\n  ret\n"
    ".size syscall.Syscall6.abi0, .-syscall.Syscall6.abi0\n"
    ".globl runtime.write1\n.type runtime.write1,@function\n"
    "runtime.write1:\n  mov $4, %eax\n  syscall\n  jb 1f\n  ret\n1: neg %rax\n  ret\n"
    "  int3\n  int3\n  int3\n  int3\n  int3\n  int3\n  int3\n  int3\n"
    ".size runtime.write1, .-runtime.write1\n"
    ".globl _start\n.type _start,@function\n"
    "_start:\n  sub $64, %rsp\n  mov $20, %eax\n  call syscall.Syscall\n"
    "  movq $54, (%rsp)\n  call syscall.Syscall6.abi0\n  call runtime.write1\n"
    "  mov %rdi, %rax\n  syscall\n  mov $1, %eax\n  syscall\n  hlt\n"
    ".size _start, .-_start\n");
