/* trace_decode.h — decoding system call arguments for trace lines from
 * their kinds (argkinds.h). Generic kinds (numbers, pointers, strings,
 * buffers) are decoded here; each personality supplies a trace_abi with
 * decoders for what differs between OSes (flag values, structures, errno
 * and signal names). Also the -e trace= filter. */
#ifndef XENO_TRACE_DECODE_H
#define XENO_TRACE_DECODE_H

#include <stdint.h>

#include "argkinds.h"
#include "trace.h"

/* Everything a decoder may look at. */
struct tctx {
    const uint64_t *args;  /* the call's arguments */
    long ret;              /* its result (valid when done) */
    int done;              /* decoding after a successful return */
    const struct trace_abi *abi;
};

typedef void (*tdecode_fn)(struct tline *l, const struct tctx *c, uint64_t v, int param);

struct trace_abi {
    const char *name;
    tdecode_fn decode[K_KINDS_END]; /* NULL: generic, or hexadecimal */
    const char *(*signame)(int sig);
};

/* "arg, arg, …" for the call's six kinds. */
void trace_args(struct tline *l, const struct trace_abi *abi, const uint16_t kinds[6],
                const uint64_t *args, long ret, int done);
/* " = VALUE" for a successful result of kind RK. */
void trace_result(struct tline *l, int rk, long v);

/* Guest memory read for tracing: copies what is readable, returns bytes. */
size_t trace_peek(void *dst, uint64_t src, size_t n);
/* A quoted string at guest address V (NULL if 0). */
void trace_put_string(struct tline *l, uint64_t v);

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
