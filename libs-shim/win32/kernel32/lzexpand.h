/* lzexpand.h — the "SZDD" format of Microsoft's COMPRESS.EXE (Lempel-Ziv,
 * what LZOpenFile/LZCopy and expand.exe undo): header and expansion, pure,
 * for lzexpand.c, setupapi and the unit tests. */
#ifndef XENO_K32_LZEXPAND_H
#define XENO_K32_LZEXPAND_H

#include <stddef.h>
#include <stdint.h>

#define SZDD_HEADER 14

/* Whether the N bytes at P start an SZDD file; then *LAST is the last
 * character of the original name (0 when not recorded) and *SIZE the
 * expanded size the header announces. */
int szdd_header(const uint8_t *p, size_t n, char *last, uint32_t *size);

/* Expand the SZDD file IN (N bytes, header included) into *OUT (malloc'd,
 * *OUTLEN bytes). Returns 0, or -1 when IN is no SZDD file or memory runs
 * out. Input that ends inside an item ends the output there. */
int szdd_expand(const uint8_t *in, size_t n, uint8_t **out, size_t *outlen);

#endif
