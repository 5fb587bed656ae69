/* ltable.c — the Linux system call table, built from syscalls.tbl. */
#include <string.h>

#include "argkinds.h"
#include "ltable.h"

static const struct linux_sysent table[LINUX_NSYS] = {
#define SYS(nr, name, ret, k1, k2, k3, k4, k5, k6) [nr] = { #name, ret, { k1, k2, k3, k4, k5, k6 } },
#include "syscalls.tbl"
#undef SYS
};

const struct linux_sysent *linux_sysent(long nr)
{
    if (nr < 0 || nr >= LINUX_NSYS || !table[nr].name)
        return NULL;
    return &table[nr];
}

int linux_nr_of(const char *name)
{
    for (int nr = 0; nr < LINUX_NSYS; nr++)
        if (table[nr].name && !strcmp(table[nr].name, name))
            return nr;
    return -1;
}

int linux_arg_is_path(long nr, int i)
{
    const struct linux_sysent *e = linux_sysent(nr);
    return e && i >= 0 && i < 6 && KIND_OF(e->kinds[i]) == K_PATH;
}

static const char *name_of(int nr, const uint16_t **kinds)
{
    const struct linux_sysent *e = linux_sysent(nr);
    if (!e)
        return NULL;
    *kinds = e->kinds;
    return e->name;
}

const struct trace_names linux_trace_names = { name_of, linux_nr_of };
