/* fbsd_trace.h — tracing FreeBSD system calls (xeno trace): the call
 * flow (fbsd_trace.c) and the FreeBSD argument decoders (trace_abi.c for
 * flags and values, trace_abi_struct.c for structures). */
#ifndef XENO_FBSD_TRACE_H
#define XENO_FBSD_TRACE_H

#include "fbsd.h"
#include "trace_decode.h"
#include "trace_opts.h"

extern int fbsd_trace_on;
extern const struct trace_abi fbsd_trace_abi;

void fbsd_trace_start(struct trace_opts *o);
/* Is call NR of the calling thread shown (filter, -f)? */
int fbsd_trace_wants(int nr);
int fbsd_trace_name_to_nr(const char *name);
void fbsd_trace_enter(struct fcall *c, const struct fbsd_sysent *e);
void fbsd_trace_exit(struct fcall *c, const struct fbsd_sysent *e, long r);

/* Helpers of the decoders. */
void fbt_flags(struct tline *l, const struct fbsd_flagmap *t, uint64_t v);
void fbt_value(struct tline *l, const struct fbsd_valmap *t, int64_t v);
void fbt_signal(struct tline *l, int sig);
/* The longest known sysctl name prefixing MIB (N numbers); *USED of them. */
const char *fbt_mib_name(const int *mib, int n, int *used);

#define FBT_STRUCT_DECODERS(X) \
    X(sigset_in) X(sigset_out) X(sigact_in) X(sigact_out) X(siginfo_out) X(stack_in) \
    X(stack_out) X(stat_out) X(statfs_out) X(timespec2) X(rlimit_in) X(rlimit_out) \
    X(sockaddr_in) X(sockaddr_out) X(msghdr_in) X(msghdr_out) X(pollfds) X(kevent_in) \
    X(kevent_out) X(thr_param) X(rtprio)
#define FBT_DECLARE(name) void fbt_##name(struct tline *l, const struct tctx *c, uint64_t v, int p);
FBT_STRUCT_DECODERS(FBT_DECLARE)
#undef FBT_DECLARE

#endif
