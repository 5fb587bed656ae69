/* image.h — a foreign executable mapped into memory, as both
 * personalities describe it once the loader is done with the file. */
#ifndef XENO_IMAGE_H
#define XENO_IMAGE_H

#include <stdint.h>

struct ximage {
    const char *path;
    uint64_t base;        /* load bias: 0 for fixed-address images */
    uint64_t lo, hi;      /* mapped span, page aligned */
    uint64_t entry;       /* run-time entry address */
    uint64_t phdr;        /* run-time address of the program headers, or 0 */
    unsigned phnum, phent;
    uint64_t tls_image, tls_filesz, tls_memsz, tls_align; /* PT_TLS, if any */
    int exec_stack;       /* PT_GNU_STACK asked for an executable stack */
};

struct elf_info;
struct xerr;

/* Map the PT_LOAD segments of a checked ELF file (elf_check_loadable):
 * fixed-address images where they ask to be (refusing to overwrite any
 * existing mapping), position-independent ones wherever there is room. */
int elf_map_image(const struct elf_info *ei, int fd, struct ximage *img, struct xerr *e);

struct pe_file;
/* Map a parsed PE32+ image (headers and sections copied, relocated if it
 * cannot have its preferred base); entry is the run-time entry point. */
int pe_map_image(const struct pe_file *pe, struct ximage *img, struct xerr *e);
/* The same into DST (SizeOfImage writable bytes, zeroed), relocated for
 * BASE: what pe_map_image does once it has memory (the fuzzers use it). */
int pe_load_into(const struct pe_file *pe, uint8_t *dst, uint64_t base, struct xerr *e);
/* Apply section protections (after imports are written). */
void pe_protect_image(const struct pe_file *pe, const struct ximage *img);

#endif
