/* pe_internal.h — helpers shared by the PE parser's two files. */
#ifndef XENO_PE_INTERNAL_H
#define XENO_PE_INTERNAL_H

#include <stdint.h>
#include <string.h>
#include "pe.h"

static inline uint16_t rd16(const void *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline uint32_t rd32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t rd64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }

/* pe_str, refusing control characters: a name that is printed, and may be
 * quoted in a one-line error (DLL names). */
const char *pe_name(const struct pe_file *pe, uint32_t rva);

int pe_check_dirs(struct pe_file *pe, struct xerr *e);
int pe_parse_imports(struct pe_file *pe, struct xerr *e);
int pe_parse_delay_imports(struct pe_file *pe, struct xerr *e);
int pe_parse_exports(struct pe_file *pe, struct xerr *e);
int pe_parse_tls(struct pe_file *pe, struct xerr *e);
int pe_count_relocs(struct pe_file *pe, struct xerr *e);

#endif
