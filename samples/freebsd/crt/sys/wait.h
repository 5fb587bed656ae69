/* sys/wait.h — wait4 and the status encoding (the same as Linux's:
 * exit code in bits 8-15, signal in bits 0-6, 0177 when stopped). */
#ifndef CRT_SYS_WAIT_H
#define CRT_SYS_WAIT_H
#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 4

#define _WSTATUS(x) ((x) & 0177)
#define WIFEXITED(x) (_WSTATUS(x) == 0)
#define WEXITSTATUS(x) (((x) >> 8) & 0xff)
#define WIFSIGNALED(x) (_WSTATUS(x) != 0177 && _WSTATUS(x) != 0 && (x) != 0x13)
#define WTERMSIG(x) _WSTATUS(x)
#define WIFSTOPPED(x) (_WSTATUS(x) == 0177)
#define WSTOPSIG(x) (((x) >> 8) & 0xff)
#define WCOREDUMP(x) ((x) & 0200)

struct rusage;
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif
