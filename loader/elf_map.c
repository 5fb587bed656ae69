/* elf_map.c — mapping an ELF executable's PT_LOAD segments for execution:
 * file-backed private mappings with their protections, the zero-filled
 * tail of each segment, and the run-time facts the process start needs. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "elf_info.h"
#include "image.h"

#define PAGE 4096ull
#define PG_DOWN(x) ((x) & ~(PAGE - 1))
#define PG_UP(x) (((x) + PAGE - 1) & ~(PAGE - 1))

static int prot_of(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
           (flags & PF_X ? PROT_EXEC : 0);
}

/* Reserve the whole span so segments land in one place: fixed images at
 * their addresses (never over something already mapped). */
static int reserve(const struct elf_info *ei, struct ximage *img, struct xerr *e)
{
    uint64_t span = PG_UP(ei->hi) - ei->lo;
    int fixed = ei->type == ET_EXEC;
    void *want = fixed ? (void *)ei->lo : NULL;
    void *p = mmap(want, span, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (fixed ? MAP_FIXED_NOREPLACE : 0),
                   -1, 0);
    if (p == MAP_FAILED)
        return xerr_set(e, "cannot reserve 0x%llx-0x%llx for the image: %s",
                        (unsigned long long)ei->lo, (unsigned long long)(ei->lo + span),
                        errno == EEXIST ? "address range already in use" : strerror(errno));
    if (fixed && p != want) {
        munmap(p, span);
        return xerr_set(e, "cannot place the image at 0x%llx", (unsigned long long)ei->lo);
    }
    img->base = fixed ? 0 : (uint64_t)p - ei->lo;
    img->lo = (uint64_t)p;
    img->hi = (uint64_t)p + span;
    return 0;
}

static int map_segment(const GElf_Phdr *ph, int fd, uint64_t bias, struct xerr *e)
{
    uint64_t va = ph->p_vaddr + bias;
    uint64_t start = PG_DOWN(va), file_end = va + ph->p_filesz, mem_end = va + ph->p_memsz;
    int prot = prot_of(ph->p_flags);
    if (ph->p_filesz) {
        void *p = mmap((void *)start, PG_UP(file_end) - start, prot | PROT_WRITE,
                       MAP_PRIVATE | MAP_FIXED, fd, (off_t)PG_DOWN(ph->p_offset));
        if (p == MAP_FAILED)
            return xerr_set(e, "cannot map segment at 0x%llx: %s", (unsigned long long)va,
                            strerror(errno));
        if (mem_end > file_end) /* bss starting inside the last file page */
            memset((void *)file_end, 0, PG_UP(file_end) - file_end);
    }
    uint64_t anon = ph->p_filesz ? PG_UP(file_end) : start;
    if (PG_UP(mem_end) > anon &&
        mmap((void *)anon, PG_UP(mem_end) - anon, prot, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS,
             -1, 0) == MAP_FAILED)
        return xerr_set(e, "cannot map zero-filled memory at 0x%llx: %s",
                        (unsigned long long)anon, strerror(errno));
    if (ph->p_filesz && mprotect((void *)start, PG_UP(file_end) - start, prot) < 0)
        return xerr_set(e, "cannot protect segment at 0x%llx: %s", (unsigned long long)va,
                        strerror(errno));
    return 0;
}

static void note_phdr(const struct elf_info *ei, const GElf_Phdr *ph, struct ximage *img)
{
    switch (ph->p_type) {
    case PT_PHDR:
        img->phdr = ph->p_vaddr + img->base;
        break;
    case PT_TLS:
        img->tls_image = ph->p_vaddr + img->base;
        img->tls_filesz = ph->p_filesz;
        img->tls_memsz = ph->p_memsz;
        img->tls_align = ph->p_align;
        break;
    case PT_GNU_STACK:
        img->exec_stack = (ph->p_flags & PF_X) != 0;
        break;
    case PT_LOAD: /* no PT_PHDR: the headers are in the first segment's file image */
        if (!img->phdr && ph->p_offset == 0 && ph->p_filesz >= 64 + ei->nphdr * 56)
            img->phdr = ph->p_vaddr + img->base + 64;
        break;
    }
}

int elf_map_image(const struct elf_info *ei, int fd, struct ximage *img, struct xerr *e)
{
    memset(img, 0, sizeof *img);
    img->path = ei->f->path;
    if (reserve(ei, img, e) < 0)
        return -1;
    for (size_t i = 0; i < ei->nphdr; i++) {
        const GElf_Phdr *ph = &ei->phdr[i];
        if (ph->p_type == PT_LOAD && map_segment(ph, fd, img->base, e) < 0)
            return -1;
        note_phdr(ei, ph, img);
    }
    img->entry = ei->entry + img->base;
    img->phnum = (unsigned)ei->nphdr;
    img->phent = 56;
    return 0;
}
