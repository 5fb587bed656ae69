/* run.c — `xeno run`: detect the file's format and start it under the
 * matching personality, or say clearly why it cannot run. */
#include <stdio.h>
#include <string.h>

#include "elf_info.h"
#include "pe.h"
#include "run.h"
#include "trace.h"
#include "xeno.h"

static void run_usage(FILE *out)
{
    fprintf(out,
            "usage: xeno run [--argv0 NAME] FILE [ARGS...]\n"
            "       xeno FILE [ARGS...]\n"
            "Run FILE under the personality its format calls for:\n"
            "  PE32+ x86-64 Windows console programs  -> win64\n"
            "  FreeBSD amd64 ELF programs              -> freebsd\n"
            "  Linux x86-64 ELF programs               -> run natively\n"
            "Anything else is refused with one line saying why (exit 126).\n"
            "--argv0 NAME runs FILE with NAME as its argv[0].\n");
}

int run_program(struct run_req *req)
{
    static struct xfile f;
    struct xerr e;
    struct xdetect d;
    if (xfile_open(&f, req->path, &e) < 0)
        xeno_die(XENO_EXIT_NOLOAD, "%s: %s", req->path, e.msg);
    xdetect(&f, &d);
    /* Parsed images live for the whole run: the personalities keep
     * pointers into them. */
    static struct pe_file pe;
    static struct elf_info ei;
    switch (d.kind) {
    case XK_PE64:
        if (pe_parse(&pe, &f, &e) < 0)
            break;
        return win64_run(&pe, req);
    case XK_ELF_FREEBSD:
        if (elf_parse(&ei, &f, &e) < 0 || elf_check_loadable(&ei, &e) < 0)
            break;
        return freebsd_run(&ei, req);
    case XK_ELF_LINUX:
        xfile_close(&f);
        return host_run(req);
    default:
        xerr_set(&e, "%s", d.why);
        break;
    }
    xeno_die(XENO_EXIT_NOLOAD, "%s: %s", req->path, e.msg);
}

int cmd_run(int argc, char **argv)
{
    int i = 1;
    const char *argv0 = NULL;
    static struct trace_opts inherited;
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        run_usage(stdout);
        return 0;
    }
    if (i + 1 < argc && !strcmp(argv[i], "--argv0")) { /* how execve re-enters xeno */
        argv0 = argv[i + 1];
        i += 2;
    }
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    if (i >= argc) {
        run_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    struct run_req req = { .path = argv[i], .argc = argc - i, .argv = argv + i };
    if (argv0)
        argv[i] = (char *)argv0; /* the guest's argv[0]; req.path keeps the file */
    /* A child of `xeno trace -f` is traced like its parent. */
    if (trace_opts_from_env(&inherited) && inherited.follow)
        req.trace = &inherited;
    return run_program(&req);
}
