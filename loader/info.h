/* info.h — `xeno info FILE`: what a file is and what it needs. */
#ifndef XENO_INFO_H
#define XENO_INFO_H

int cmd_info(int argc, char **argv);

struct xfile;
struct xerr;
/* Print on stdout what `xeno info` says about F (already open): nothing
 * but -1 with *e set when it is malformed. Used by the fuzzers too. */
int info_describe(const char *path, const struct xfile *f, struct xerr *e);

/* Hooks the personalities provide so `xeno info` can say, before anything
 * runs, what xeno would be missing. */
int info_win32_import_known(const char *dll, const char *name, unsigned ordinal);
void info_freebsd_syscalls(const void *elf_info);

#endif
