/* remap.h — XENO_REMAP=/from=/to[:/from2=/to2]: file system paths under
 * /from are redirected to /to (fakechroot/proot style) for every argument
 * the Linux table marks K_PATH, *at forms included (absolute paths only:
 * a relative path follows its directory descriptor or the working
 * directory, which may already be a remapped one). */
#ifndef XENO_REMAP_H
#define XENO_REMAP_H

#include <stddef.h>

/* Parse SPEC; 0, or -1 with a message in ERR (N bytes). Rules are tried
 * in order: the first whose /from is a prefix (whole components) wins. */
int remap_parse(const char *spec, char *err, size_t n);
/* Is any rule set? */
int remap_active(void);
/* PATH rewritten into BUF (N bytes): 1 if a rule applied, 0 if not, -1 if
 * the result does not fit. */
int remap_path(const char *path, char *buf, size_t n);

#endif
