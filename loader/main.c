/* main.c — the `xeno` command line: verbs, global help and version. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "binfmt.h"
#include "info.h"
#include "run.h"
#include "trace_cli.h"
#include "xeno.h"

struct verb {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
};

static const struct verb verbs[] = {
    { "run", cmd_run, "run a Windows or FreeBSD program" },
    { "trace", cmd_trace, "run a program and show every call it makes across the OS boundary" },
    { "info", cmd_info, "describe a program file without running it" },
    { "binfmt", cmd_binfmt, "register xeno with binfmt_misc so foreign programs run directly" },
    { "preload", cmd_preload, "run a Linux program with libxeno-preload.so" },
};

static void usage(FILE *out)
{
    fprintf(out, "usage: xeno VERB [OPTIONS] [ARGS...]\n"
                 "       xeno FILE [ARGS...]        (same as xeno run)\n\n"
                 "xeno runs Windows PE32+ console programs and FreeBSD amd64 programs on\n"
                 "Linux x86-64, natively, by translating the calls they make to the OS.\n\n"
                 "verbs:\n");
    for (size_t i = 0; i < ARRAY_LEN(verbs); i++)
        fprintf(out, "  %-8s %s\n", verbs[i].name, verbs[i].summary);
    fprintf(out,
            "\n`xeno VERB --help` describes each verb.\n\n"
            "environment:\n"
            "  XENO_STRICT=1          an unimplemented FreeBSD syscall is fatal\n"
            "  XENO_REWRITE=0         do not rewrite syscall sites (trap every call)\n"
            "  XENO_STATS=1           at exit, how many calls took each path\n"
            "  XENO_DRIVE_C=DIR       host directory for C:\\ (default: ~/.xeno/drive_c);\n"
            "                         XENO_DRIVE_D ... likewise; Z:\\ is always /\n"
            "  XENO_DEBUGSTRINGS=1    show OutputDebugString text on stderr\n"
            "libxeno-preload.so (LD_PRELOAD, or `xeno preload`):\n"
            "  XENO_TRACE=1           strace-format lines for each system call (or letters:\n"
            "                         f,t,tt,ttt,T,c,sN,json,stats; see xeno preload --help)\n"
            "  XENO_TRACE_FILE=FILE   append them to FILE instead of stderr\n"
            "  XENO_TRACE_FILTER=SET  only these calls (names or %%file %%process ...)\n"
            "  XENO_REMAP=/a=/b[:...] redirect paths under /a to /b\n"
            "  XENO_DENY=call[,call]:ERRNO[,...]  fail these calls with ERRNO\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return XENO_EXIT_USAGE;
    }
    const char *v = argv[1];
    if (!strcmp(v, "--help") || !strcmp(v, "-h") || !strcmp(v, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(v, "--version") || !strcmp(v, "-V")) {
        printf("xeno %s\n", XENO_VERSION);
        return 0;
    }
    for (size_t i = 0; i < ARRAY_LEN(verbs); i++)
        if (!strcmp(v, verbs[i].name))
            return verbs[i].fn(argc - 1, argv + 1);
    if (v[0] != '-' && (strchr(v, '/') || access(v, F_OK) == 0))
        return cmd_run(argc, argv); /* `xeno FILE ARGS`, also what binfmt_misc calls */
    xeno_warn("unknown verb or file '%s' (see xeno --help)", v);
    return XENO_EXIT_USAGE;
}
