/* k32call.c — kernel32 functions ws2_32 calls as a program would (the
 * WSA*Event family is kernel32's events under other names): found once
 * by name in the builtin kernel32's export table. */
#include <stdio.h>
#include <stdlib.h>

#include "ws.h"
#include "../registry.h"

void *ws_k32(const char *name)
{
    struct w32_dll *k = w32_find_dll("kernel32.dll");
    const struct w32_export *e = k ? w32_find_export(k, name, 0) : NULL;
    if (!e) {
        fprintf(stderr, "xeno: ws2_32: kernel32 has no %s\n", name);
        abort();
    }
    return e->addr;
}
