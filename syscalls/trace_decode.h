/* trace_decode.h — turning one system call into a trace line. Arguments
 * are decoded from their kinds (argkinds.h): generic kinds (numbers,
 * pointers, strings, buffers, structures laid out alike on every OS) here
 * and in trace_struct.c; each personality supplies a trace_abi with
 * decoders for what differs (flag values, structures, errno and signal
 * names). A personality describes a finished call as a trace_call and
 * trace_call_emit prints it as strace text or as one JSON object. Also the
 * -e trace= filter. */
#ifndef XENO_TRACE_DECODE_H
#define XENO_TRACE_DECODE_H

#include <stdint.h>

#include "argkinds.h"
#include "trace.h"

/* Everything a decoder may look at. */
struct tctx {
    const uint64_t *args;  /* the call's arguments */
    const uint16_t *kinds; /* and their kinds */
    long ret;              /* its result (valid when done) */
    int done;              /* decoding after a successful return */
    int idx;               /* the argument being decoded */
    const struct trace_abi *abi;
};

typedef void (*tdecode_fn)(struct tline *l, const struct tctx *c, uint64_t v, int param);

struct trace_abi {
    const char *name;
    tdecode_fn decode[K_KINDS_END]; /* NULL: the generic decoder of the kind */
    const char *(*signame)(int sig);
    /* How many arguments after one of KIND with value V are shown (-1:
     * all): strace leaves out open's mode without O_CREAT, fcntl's
     * argument for F_GETFL, futex's unused ones. NULL: all. */
    int (*args_after)(int kind, uint64_t v);
};

/* "arg, arg, …" for the call's six kinds. */
void trace_args(struct tline *l, const struct trace_abi *abi, const uint16_t kinds[6],
                const uint64_t *args, long ret, int done);
/* How many of the six are shown (K_NONE ends the list; args_after may
 * cut it short). */
int trace_nargs(const struct trace_abi *abi, const uint16_t *kinds, const uint64_t *args);
/* Argument I of C's call, as text. */
void trace_decode_arg(struct tline *l, const struct tctx *c, int i);
/* Is KIND written by the call (decoded after it returns)? */
int trace_kind_is_output(int kind);

/* Arguments the call reads are shown as they were before it ran: a
 * personality renders them before the call into a trace_pre, and the
 * line is completed after it. */
struct trace_pre {
    int ready;
    uint16_t off[6], len[6];
    uint8_t have[6];
    char buf[3072];
};
void trace_pre_args(struct trace_pre *p, const struct trace_abi *abi, const uint16_t *kinds,
                    const uint64_t *args);
/* " = VALUE" for a successful result of kind RK. */
void trace_result(struct tline *l, int rk, long v);

/* One call, as a personality hands it to the tracer. */
/* TC_NORETURN: " = ?" (exit); TC_UNFINISHED: the call is shown before it
 * runs ("execve(…) <unfinished ...>"), and TC_RESUMED finishes it
 * ("<... execve resumed>) = -1 ENOENT …") if it returns. */
enum { TC_DONE = 0, TC_NORETURN, TC_UNFINISHED, TC_RESUMED };
struct trace_call {
    int tid;
    int nr;
    const char *name;        /* NULL: unknown ("syscall_N") */
    const uint16_t *kinds;   /* NULL: six hexadecimal arguments */
    int retkind;
    const uint64_t *args;
    long ret;                /* the value when err == 0 */
    int err;                 /* the personality's errno, 0 if the call succeeded */
    const char *errname, *errmsg;
    int state;               /* TC_* */
    uint64_t ns;             /* time spent, for -T */
    const char *host;        /* --host text ("" or NULL: none) */
    int injected;            /* the error was XENO_DENY's: " (INJECTED)" */
    const struct trace_pre *pre; /* input arguments rendered before the call, or NULL */
};
/* Print C as strace text or (--json) one JSON object. */
void trace_call_emit(const struct trace_abi *abi, const struct trace_call *c);

/* Guest memory read for tracing: copies what is readable, returns bytes.
 * A bad address is never a crash (xeno_safe_copy). */
size_t trace_peek(void *dst, uint64_t src, size_t n);
/* Reads for unit tests (plain memory, no thread block): NULL in xeno. */
extern size_t (*trace_peek_hook)(void *dst, uint64_t src, size_t n);
/* A NUL-terminated string of at most N bytes (NUL included) at SRC: its
 * length, -ENAMETOOLONG if longer, -EFAULT if unreadable. */
long trace_peek_str(char *dst, uint64_t src, size_t n);
/* A quoted string at guest address V ("NULL" if 0, hex if unreadable). */
void trace_put_string(struct tline *l, uint64_t v);
/* LEN bytes at V, quoted (hex address if unreadable). */
void trace_put_buffer(struct tline *l, uint64_t v, long len);
/* 0x… or NULL. */
void trace_put_ptr(struct tline *l, uint64_t v);
/* A structure at V read whole into BUF (SIZE bytes): 1 if done, else the
 * address is printed (NULL or hex) and 0 returned. */
int trace_read_struct(struct tline *l, uint64_t v, void *buf, size_t size);

/* Generic decoders of kinds laid out alike everywhere (trace_struct.c). */
void tdk_timespec(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_timespec_out(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_timeval(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_timeval_out(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_itimerval(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_itimerval_out(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_iovec_in(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_iovec_out(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_argv(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_fdset(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_pipefds(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_ulong_out(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_rusage_out(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_socklen(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_wstatus(struct tline *l, const struct tctx *c, uint64_t v, int p);
/* Helpers for a personality's own decoders (trace_struct.c). */
void tdec_timespec(struct tline *l, int64_t sec, int64_t nsec);
void tdec_timeval(struct tline *l, int64_t sec, int64_t usec);
void tdec_iovec(struct tline *l, const struct tctx *c, uint64_t v, long count, int out);
void tdec_sigmask_bits(struct tline *l, const struct trace_abi *abi, const uint32_t *words,
                       int nsig);
void tdec_rusage(struct tline *l, uint64_t v);
void tdec_fdset(struct tline *l, uint64_t v, int nfds);
void tdec_argv(struct tline *l, uint64_t v, int env);
void tdec_int_out(struct tline *l, const struct tctx *c, uint64_t v);
extern const tdecode_fn trace_generic_decode[K_KINDS_END];

/* Flag words: each entry names the bits BITS of the field MASK (a plain
 * flag has MASK == BITS; a zero-valued field value like O_RDONLY has
 * BITS 0). Entries are tried in order and consume their mask; what is
 * left is printed in hex; ZERO (or "0") names a zero word. */
struct tflag {
    uint64_t mask, bits;
    const char *name;
};
void tdec_flags(struct tline *l, const struct tflag *t, uint64_t v, const char *zero);
/* Values: a name, or the number in decimal. */
struct tval {
    int64_t v;
    const char *name;
};
const char *tdec_val_name(const struct tval *t, int64_t v);
void tdec_val(struct tline *l, const struct tval *t, int64_t v);
/* Kinds whose values agree on Linux and FreeBSD. */
void tdk_whence(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_itimer_which(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_rusage_who(struct tline *l, const struct tctx *c, uint64_t v, int p);
void tdk_shut_how(struct tline *l, const struct tctx *c, uint64_t v, int p);
/* Socket addresses from their bytes (LEN of them; the family field is the
 * caller's): {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}. */
void tdec_sockaddr_in(struct tline *l, const char *fam, const uint8_t *sin, size_t len);
void tdec_sockaddr_in6(struct tline *l, const char *fam, const uint8_t *sin6, size_t len);
void tdec_sockaddr_un(struct tline *l, const char *fam, const char *path, size_t n);

/* -e trace=SET */
struct trace_filter {
    int active;
    uint8_t want[1024];
};
/* A personality's names: number → name (and kinds), name → number. */
struct trace_names {
    const char *(*name_of)(int nr, const uint16_t **kinds);
    int (*nr_of)(const char *name);
};
/* Parse "open,read,%file,%network". Returns -1 on an unknown name or class. */
int trace_filter_parse(struct trace_filter *f, const char *spec, const struct trace_names *names);
int trace_filter_match(const struct trace_filter *f, int nr);
/* Which classes a call is in, from its name and kinds. */
int trace_class_of(const char *name, const uint16_t *kinds);
enum {
    TC_FILE = 1, TC_DESC = 2, TC_NETWORK = 4, TC_MEMORY = 8, TC_PROCESS = 16, TC_SIGNAL = 32,
};

/* Tracing options for children (execve through xeno). */
void trace_export_env_opts(const struct trace_opts *o);

#endif
