/* iocp.h — I/O completion ports (iocp.c). */
#ifndef XENO_K32_IOCP_H
#define XENO_K32_IOCP_H

#include "../w32.h"

struct k32_iocp;
/* Queue a completion packet (lock not held). */
void k32_iocp_post(struct k32_iocp *p, DWORD bytes, ULONG_PTR key, void *ovl);

#endif
