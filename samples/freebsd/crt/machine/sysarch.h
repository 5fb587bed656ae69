/* machine/sysarch.h — amd64 sysarch(2): the FS and GS base registers. */
#ifndef CRT_MACHINE_SYSARCH_H
#define CRT_MACHINE_SYSARCH_H

#define AMD64_GET_FSBASE 128
#define AMD64_SET_FSBASE 129
#define AMD64_GET_GSBASE 130
#define AMD64_SET_GSBASE 131

int sysarch(int op, void *parms);

#endif
