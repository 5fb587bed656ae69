/* pe_map.c — mapping a parsed PE32+ image for execution: the whole image
 * at its preferred base (or, when something is already there, wherever
 * there is room, with base relocations applied), headers and sections
 * copied in, and section protections set once imports are bound. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "image.h"
#include "pe.h"
#include "pe_internal.h"

#define PAGE 4096u
#define PG_UP(x) (((x) + PAGE - 1) & ~(uint64_t)(PAGE - 1))

struct reloc_ctx {
    uint8_t *base;
    uint64_t delta;
};

static void apply_reloc(void *ctx, uint32_t rva, int type)
{
    struct reloc_ctx *rc = ctx;
    uint64_t delta = rc->delta;
    uint8_t *p = rc->base + rva;
    if (type == 10) {
        uint64_t v;
        memcpy(&v, p, 8);
        v += delta;
        memcpy(p, &v, 8);
    } else {
        uint32_t v;
        memcpy(&v, p, 4);
        v += (uint32_t)delta;
        memcpy(p, &v, 4);
    }
}

static void *reserve(const struct pe_file *pe, uint64_t size)
{
    void *want = (void *)pe->image_base;
    void *p = mmap(want, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED && p != want) {
        munmap(p, size);
        p = MAP_FAILED;
    }
    if (p == MAP_FAILED && !(pe->characteristics & 1) /* RELOCS_STRIPPED */ && pe->nrelocs)
        p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p;
}

int pe_load_into(const struct pe_file *pe, uint8_t *dst, uint64_t base, struct xerr *e)
{
    memcpy(dst, pe->f->data, pe->size_of_headers);
    for (unsigned i = 0; i < pe->nsect; i++) {
        const struct pe_section *s = &pe->sect[i];
        if (s->raw_size)
            memcpy(dst + s->vaddr, pe->f->data + s->raw_off, s->raw_size);
    }
    if (base == pe->image_base)
        return 0;
    struct reloc_ctx rc = { dst, base - pe->image_base };
    return pe_relocs_foreach(pe, apply_reloc, &rc, e);
}

int pe_map_image(const struct pe_file *pe, struct ximage *img, struct xerr *e)
{
    memset(img, 0, sizeof *img);
    img->path = pe->f->path;
    uint64_t size = PG_UP(pe->size_of_image);
    void *p = reserve(pe, size);
    if (p == MAP_FAILED)
        return xerr_set(e, "cannot map the image at its base 0x%llx and it has no relocations",
                        (unsigned long long)pe->image_base);
    img->base = (uint64_t)p;
    img->lo = img->base;
    img->hi = img->base + size;
    if (pe_load_into(pe, p, img->base, e) < 0)
        return -1;
    img->entry = img->base + pe->entry_rva;
    return 0;
}

static int prot_of(uint32_t flags)
{
    return (flags & PE_SCN_MEM_READ ? PROT_READ : 0) |
           (flags & PE_SCN_MEM_WRITE ? PROT_WRITE : 0) |
           (flags & PE_SCN_MEM_EXECUTE ? PROT_EXEC : 0);
}

void pe_protect_image(const struct pe_file *pe, const struct ximage *img)
{
    mprotect((void *)img->base, PG_UP(pe->size_of_headers), PROT_READ);
    for (unsigned i = 0; i < pe->nsect; i++) {
        const struct pe_section *s = &pe->sect[i];
        uint64_t start = img->base + s->vaddr, len = PG_UP(s->vsize);
        if (len)
            mprotect((void *)start, len, prot_of(s->flags) | PROT_READ);
    }
}
