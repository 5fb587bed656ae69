/* predict.c — `xeno info` on a FreeBSD program: which system calls its
 * code can make, found before anything runs. Each syscall instruction
 * whose number is set by a nearby constant is counted, and so is each
 * call of a Go syscall wrapper (syscall.Syscall…) with a constant number;
 * the calls xeno does not implement yet are marked. A stripped Go program
 * is read through its pc-line table's functions and names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_info.h"
#include "fbsd.h"
#include "rewrite.h"

#define NSYS 600

struct prediction {
    unsigned count[NSYS];
    unsigned sites, unknown, wrapper_calls;
    uint64_t wrappers[32];
    size_t nwrappers;
};

/* Go's system call entry points (Go 1.17 – 1.22 names). */
static const char *const go_wrappers[] = {
    "syscall.Syscall", "syscall.Syscall6", "syscall.Syscall9", "syscall.RawSyscall",
    "syscall.RawSyscall6", "syscall.rawSyscallNoError", "syscall.RawSyscallNoError",
    "syscall.syscall", "syscall.syscall6", "syscall.rawSyscall", "syscall.rawSyscall6",
    "runtime/internal/syscall.Syscall6", "internal/runtime/syscall.Syscall6",
};

struct syms {
    struct rw_anchors a;
    struct prediction *p;
};

static void on_symbol(void *ctx, const char *name, uint64_t addr, uint64_t size)
{
    struct syms *s = ctx;
    rw_anchors_add(&s->a, addr, size ? addr + size : 0);
    size_t n = strlen(name);
    if (n > 5 && !strcmp(name + n - 5, ".abi0")) /* Go's assembly entry points */
        n -= 5;
    for (size_t i = 0; i < sizeof go_wrappers / sizeof go_wrappers[0]; i++)
        if (strlen(go_wrappers[i]) == n && !strncmp(name, go_wrappers[i], n) && s->p->nwrappers < 32)
            s->p->wrappers[s->p->nwrappers++] = addr;
}

/* A function of Go's pc-line table: what on_symbol does for a symbol. */
static void on_go_func(void *ctx, const char *name, uint64_t start, uint64_t end)
{
    on_symbol(ctx, name, start, end - start);
}

/* A stripped Go program: its functions from .gopclntab, read from the file. */
static void go_functions(const struct elf_info *ei, struct syms *s)
{
    GElf_Shdr go, text;
    uint64_t text_addr = elf_find_section(ei, ".text", &text) ? text.sh_addr : 0;
    if (elf_find_section(ei, ".gopclntab", &go) && go.sh_type != SHT_NOBITS && go.sh_size &&
        go.sh_offset <= ei->f->size && go.sh_size <= ei->f->size - go.sh_offset)
        rw_gopclntab_foreach(ei->f->data + go.sh_offset, go.sh_size, text_addr, on_go_func, s);
}

static void on_site(void *ctx, uint64_t addr, long nr)
{
    struct prediction *p = ctx;
    (void)addr;
    p->sites++;
    if (nr == 0 || nr == 198) /* indirect: the number is elsewhere */
        nr = -1;
    if (nr >= 0 && nr < NSYS)
        p->count[nr]++;
    else
        p->unknown++;
}

static void on_wrapper_call(void *ctx, uint64_t addr, long nr)
{
    struct prediction *p = ctx;
    (void)addr;
    p->wrapper_calls++;
    if (nr >= 0 && nr < NSYS)
        p->count[nr]++;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void scan(const struct elf_info *ei, struct syms *s)
{
    for (size_t i = 0; i < ei->nphdr; i++) {
        const GElf_Phdr *ph = &ei->phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X) || !ph->p_filesz ||
            ph->p_offset > ei->f->size || ph->p_filesz > ei->f->size - ph->p_offset ||
            ph->p_vaddr + ph->p_filesz < ph->p_vaddr) /* no wrapping sums */
            continue;
        const uint8_t *code = ei->f->data + ph->p_offset;
        uint64_t lo = ph->p_vaddr, hi = ph->p_vaddr + ph->p_filesz;
        rw_scan_sites(code, lo, hi, &s->a, on_site, s->p);
        rw_scan_calls(code, lo, hi, &s->a, s->p->wrappers, s->p->nwrappers, on_wrapper_call, s->p);
    }
}

static void print(const struct prediction *p)
{
    unsigned distinct = 0, missing = 0;
    for (int nr = 0; nr < NSYS; nr++)
        if (p->count[nr]) {
            distinct++;
            const struct fbsd_sysent *e = fbsd_sysent(nr);
            missing += !(e && e->fn);
        }
    printf("%-13s%u distinct FreeBSD system calls from %u syscall sites (%u with a number "
           "set elsewhere) and %u calls of Go syscall wrappers; %u not implemented by xeno\n",
           "syscalls:", distinct, p->sites, p->unknown, p->wrapper_calls, missing);
    for (int nr = 0; nr < NSYS; nr++) {
        if (!p->count[nr])
            continue;
        const struct fbsd_sysent *e = fbsd_sysent(nr);
        printf("  %-24s %3d%s\n", e ? e->name : "unknown", nr,
               e && e->fn ? "" : "  [not implemented]");
    }
}

void info_freebsd_syscalls(const void *elf_info)
{
    const struct elf_info *ei = elf_info;
    struct prediction *p = calloc(1, sizeof *p);
    struct syms s = { { 0 }, p };
    if (!p)
        return;
    elf_foreach_function(ei, on_symbol, &s);
    if (!s.a.n)
        go_functions(ei, &s);
    rw_anchors_sort(&s.a);
    qsort(p->wrappers, p->nwrappers, sizeof p->wrappers[0], cmp_u64);
    scan(ei, &s);
    if (p->count[416]) /* handlers return through the signal trampoline's sigreturn */
        p->count[417]++;
    print(p);
    rw_anchors_free(&s.a);
    free(p);
}
