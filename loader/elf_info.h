/* elf.h — ELF inspection through libelf: identity, OS branding, program
 * headers, interpreter and needed libraries, checked for loadability. */
#ifndef XENO_ELF_H
#define XENO_ELF_H

#include <gelf.h>
#include <stdint.h>
#include "file.h"

#define ELF_MAX_PHDRS 128

enum elf_os { ELF_OS_UNKNOWN, ELF_OS_LINUX, ELF_OS_FREEBSD, ELF_OS_OTHER };

struct elf_info {
    const struct xfile *f;
    Elf *elf;
    int cls;              /* ELFCLASS32 / ELFCLASS64 */
    int data;             /* ELFDATA2LSB / MSB */
    unsigned machine, type, osabi;
    uint64_t entry;
    enum elf_os os;
    const char *os_name;  /* "FreeBSD", "Linux", "NetBSD" ... */
    uint32_t abi_version; /* FreeBSD __FreeBSD_version from the ABI note, or 0 */
    size_t nphdr;
    GElf_Phdr phdr[ELF_MAX_PHDRS];
    const char *interp;   /* PT_INTERP string, or NULL */
    const char **needed;  /* DT_NEEDED entries */
    size_t nneeded;
    int has_tls;
    uint64_t lo, hi;      /* span of PT_LOAD segments */
};

/* Parse identity and program headers. Returns 0 or -1 with *e set. */
int elf_parse(struct elf_info *ei, const struct xfile *f, struct xerr *e);
/* Stricter checks needed before mapping the image for execution. */
int elf_check_loadable(const struct elf_info *ei, struct xerr *e);
void elf_free(struct elf_info *ei);

/* Function symbols (STT_FUNC with an address) of .symtab and .dynsym:
 * cb gets each symbol's name, address and size. */
typedef void (*elf_func_cb)(void *ctx, const char *name, uint64_t addr, uint64_t size);
void elf_foreach_function(const struct elf_info *ei, elf_func_cb cb, void *ctx);
/* File offset and size of the PT_GNU_EH_FRAME segment, or 0. */
int elf_eh_frame_hdr(const struct elf_info *ei, uint64_t *vaddr, uint64_t *size);

const char *elf_machine_name(unsigned machine);
const char *elf_type_name(unsigned type);

/* Section iteration for `xeno info`: calls cb for each section. */
typedef void (*elf_section_cb)(void *ctx, const char *name, const GElf_Shdr *sh);
void elf_foreach_section(const struct elf_info *ei, elf_section_cb cb, void *ctx);
/* The header of the first section called NAME into *SH: 1, or 0. */
int elf_find_section(const struct elf_info *ei, const char *name, GElf_Shdr *sh);

#endif
