/* setjmp.h — non-local jumps. sigsetjmp(env, 1) also saves the signal
 * mask, which siglongjmp restores: the way out of a signal handler. */
#ifndef CRT_SETJMP_H
#define CRT_SETJMP_H
#include <signal.h>

typedef struct {
    long __regs[8];                 /* rbx rbp r12 r13 r14 r15 rsp rip */
    long __savemask;
    sigset_t __mask;
} __jmp_buf_s;
typedef __jmp_buf_s jmp_buf[1];
typedef __jmp_buf_s sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));

#endif
