/* ldecode.h — how Linux x86-64 arguments look in a trace (the host
 * personality, and --host notes): the trace_abi, and the decoders its
 * three files share. Values are the kernel's (uapi headers). */
#ifndef XENO_LDECODE_H
#define XENO_LDECODE_H

#include "trace_decode.h"

extern const struct trace_abi linux_trace_abi;

/* "SIGINT", "SIGRTMIN", "SIGRT_3"; NULL outside 1..64. */
const char *linux_signame(int sig);
/* errno name and message ("ENOENT", "No such file or directory"). */
const char *linux_errname(int err);
const char *linux_errmsg(int err);

/* ldecode_flags.c: scalar kinds */
void ld_oflags(struct tline *l, const struct tctx *c, uint64_t v, int p);
int ld_args_after(int kind, uint64_t v);
void ld_signo(struct tline *l, const struct tctx *c, uint64_t v, int p);
void ld_mode_type(struct tline *l, uint32_t mode);
extern const struct tflag ld_poll_events[];
extern const struct tval ld_af_names[];

/* ldecode_struct.c and ldecode_net.c: structures */
#define LD_STRUCT_DECODERS(X) \
    X(sigset_in) X(sigset_out) X(sigact_in) X(sigact_out) X(siginfo_out) X(stack_in) \
    X(stack_out) X(stat_out) X(statfs_out) X(statx_out) X(timespec2) X(rlimit_in) \
    X(rlimit_out) X(pollfds) X(epoll_in) X(epoll_out) X(sockaddr_in) X(sockaddr_out) \
    X(msghdr_in) X(msghdr_out) X(sockopt) X(socktype)
#define LD_DECLARE(name) void ld_##name(struct tline *l, const struct tctx *c, uint64_t v, int p);
LD_STRUCT_DECODERS(LD_DECLARE)
#undef LD_DECLARE

#endif
