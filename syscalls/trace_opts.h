/* trace_opts.h — what `xeno trace` (or XENO_TRACE for the preload
 * library) asked the tracer to show. */
#ifndef XENO_TRACE_OPTS_H
#define XENO_TRACE_OPTS_H

struct trace_opts {
    const char *outfile;  /* -o FILE; NULL for stderr */
    const char *filter;   /* -e trace=SET, as given */
    int follow;           /* -f: thread ids, follow threads and children */
    int timestamps;       /* -t 1, -tt 2, -ttt 3 */
    int show_time;        /* -T */
    int strsize;          /* -s N */
    int summary;          /* -c */
    int json;             /* --json */
    int host;             /* --host: the host call each one became */
    int stats;            /* --stats: calls per interception path */
};

#endif
