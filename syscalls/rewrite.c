/* rewrite.c — rewriting syscall sites. For each `syscall` (0f 05) found in
 * executable code, capstone decodes the enclosing function from a known
 * start (a symbol or an .eh_frame_hdr entry) to prove the bytes are an
 * instruction, then one of two patches sends it to a trampoline:
 *  - displaced: the instructions just before the site (at least 3 bytes,
 *    none a branch, none rip-relative, no branch target inside) move into
 *    the trampoline and a 5-byte jmp takes their place;
 *  - via a gap: the 2-byte syscall becomes `jmp rel8` to padding within
 *    127 bytes that is never executed (after an unconditional transfer, no
 *    branch target), where a 5-byte jmp to the trampoline is written.
 * Anything else is left as it is and Syscall User Dispatch catches it. */
#include <capstone/capstone.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "rewrite.h"
#include "xthread.h"

#define MAX_FN_BYTES (256 * 1024)
#define ARENA_SIZE XENO_FAST_ARENA_SIZE
#define PAGE 4096ull

struct rw_stats rw_stats;

/* ---- anchors ---- */

void rw_anchors_add(struct rw_anchors *a, uint64_t start, uint64_t end)
{
    if (a->n == a->cap) {
        size_t nc = a->cap ? a->cap * 2 : 256;
        uint64_t *s = realloc(a->start, nc * sizeof *s), *e = s ? realloc(a->end, nc * sizeof *e) : NULL;
        if (!s || !e) {
            if (s) a->start = s;
            return;
        }
        a->start = s, a->end = e, a->cap = nc;
    }
    a->start[a->n] = start;
    a->end[a->n++] = end;
}

static struct rw_anchors *sort_target;

static int cmp_idx(const void *x, const void *y)
{
    uint64_t a = sort_target->start[*(const size_t *)x], b = sort_target->start[*(const size_t *)y];
    return a < b ? -1 : a > b;
}

void rw_anchors_sort(struct rw_anchors *a)
{
    size_t k = 1;
    while (k < a->n && a->start[k - 1] < a->start[k])
        k++;
    if (k >= a->n)
        return; /* already in order, no duplicates (a Go table, an .eh_frame_hdr) */
    size_t *idx = malloc(a->n * sizeof *idx);
    uint64_t *s = malloc(a->n * sizeof *s), *e = malloc(a->n * sizeof *e);
    if (!idx || !s || !e) {
        free(idx), free(s), free(e);
        return;
    }
    for (size_t i = 0; i < a->n; i++)
        idx[i] = i;
    sort_target = a;
    qsort(idx, a->n, sizeof *idx, cmp_idx);
    size_t m = 0;
    for (size_t i = 0; i < a->n; i++) {
        uint64_t st = a->start[idx[i]], en = a->end[idx[i]];
        if (m && s[m - 1] == st) { /* keep the longer known extent */
            if (en > e[m - 1])
                e[m - 1] = en;
            continue;
        }
        s[m] = st, e[m++] = en;
    }
    free(a->start), free(a->end), free(idx);
    a->start = s, a->end = e, a->n = a->cap = m;
}

void rw_anchors_free(struct rw_anchors *a)
{
    free(a->start), free(a->end);
    memset(a, 0, sizeof *a);
}

/* .eh_frame_hdr: version 1; a sorted table of (initial location, FDE)
 * pairs. Only the common encoding (datarel sdata4, 0x3b) is read. */
void rw_anchors_from_eh_frame_hdr(struct rw_anchors *a, const uint8_t *hdr, size_t len)
{
    if (len < 12 || hdr[0] != 1 || hdr[3] != 0x3b || hdr[2] != 0x03)
        return;
    size_t off = 4 + (hdr[1] == 0x1b ? 4 : 8);
    uint32_t count;
    memcpy(&count, hdr + off, 4);
    off += 4;
    for (uint32_t i = 0; i < count && off + 8 <= len; i++, off += 8) {
        int32_t loc;
        memcpy(&loc, hdr + off, 4);
        rw_anchors_add(a, (uint64_t)hdr + (uint64_t)(int64_t)loc, 0);
    }
}

static long anchor_for(const struct rw_anchors *a, uint64_t addr)
{
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->start[mid] <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

/* ---- decoding one function ---- */

enum { I_BRANCH = 1, I_UNCOND = 2, I_RIPREL = 4, I_PAD = 8, I_TARGET = 16, I_MOVEAX = 32,
       I_WRITESAX = 64, I_CALL = 128, I_MOVSP0 = 256, I_PATCHED = 512 };

struct insn {
    uint64_t addr;
    uint16_t size, flags;
    int64_t imm;        /* mov $imm, %eax/%rax */
    uint64_t target;    /* direct branch target, or 0 */
};

struct fn {
    uint64_t start, end;
    struct insn *v;
    size_t n, cap;
};

static csh cs;
static int cs_ready;

static int cs_init(void)
{
    if (cs_ready)
        return cs_ready > 0 ? 0 : -1;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
        cs_ready = -1;
        return -1;
    }
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    cs_ready = 1;
    return 0;
}

static uint16_t classify(const cs_insn *ci, int64_t *imm, uint64_t *target)
{
    const cs_detail *d = ci->detail;
    const cs_x86 *x = &d->x86;
    uint16_t fl = 0;
    *imm = 0, *target = 0;
    for (int i = 0; i < d->groups_count; i++) {
        uint8_t g = d->groups[i];
        if (g == CS_GRP_JUMP || g == CS_GRP_CALL || g == CS_GRP_RET || g == CS_GRP_INT ||
            g == CS_GRP_IRET || g == CS_GRP_BRANCH_RELATIVE)
            fl |= I_BRANCH;
        if (g == CS_GRP_CALL)
            fl |= I_CALL;
    }
    unsigned id = ci->id;
    if (id == X86_INS_JMP || id == X86_INS_RET || id == X86_INS_UD2 || id == X86_INS_HLT ||
        id == X86_INS_RETF || id == X86_INS_LJMP)
        fl |= I_UNCOND | I_BRANCH;
    if (id == X86_INS_NOP || id == X86_INS_INT3)
        fl |= I_PAD;
    for (int i = 0; i < x->op_count; i++) {
        const cs_x86_op *op = &x->operands[i];
        if (op->type == X86_OP_MEM && op->mem.base == X86_REG_RIP)
            fl |= I_RIPREL;
        if ((fl & I_BRANCH) && op->type == X86_OP_IMM)
            *target = (uint64_t)op->imm;
        if (op->type == X86_OP_REG && (op->access & CS_AC_WRITE) &&
            (op->reg == X86_REG_EAX || op->reg == X86_REG_RAX || op->reg == X86_REG_AX ||
             op->reg == X86_REG_AL))
            fl |= I_WRITESAX;
    }
    if (id == X86_INS_MOV && x->op_count == 2 && x->operands[1].type == X86_OP_IMM &&
        x->operands[0].type == X86_OP_REG &&
        (x->operands[0].reg == X86_REG_EAX || x->operands[0].reg == X86_REG_RAX)) {
        fl |= I_MOVEAX;
        *imm = x->operands[1].imm;
    }
    if (id == X86_INS_XOR && x->op_count == 2 && x->operands[0].type == X86_OP_REG &&
        x->operands[1].type == X86_OP_REG && x->operands[0].reg == x->operands[1].reg &&
        (x->operands[0].reg == X86_REG_EAX || x->operands[0].reg == X86_REG_RAX)) {
        fl |= I_MOVEAX; /* xor %eax,%eax: 0 */
        *imm = 0;
    }
    if (id == X86_INS_MOV && x->op_count == 2 && x->operands[1].type == X86_OP_IMM &&
        x->operands[0].type == X86_OP_MEM && x->operands[0].mem.base == X86_REG_RSP &&
        x->operands[0].mem.index == X86_REG_INVALID && x->operands[0].mem.disp == 0) {
        fl |= I_MOVSP0; /* the first stack argument (Go's ABI0 calls) */
        if (!(fl & I_MOVEAX))
            *imm = x->operands[1].imm;
    }
    if (fl & I_CALL)
        fl |= I_WRITESAX; /* a call clobbers rax */
    return fl;
}

static int push_insn(struct fn *f, const struct insn *in)
{
    if (f->n == f->cap) {
        size_t nc = f->cap ? f->cap * 2 : 256;
        struct insn *v = realloc(f->v, nc * sizeof *v);
        if (!v)
            return -1;
        f->v = v, f->cap = nc;
    }
    f->v[f->n++] = *in;
    return 0;
}

static void mark_targets(struct fn *f)
{
    for (size_t i = 0; i < f->n; i++) {
        uint64_t t = f->v[i].target;
        if (!t || t < f->start || t >= f->end)
            continue;
        size_t lo = 0, hi = f->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (f->v[mid].addr < t) lo = mid + 1; else hi = mid;
        }
        if (lo < f->n && f->v[lo].addr == t)
            f->v[lo].flags |= I_TARGET;
    }
}

/* Decode [start, end) whose bytes are at CODE (address start). */
static int decode_fn(struct fn *f, const uint8_t *code, uint64_t start, uint64_t end)
{
    f->start = start, f->end = end, f->n = 0;
    cs_insn *ci = cs_malloc(cs);
    const uint8_t *p = code;
    size_t left = end - start;
    uint64_t addr = start;
    if (!ci)
        return -1;
    while (left && cs_disasm_iter(cs, &p, &left, &addr, ci)) {
        struct insn in = { ci->address, ci->size, 0, 0, 0 };
        in.flags = classify(ci, &in.imm, &in.target);
        if (push_insn(f, &in) < 0)
            break;
    }
    cs_free(ci, 1);
    mark_targets(f);
    return 0;
}

static long find_insn(const struct fn *f, uint64_t addr)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->v[mid].addr < addr) lo = mid + 1; else hi = mid;
    }
    return lo < f->n && f->v[lo].addr == addr ? (long)lo : -1;
}

/* The function containing ADDR, decoded (cached between calls). */
static struct fn *fn_at(struct fn *cache, const struct rw_anchors *a, const uint8_t *code,
                        uint64_t lo, uint64_t hi, uint64_t addr)
{
    long k = anchor_for(a, addr);
    if (k < 0)
        return NULL;
    uint64_t start = a->start[k], end = a->end[k];
    uint64_t next = (size_t)k + 1 < a->n ? a->start[k + 1] : hi;
    if (!end || end > next)
        end = next;
    if (end > hi)
        end = hi;
    if (start < lo || addr >= end || end - start > MAX_FN_BYTES)
        return NULL;
    if (cache->start != start || cache->end != end)
        if (decode_fn(cache, code + (start - lo), start, end) < 0)
            return NULL;
    return cache;
}

/* ---- static analysis for `xeno info` ---- */

/* The constant rax holds at instruction I: the last write to it before I,
 * if it is a mov of an immediate and no branch target lies between. */
static long known_number(const struct fn *f, long i)
{
    for (long j = i - 1; j >= 0 && i - j <= 32; j--) {
        const struct insn *in = &f->v[j];
        if (in->flags & I_MOVEAX)
            return (long)in->imm;
        if ((in->flags & (I_WRITESAX | I_BRANCH)) || (f->v[j + 1].flags & I_TARGET))
            return -1;
    }
    return -1;
}

/* The address of the next 0f 05 at or after S in [lo, hi) of CODE (the
 * bytes of lo), or hi. memmem's two-byte search is vectorised; a byte
 * loop was most of a Go program's start-up under xeno, and memchr for
 * 0x0f alone stops too often (it begins most two-byte opcodes). */
static uint64_t next_syscall(const uint8_t *code, uint64_t lo, uint64_t hi, uint64_t s)
{
    if (s + 2 > hi)
        return hi;
    const uint8_t *p = memmem(code + (s - lo), hi - s, "\x0f\x05", 2);
    return p ? lo + (uint64_t)(p - code) : hi;
}

void rw_scan_sites(const uint8_t *code, uint64_t lo, uint64_t hi, const struct rw_anchors *a,
                   rw_site_fn fn, void *ctx)
{
    struct fn cache = { 0 };
    if (cs_init() < 0)
        return;
    for (uint64_t s = next_syscall(code, lo, hi, lo); s < hi; s = next_syscall(code, lo, hi, s + 1)) {
        struct fn *f = fn_at(&cache, a, code, lo, hi, s);
        long i = f ? find_insn(f, s) : -1;
        if (i < 0)
            continue;
        fn(ctx, s, known_number(f, i));
    }
    free(cache.v);
}

/* Calls to any of TARGETS (sorted) with a constant in rax: how Go passes
 * system call numbers to syscall.Syscall and friends. Decodes every
 * function listed in A (slower: for `xeno info`). */
static int is_target(const uint64_t *t, size_t n, uint64_t a)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid] < a) lo = mid + 1; else hi = mid;
    }
    return lo < n && t[lo] == a;
}

/* The system call number passed to a wrapper called at I: in rax
 * (register ABI) or in the first stack slot (Go's ABI0). */
static long call_number(const struct fn *f, long i)
{
    for (long j = i - 1; j >= 0 && i - j <= 32; j--) {
        const struct insn *in = &f->v[j];
        if (in->flags & (I_MOVEAX | I_MOVSP0))
            return (long)in->imm;
        if ((in->flags & I_BRANCH) || (f->v[j + 1].flags & I_TARGET))
            return -1;
    }
    return -1;
}

void rw_scan_calls(const uint8_t *code, uint64_t lo, uint64_t hi, const struct rw_anchors *a,
                   const uint64_t *targets, size_t ntargets, rw_site_fn fn, void *ctx)
{
    struct fn f = { 0 };
    if (cs_init() < 0 || !ntargets)
        return;
    for (size_t k = 0; k < a->n; k++) {
        uint64_t start = a->start[k], end = a->end[k], next = k + 1 < a->n ? a->start[k + 1] : hi;
        if (!end || end > next)
            end = next;
        if (start < lo || end > hi || start >= end || end - start > MAX_FN_BYTES)
            continue;
        if (decode_fn(&f, code + (start - lo), start, end) < 0)
            continue;
        for (size_t i = 0; i < f.n; i++)
            if ((f.v[i].flags & I_CALL) && is_target(targets, ntargets, f.v[i].target))
                fn(ctx, f.v[i].addr, call_number(&f, (long)i));
    }
    free(f.v);
}

/* ---- patching ---- */

struct arena {
    uint8_t *base;
    size_t used;
};
static struct arena arenas[64];
static size_t narenas;

/* The first arena is the gate's fast one (gate.S), inside the range SUD
 * always allows; it is part of xeno's text, made writable when first used.
 * The others are mapped where they are needed. */
extern uint8_t xeno_fast_arena[], xeno_fast_arena_end[];

static void add_fast_arena(void)
{
    static int tried;
    if (tried++)
        return;
    size_t len = (size_t)(xeno_fast_arena_end - xeno_fast_arena);
    if (len == ARENA_SIZE &&
        mprotect(xeno_fast_arena, len, PROT_READ | PROT_WRITE | PROT_EXEC) == 0)
        arenas[narenas++] = (struct arena){ xeno_fast_arena, 0 };
}

static int near(uint64_t a, uint64_t b)
{
    int64_t d = (int64_t)(a - b);
    return d > -0x7ff00000ll && d < 0x7ff00000ll;
}

/* Room for N bytes of trampoline within rel32 reach of ADDR. */
static uint8_t *tramp_alloc(uint64_t addr, size_t n)
{
    add_fast_arena();
    for (size_t i = 0; i < narenas; i++)
        if (near((uint64_t)arenas[i].base, addr) && arenas[i].used + n <= ARENA_SIZE) {
            uint8_t *p = arenas[i].base + arenas[i].used;
            arenas[i].used += (n + 15) & ~15ul;
            return p;
        }
    if (narenas == sizeof arenas / sizeof arenas[0])
        return NULL;
    for (int64_t step = 1; step < 32; step++) {
        for (int dir = -1; dir <= 1; dir += 2) {
            uint64_t want = ((addr & ~(PAGE - 1)) + (uint64_t)(dir * step * (int64_t)(32 << 20)));
            void *p = mmap((void *)want, ARENA_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
            if (p == MAP_FAILED)
                continue;
            if (!near((uint64_t)p, addr)) {
                munmap(p, ARENA_SIZE);
                continue;
            }
            arenas[narenas].base = p;
            arenas[narenas++].used = 0;
            return tramp_alloc(addr, n);
        }
    }
    return NULL;
}

extern void xeno_gate_rewrite(void);

/* Copy the displaced bytes and the template; fill its data slots. */
static uint8_t *make_tramp(const struct rw_config *cfg, uint64_t near_to, const uint8_t *moved,
                           size_t nmoved, uint64_t resume)
{
    uint8_t *t = tramp_alloc(near_to, nmoved + cfg->tmpl_len);
    if (!t)
        return NULL;
    memcpy(t, moved, nmoved);
    memcpy(t + nmoved, cfg->tmpl, cfg->tmpl_len);
    uint64_t slots[4] = { (uint64_t)xeno_gate_rewrite, resume, cfg->table, cfg->errmap };
    memcpy(t + nmoved + cfg->data_off, slots, sizeof slots);
    return t;
}

static void put_jmp32(uint8_t *at, uint64_t from, uint64_t to)
{
    int32_t rel = (int32_t)((int64_t)to - (int64_t)(from + 5));
    at[0] = 0xe9;
    memcpy(at + 1, &rel, 4);
}

/* Write LEN bytes at ADDR in code rw_rewrite_range made writable. */
static void poke(uint64_t addr, const uint8_t *bytes, size_t len)
{
    memcpy((void *)addr, bytes, len);
    __builtin___clear_cache((char *)addr, (char *)addr + len);
}

/* Patched instructions stay in the decode cache, marked so that a later
 * site never moves or reads them as if they still held their old bytes. */
static void mark_patched(struct fn *f, long from, long to)
{
    for (long k = from; k <= to; k++)
        f->v[k].flags |= I_PATCHED | I_BRANCH;
}

static int displaceable(const struct insn *in, int first)
{
    return !(in->flags & (I_BRANCH | I_RIPREL)) && (first || !(in->flags & I_TARGET));
}

/* Patch 1: move the instructions before the site into the trampoline. */
static int patch_displaced(struct fn *f, long i, const struct rw_config *cfg)
{
    const struct insn *s = &f->v[i];
    if (s->flags & I_TARGET)
        return 0;
    long j = i;
    size_t moved = 0;
    while (moved < 3 && j > 0 && displaceable(&f->v[j - 1], 0)) {
        j--;
        moved += f->v[j].size;
    }
    if (moved < 3 || moved > 64)
        return 0;
    for (long k = j + 1; k < i; k++) /* only the first moved instruction may be a target */
        if (f->v[k].flags & I_TARGET)
            return 0;
    uint64_t start = f->v[j].addr;
    uint8_t *t = make_tramp(cfg, start, (const uint8_t *)start, moved, s->addr + 2);
    if (!t)
        return 0;
    uint8_t patch[72];
    memset(patch, 0xcc, sizeof patch); /* never executed: the jmp skips it */
    put_jmp32(patch, start, (uint64_t)t);
    poke(start, patch, moved + 2);
    mark_patched(f, j, i);
    rw_stats.displaced++;
    return 1;
}

/* Used gap bytes, so two sites never share one. */
static uint64_t used_gaps[8192];
static size_t nused;

static int gap_free(uint64_t a)
{
    for (size_t i = 0; i < nused; i++)
        if (a < used_gaps[i] + 5 && used_gaps[i] < a + 5)
            return 0;
    return 1;
}

/* A run of 5 dead bytes within rel8 reach of the site's end. */
static uint64_t find_gap(const struct fn *f, uint64_t site)
{
    for (size_t k = 1; k < f->n; k++) {
        if (!(f->v[k - 1].flags & I_UNCOND))
            continue;
        uint64_t start = f->v[k].addr, end = start;
        for (size_t m = k; m < f->n && (f->v[m].flags & I_PAD) && !(f->v[m].flags & I_TARGET); m++)
            end = f->v[m].addr + f->v[m].size;
        for (uint64_t g = start; g + 5 <= end; g++) {
            int64_t d = (int64_t)g - (int64_t)(site + 2);
            if (d >= -128 && d <= 127 && gap_free(g))
                return g;
        }
    }
    return 0;
}

/* Patch 2: syscall → jmp rel8 to a gap holding a jmp to the trampoline. */
static int patch_via_gap(struct fn *f, long i, const struct rw_config *cfg)
{
    uint64_t site = f->v[i].addr;
    uint64_t g = find_gap(f, site);
    if (!g || nused == sizeof used_gaps / sizeof used_gaps[0])
        return 0;
    uint8_t *t = make_tramp(cfg, g, NULL, 0, site + 2);
    if (!t)
        return 0;
    uint8_t jmp[5], short_jmp[2] = { 0xeb, (uint8_t)(int8_t)((int64_t)g - (int64_t)(site + 2)) };
    put_jmp32(jmp, g, (uint64_t)t);
    poke(g, jmp, 5);
    poke(site, short_jmp, 2);
    mark_patched(f, i, i);
    used_gaps[nused++] = g;
    rw_stats.via_gap++;
    return 1;
}

/* Make [lo, hi) writable for the whole pass (one mprotect each way, not
 * two per site) and patch every provable syscall in it. */
int rw_rewrite_range(uint64_t lo, uint64_t hi, int prot, const struct rw_anchors *a,
                     const struct rw_config *cfg)
{
    struct fn cache = { 0 };
    int done = 0;
    uint64_t p0 = lo & ~(PAGE - 1), p1 = (hi + PAGE - 1) & ~(PAGE - 1);
    if (cs_init() < 0 || mprotect((void *)p0, p1 - p0, prot | PROT_READ | PROT_WRITE) < 0)
        return 0;
    const uint8_t *code = (const uint8_t *)lo;
    for (uint64_t s = next_syscall(code, lo, hi, lo); s < hi; s = next_syscall(code, lo, hi, s + 1)) {
        struct fn *f = fn_at(&cache, a, code, lo, hi, s);
        long i = f ? find_insn(f, s) : -1;
        if (i < 0 || (f->v[i].flags & I_PATCHED))
            continue; /* not provably an instruction, or already patched */
        rw_stats.sites++;
        if (cfg->keep_nr >= 0 && known_number(f, i) == cfg->keep_nr) {
            rw_stats.left++;
            continue;
        }
        if (patch_displaced(f, i, cfg) || patch_via_gap(f, i, cfg))
            done++;
        else
            rw_stats.left++;
    }
    mprotect((void *)p0, p1 - p0, prot);
    free(cache.v);
    return done;
}
