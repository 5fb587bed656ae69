/* relay.h — relay tracing of calls into builtin DLLs (`xeno trace` on a
 * Windows program): each bound import goes through a libffi closure that
 * prints Wine-relay-style Call/Ret lines around the real function. Also
 * the stubs bound to imports xeno does not implement. */
#ifndef XENO_W32_RELAY_H
#define XENO_W32_RELAY_H

#include "w32.h"

struct trace_opts;

void w32_relay_start(struct trace_opts *o);
int w32_relay_on(void);
/* The address to bind for EXP of DLL: EXP's own address, or a relay
 * thunk when tracing. */
void *w32_relay_wrap(const struct w32_dll *dll, const struct w32_export *exp);
/* A function that reports "unimplemented function DLL.NAME called" and
 * exits 127 when called. */
void *w32_missing_stub(const char *dll, const char *name);
/* "KERNEL32" from "kernel32.dll", into BUF. */
void w32_dll_display_name(const char *dll, char *buf, size_t n);
/* Flush buffered trace output (at exit). */
void w32_relay_flush(void);
/* At process exit: the -c table when asked for, then the buffered lines. */
void w32_relay_exit(UINT code);

#endif
