/* fbsd_uio.h — FreeBSD's rule for a copy to or from guest memory that
 * faults part-way, which Linux applies differently (uio.c). */
#ifndef XENO_FBSD_UIO_H
#define XENO_FBSD_UIO_H

#include <stdint.h>

/* A transfer of LEN bytes at guest BUF moved R. When the copy ran into a
 * page the process cannot access, FreeBSD fails with EFAULT where Linux
 * returns the bytes moved before it: R, or -EFAULT. (Not for the calls
 * the rewritten-site trampolines make directly — read, write, pread,
 * pwrite, readv, writev: those give Linux's short count on every path.) */
long fbsd_io_result(uint64_t buf, uint64_t len, long r);

#endif
