/* winpath.h — pure string rules of Windows file names, shared by the
 * file functions and unit tests: GetFullPathName's normalisation,
 * FindFirstFile's wildcards, and which names are syntactically invalid.
 * Strings are UTF-8; no state, no errors set. */
#ifndef XENO_K32_WINPATH_H
#define XENO_K32_WINPATH_H

#include <stddef.h>

/* The absolute, normalised form of PATH: '/' becomes '\', "." and ".."
 * are resolved, repeated separators collapse, relative paths are taken
 * against CWD ("C:\dir"), "\x" against CWD's drive, "X:rel" against X's
 * root. Device names ("NUL", "CON", "\\.\x") are returned as "\\.\NAME".
 * Returns the length written to OUT (N bytes), or the size needed
 * (with the NUL) if N is too small. *FILEPART is the offset of the last
 * component, or -1 if the result ends with a separator. */
size_t k32_full_path(const char *cwd, const char *path, char *out, size_t n, long *filepart);
/* Does NAME match the Windows wildcard PATTERN (* and ?, case-insensitive,
 * "*.*" matching every name, a trailing "." matching names without an
 * extension)? */
int k32_wild_match(const char *pattern, const char *name);
/* Does PATH contain a character Windows never allows in a name
 * (< > " | ? * or a control character; ':' beyond "X:")? With WILD, ? and
 * * in the last component are allowed. */
int k32_bad_name(const char *path, int wild);
/* Case-insensitive UTF-8 comparison with simple case folding. */
int k32_utf8_casecmp(const char *a, const char *b);

#endif
