/* host.c — Linux programs given to `xeno run` run natively; under
 * `xeno trace` they run with libxeno-preload.so tracing them (the options
 * travel in XENO_TRACE*, see syscalls/trace.h). A statically linked
 * program loads no library: it runs untraced, with a warning. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../syscalls/trace_opts.h"
#include "run.h"
#include "trace_cli.h"
#include "xeno.h"

/* Does the ELF file at PATH ask for a dynamic loader (PT_INTERP)? */
static int has_interp(const char *path)
{
    Elf64_Ehdr eh;
    int fd = open(path, O_RDONLY | O_CLOEXEC), found = 0;
    if (fd < 0)
        return 1; /* execv reports the problem */
    if (pread(fd, &eh, sizeof eh, 0) == sizeof eh && eh.e_phentsize == sizeof(Elf64_Phdr))
        for (int i = 0; i < eh.e_phnum && !found; i++) {
            Elf64_Phdr ph;
            if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (uint64_t)i * sizeof ph)) != sizeof ph)
                break;
            found = ph.p_type == PT_INTERP;
        }
    close(fd);
    return found;
}

static void prepend_preload(const char *lib)
{
    const char *old = getenv("LD_PRELOAD");
    if (!old || !*old) {
        setenv("LD_PRELOAD", lib, 1);
        return;
    }
    size_t n = strlen(old) + strlen(lib) + 2;
    char *v = malloc(n);
    if (!v)
        xeno_die(1, "out of memory");
    strcpy(v, lib);
    strcat(v, ":");
    strcat(v, old);
    setenv("LD_PRELOAD", v, 1);
    free(v);
}

int host_run(struct run_req *req)
{
    if (req->trace) {
        const char *lib = preload_lib_path();
        if (!lib)
            xeno_die(XENO_EXIT_NOLOAD, "cannot find libxeno-preload.so to trace %s",
                     req->path);
        if (!has_interp(req->path))
            xeno_warn("%s is statically linked: libxeno-preload.so cannot trace it; "
                      "running it untraced", req->path);
        trace_export_env(req->trace);
        prepend_preload(lib);
    }
    execv(req->path, req->argv);
    xeno_die(XENO_EXIT_NOLOAD, "%s: cannot execute: %s", req->path, strerror(errno));
}
