/* cmdsplit.h — splitting a Windows command line into arguments the way
 * the C runtime and CommandLineToArgvW do (pure; see cmdsplit.c). */
#ifndef XENO_K32_CMDSPLIT_H
#define XENO_K32_CMDSPLIT_H

/* Split CMD (UTF-8) into a malloc'd NULL-terminated argv (one block:
 * free(argv) frees all); *ARGC gets the count. NULL if out of memory. */
char **k32_split_cmdline(const char *cmd, int *argc);

#endif
