/* fbsd_trace.h — tracing FreeBSD system calls (xeno trace). */
#ifndef XENO_FBSD_TRACE_H
#define XENO_FBSD_TRACE_H

#include "fbsd.h"
#include "trace_decode.h"
#include "trace_opts.h"

extern int fbsd_trace_on;
extern const struct trace_abi fbsd_trace_abi;

void fbsd_trace_start(struct trace_opts *o);
int fbsd_trace_wants(int nr);
int fbsd_trace_name_to_nr(const char *name);
void fbsd_trace_enter(struct fcall *c, const struct fbsd_sysent *e);
void fbsd_trace_exit(struct fcall *c, const struct fbsd_sysent *e, long r);

#endif
