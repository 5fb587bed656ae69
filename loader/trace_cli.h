/* trace_cli.h — `xeno trace` and `xeno preload` command lines. */
#ifndef XENO_TRACE_CLI_H
#define XENO_TRACE_CLI_H

struct trace_opts;

int cmd_trace(int argc, char **argv);
int cmd_preload(int argc, char **argv);
/* Parse strace-like options; returns the index of FILE or -1. */
int trace_parse_args(int argc, char **argv, struct trace_opts *o);
/* Export options to the environment so children and the preload
 * library inherit them. */
void trace_export_env(const struct trace_opts *o);
/* Path of libxeno-preload.so next to (or installed with) this xeno. */
const char *preload_lib_path(void);

#endif
