/* ltable.h — the Linux x86-64 system call table (syscalls.tbl): names,
 * argument kinds and result kinds, for tracing, remapping and denial in
 * the host personality, and for --host notes of the other personalities. */
#ifndef XENO_LTABLE_H
#define XENO_LTABLE_H

#include <stdint.h>

#include "trace_decode.h"

#define LINUX_NSYS 470

struct linux_sysent {
    const char *name;
    uint8_t ret;
    uint16_t kinds[6];
};

/* The entry for NR, or NULL (unused number, x32, out of range). */
const struct linux_sysent *linux_sysent(long nr);
/* The number of a call name, or -1. */
int linux_nr_of(const char *name);
/* Names and kinds for the -e trace= filter. */
extern const struct trace_names linux_trace_names;
/* Does argument I of call NR hold a file system path? */
int linux_arg_is_path(long nr, int i);

#endif
