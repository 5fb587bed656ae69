/* run.h — starting a foreign program under the right personality. */
#ifndef XENO_RUN_H
#define XENO_RUN_H

#include "detect.h"
#include "file.h"

struct trace_opts;

/* What the command line decided for one run. */
struct run_req {
    const char *path;          /* the program file */
    int argc;                  /* guest argv, argv[0] included */
    char **argv;
    struct trace_opts *trace;  /* NULL when not tracing */
};

int cmd_run(int argc, char **argv);
/* Detect, then hand over to a personality. Returns an exit status only
 * when the program could not be started. */
int run_program(struct run_req *req);

/* Personality entry points: they never return on success. */
struct pe_file;
struct elf_info;
int win64_run(struct pe_file *pe, struct run_req *req);
int freebsd_run(struct elf_info *ei, struct run_req *req);
int host_run(struct run_req *req);

#endif
