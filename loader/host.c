/* host.c — Linux programs given to `xeno run` run natively; under
 * `xeno trace` they run with libxeno-preload.so tracing them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../syscalls/trace_opts.h"
#include "run.h"
#include "trace_cli.h"
#include "xeno.h"

int host_run(struct run_req *req)
{
    if (req->trace) {
        const char *lib = preload_lib_path();
        if (!lib)
            xeno_die(XENO_EXIT_NOLOAD, "cannot find libxeno-preload.so to trace %s",
                     req->path);
        trace_export_env(req->trace);
        const char *old = getenv("LD_PRELOAD");
        if (old && *old) {
            char *v = malloc(strlen(old) + strlen(lib) + 2);
            if (!v)
                xeno_die(1, "out of memory");
            strcpy(v, lib);
            strcat(v, ":");
            strcat(v, old);
            setenv("LD_PRELOAD", v, 1);
        } else {
            setenv("LD_PRELOAD", lib, 1);
        }
    }
    execv(req->path, req->argv);
    xeno_die(XENO_EXIT_NOLOAD, "%s: cannot execute: %s", req->path, strerror(errno));
}
