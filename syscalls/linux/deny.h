/* deny.h — XENO_DENY=unlink,rename:EPERM[,connect:ECONNREFUSED]: chosen
 * Linux system calls fail with a chosen errno without reaching the kernel
 * (fault injection). The names before an errno get that errno; names
 * after the last errno get EPERM. A name also covers its variants that
 * exist: NAMEat, NAMEat2, NAME2 (unlink -> unlinkat; rename -> renameat,
 * renameat2; open -> openat, openat2); "=NAME" is that call alone. An
 * errno is a name (EACCES) or a number. */
#ifndef XENO_DENY_H
#define XENO_DENY_H

#include <stddef.h>

/* 0, or -1 with a message in ERR (N bytes). */
int deny_parse(const char *spec, char *err, size_t n);
int deny_active(void);
/* The errno call NR must fail with, or 0. */
int deny_errno(long nr);

#endif
