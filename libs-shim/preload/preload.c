/* preload.c — libxeno-preload.so: brings the interception engine into an
 * ordinary Linux program at load time, configured from the environment
 * (XENO_TRACE, XENO_REMAP, XENO_DENY; see xeno --help). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "host.h"

__attribute__((constructor)) static void xeno_preload_init(void)
{
    if (host_engine_start() < 0) {
        static const char msg[] = "xeno: libxeno-preload.so: cannot start interception\n";
        if (write(2, msg, sizeof msg - 1) < 0)
            _exit(126);
        _exit(126);
    }
}
