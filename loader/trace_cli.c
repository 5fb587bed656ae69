/* trace_cli.c — `xeno trace` (strace-like options) and `xeno preload`
 * (run a Linux program with libxeno-preload.so). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../syscalls/trace_decode.h"
#include "run.h"
#include "trace_cli.h"
#include "xeno.h"

static void trace_usage(FILE *out)
{
    fprintf(out,
            "usage: xeno trace [OPTIONS] FILE [ARGS...]\n"
            "Run FILE like `xeno run` and print every call it makes across the OS\n"
            "boundary: FreeBSD and Linux system calls in strace's format, Windows API\n"
            "calls as Wine-relay-style Call/Ret lines.\n\n"
            "  -o FILE          write the trace to FILE (default: stderr)\n"
            "  -f               prefix lines with the thread id; follow threads and children\n"
            "  -t, -tt, -ttt    time of day; with microseconds; seconds since the epoch\n"
            "  -T               time spent in each call\n"
            "  -e trace=SET     only these calls: names, or %%file %%process %%network\n"
            "                   %%memory %%signal %%desc, comma separated\n"
            "  -s N             show at most N characters of strings (default 32)\n"
            "  -c               count calls, errors and time; print a table at exit\n"
            "  --json           one JSON object per call instead of text (docs/tracing.md)\n"
            "  --host           add the host calls each one became (FreeBSD)\n"
            "  --stats          at exit, how many calls took each interception path\n"
            "Linux programs are traced by libxeno-preload.so (see xeno preload --help).\n");
}

static int parse_filter(struct trace_opts *o, const char *arg)
{
    if (!strncmp(arg, "trace=", 6))
        arg += 6;
    else if (strchr(arg, '='))
        return -1;
    o->filter = arg;
    return 0;
}

int trace_parse_args(int argc, char **argv, struct trace_opts *o)
{
    static const struct option longopts[] = {
        { "json", no_argument, NULL, 'J' }, { "host", no_argument, NULL, 'H' },
        { "stats", no_argument, NULL, 'S' }, { "help", no_argument, NULL, 'h' },
        { 0, 0, 0, 0 },
    };
    memset(o, 0, sizeof *o);
    o->strsize = 32;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "+o:fTte:s:ch", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->outfile = optarg; break;
        case 'f': o->follow = 1; break;
        case 't': o->timestamps++; break;
        case 'T': o->show_time = 1; break;
        case 'c': o->summary = 1; break;
        case 'J': o->json = 1; break;
        case 'H': o->host = 1; break;
        case 'S': o->stats = 1; break;
        case 's':
            o->strsize = atoi(optarg);
            if (o->strsize <= 0) {
                xeno_warn("trace: -s needs a positive number");
                return -1;
            }
            break;
        case 'e':
            if (parse_filter(o, optarg) < 0) {
                xeno_warn("trace: only -e trace=SET is supported, not '%s'", optarg);
                return -1;
            }
            break;
        case 'h': trace_usage(stdout); exit(0);
        default: return -1;
        }
    }
    return optind < argc ? optind : -1;
}

void trace_export_env(const struct trace_opts *o)
{
    trace_export_env_opts(o);
}

/* strace's -o starts a new file; children and exec'd programs append. */
static void truncate_output(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        xeno_die(XENO_EXIT_USAGE, "trace: cannot open %s: %s", path, strerror(errno));
    close(fd);
}

/* Like strace, a bare program name is looked up in PATH. */
static const char *find_program(const char *name)
{
    static char path[PATH_MAX];
    const char *dirs = getenv("PATH");
    if (strchr(name, '/') || !dirs)
        return name;
    for (const char *p = dirs; *p;) {
        size_t n = strcspn(p, ":");
        snprintf(path, sizeof path, "%.*s/%s", (int)n, n ? p : ".", name);
        if (access(path, X_OK) == 0)
            return path;
        p += n + (p[n] == ':');
    }
    return name;
}

int cmd_trace(int argc, char **argv)
{
    static struct trace_opts opts;
    int i = trace_parse_args(argc, argv, &opts);
    if (i < 0) {
        trace_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    if (opts.outfile)
        truncate_output(opts.outfile);
    struct run_req req = { .path = find_program(argv[i]), .argc = argc - i, .argv = argv + i,
                           .trace = &opts };
    return run_program(&req);
}

const char *preload_lib_path(void)
{
    static char path[PATH_MAX];
    const char *env = getenv("XENO_PRELOAD_LIB");
    if (env)
        return env;
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0)
        return NULL;
    self[n] = 0;
    const char *dir = dirname(self);
    static const char *const rel[] = { "libxeno-preload.so", "../lib/xeno/libxeno-preload.so" };
    for (size_t k = 0; k < ARRAY_LEN(rel); k++) {
        snprintf(path, sizeof path, "%s/%s", dir, rel[k]);
        if (access(path, R_OK) == 0)
            return path;
    }
    return NULL;
}

static void preload_usage(FILE *out)
{
    fprintf(out,
            "usage: xeno preload [--trace] [--remap /a=/b] [--deny CALLS:ERRNO] [--] PROG [ARGS...]\n"
            "Run a Linux program with libxeno-preload.so, which intercepts every system\n"
            "call it makes (its libraries and code it loads later included):\n"
            "  --trace              strace-format lines on stderr (XENO_TRACE=1)\n"
            "  --remap /a=/b        file paths under /a go to /b (XENO_REMAP)\n"
            "  --deny CALLS:ERRNO   fail CALLS (comma separated) with ERRNO (XENO_DENY)\n"
            "The same through the environment, with LD_PRELOAD=libxeno-preload.so:\n"
            "  XENO_TRACE=1 or letters: f (follow forks, thread ids), t tt ttt, T, c,\n"
            "                sN (string size), json, stats, comma separated\n"
            "  XENO_TRACE_FILE=FILE   append the trace to FILE instead of stderr\n"
            "  XENO_TRACE_FILTER=SET  only these calls (names, %%file %%process ...)\n"
            "  XENO_REMAP=/a=/b[:/c=/d]              XENO_DENY=call[,call]:ERRNO[,...]\n"
            "A name in XENO_DENY also covers its *at/*at2/*2 variants (=name: only it);\n"
            "names after the last ERRNO fail with EPERM.\n");
}

static void append_env(const char *name, const char *val, char sep)
{
    const char *old = getenv(name);
    if (!old || !*old) {
        setenv(name, val, 1);
        return;
    }
    size_t n = strlen(old) + strlen(val) + 2;
    char *buf = malloc(n);
    if (!buf)
        xeno_die(1, "out of memory");
    snprintf(buf, n, "%s%c%s", old, sep, val);
    setenv(name, buf, 1);
    free(buf);
}

int cmd_preload(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { preload_usage(stdout); return 0; }
        if (!strcmp(a, "--trace")) { setenv("XENO_TRACE", "1", 1); continue; }
        if (i + 1 < argc && !strcmp(a, "--remap")) { append_env("XENO_REMAP", argv[++i], ':'); continue; }
        if (i + 1 < argc && !strcmp(a, "--deny")) { append_env("XENO_DENY", argv[++i], ','); continue; }
        preload_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    if (i >= argc) {
        preload_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    const char *lib = preload_lib_path();
    if (!lib)
        xeno_die(1, "cannot find libxeno-preload.so next to xeno (set XENO_PRELOAD_LIB)");
    append_env("LD_PRELOAD", lib, ':');
    execvp(argv[i], argv + i);
    xeno_die(errno == ENOENT ? 127 : 126, "%s: %s", argv[i], strerror(errno));
}
