/* fast.c — the rewritten-site fast path for FreeBSD guests: which FreeBSD
 * calls a trampoline may make directly as the same Linux call (identical
 * arguments and results; only the errno numbering differs), the errno map
 * it uses, and rewriting the image's code at start-up. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "elf_info.h"
#include "fbsd.h"
#include "image.h"
#include "rawsys.h"
#include "rewrite.h"

#define NSYS 600

extern const uint8_t xeno_tramp_fbsd[], xeno_tramp_fbsd_end[], xeno_tramp_fbsd_data[];

/* FreeBSD number → Linux number for calls with the same meaning. */
static const struct { uint16_t fbsd, lnx; } same[] = {
    { 3, SYS_read }, { 4, SYS_write }, { 6, SYS_close }, { 12, SYS_chdir },
    { 13, SYS_fchdir }, { 20, SYS_getpid }, { 24, SYS_getuid }, { 25, SYS_geteuid },
    { 39, SYS_getppid }, { 41, SYS_dup }, { 43, SYS_getegid }, { 47, SYS_getgid },
    { 73, SYS_munmap }, { 90, SYS_dup2 }, { 95, SYS_fsync }, { 120, SYS_readv },
    { 121, SYS_writev }, { 240, SYS_nanosleep }, { 331, SYS_sched_yield },
    { 475, SYS_pread64 }, { 476, SYS_pwrite64 }, { 480, SYS_ftruncate },
};

/* Of those, the ones that never block: a trapped call may be answered
 * inside the SIGSYS handler (signals stay blocked there). */
static const uint16_t quick_calls[] = { 20, 24, 25, 39, 43, 47, 41, 331 };

/* Linux number + 1 (Linux's read is 0), or 0: through the gate. */
static uint16_t direct[NSYS];
static uint8_t quick[NSYS];
static uint8_t errmap[256];

/* With tracing on, every call goes through the gate to be seen. */
/* Runs in the SIGSYS handler (maybe with the guest's FS): raw calls only. */
static int sud_quick(ucontext_t *uc)
{
    greg_t *g = uc->uc_mcontext.gregs;
    uint64_t nr = (uint64_t)g[REG_RAX];
    if (nr >= NSYS || !quick[nr])
        return 0;
    struct xthread *t = xthread_self();
    t->selector = SUD_ALLOW;
    long r = xsys6(direct[nr] - 1, g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10], g[REG_R8], g[REG_R9]);
    t->selector = SUD_BLOCK;
    if (r < 0 && r > -4096) {
        g[REG_RAX] = errmap[-r & 255];
        g[REG_EFL] |= 1;
    } else {
        g[REG_RAX] = r;
        g[REG_EFL] &= ~1ll;
    }
    return 1;
}

void fbsd_fast_init(int tracing)
{
    memset(direct, 0, sizeof direct);
    memset(quick, 0, sizeof quick);
    for (size_t i = 0; !tracing && i < sizeof same / sizeof same[0]; i++)
        direct[same[i].fbsd] = (uint16_t)(same[i].lnx + 1);
    for (size_t i = 0; !tracing && i < sizeof quick_calls / sizeof quick_calls[0]; i++)
        quick[quick_calls[i]] = direct[quick_calls[i]] != 0;
    for (int e = 0; e < 256; e++)
        errmap[e] = (uint8_t)fbsd_errno_from_linux(e);
    xeno_sud_quick = sud_quick;
}

static struct rw_config config(void)
{
    struct rw_config cfg = {
        xeno_tramp_fbsd, (size_t)(xeno_tramp_fbsd_end - xeno_tramp_fbsd),
        (size_t)(xeno_tramp_fbsd_data - xeno_tramp_fbsd), (uint64_t)direct, (uint64_t)errmap, -1,
    };
    return cfg;
}

static int rewrite_enabled(void)
{
    const char *v = getenv("XENO_REWRITE");
    return !(v && !strcmp(v, "0"));
}

/* Code the guest made executable at run time: no symbols, so the decode
 * starts at the region's first byte (a linear sweep). */
void fbsd_rewrite_region(uint64_t addr, uint64_t len, int prot)
{
    if (!rewrite_enabled() || !(prot & PROT_EXEC) || !(prot & PROT_READ) || !len)
        return;
    struct rw_anchors a = { 0 };
    rw_anchors_add(&a, addr, addr + len);
    struct rw_config cfg = config();
    rw_rewrite_range(addr, addr + len, prot, &a, &cfg);
    rw_anchors_free(&a);
}

static void add_symbol(void *ctx, const char *name, uint64_t addr, uint64_t size)
{
    (void)name;
    rw_anchors_add(ctx, addr, size ? addr + size : 0);
}

/* Rewrite every syscall site of the mapped image that can be. Function
 * boundaries come from the symbols, .eh_frame_hdr, and for Go programs
 * (whose releases are stripped and have no unwind tables) .gopclntab. */
void fbsd_rewrite_image(const struct elf_info *ei, const struct ximage *img)
{
    if (!rewrite_enabled())
        return;
    struct rw_anchors a = { 0 };
    elf_foreach_function(ei, add_symbol, &a);
    uint64_t eh, ehsz;
    if (elf_eh_frame_hdr(ei, &eh, &ehsz))
        rw_anchors_from_eh_frame_hdr(&a, (const uint8_t *)(eh + img->base), ehsz);
    GElf_Shdr go, text;
    if (!a.n && elf_find_section(ei, ".gopclntab", &go) && (go.sh_flags & SHF_ALLOC) && go.sh_size &&
        elf_find_section(ei, ".text", &text) && text.sh_addr) /* a stripped Go program */
        rw_anchors_from_gopclntab(&a, (const uint8_t *)(go.sh_addr + img->base), go.sh_size,
                                  text.sh_addr + img->base);
    rw_anchors_sort(&a);
    struct rw_config cfg = config();
    for (size_t i = 0; i < ei->nphdr; i++) {
        const GElf_Phdr *ph = &ei->phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
            continue;
        int prot = PROT_EXEC | (ph->p_flags & PF_R ? PROT_READ : 0) | (ph->p_flags & PF_W ? PROT_WRITE : 0);
        rw_rewrite_range(ph->p_vaddr + img->base, ph->p_vaddr + img->base + ph->p_filesz, prot, &a, &cfg);
    }
    rw_anchors_free(&a);
}
