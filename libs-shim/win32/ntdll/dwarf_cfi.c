/* dwarf_cfi.c — a small DWARF call frame information interpreter for
 * host frames (see dwarf_cfi.h): pointer encodings, CIE/FDE parsing, the
 * DW_CFA_* row program up to a pc, and the DW_OP_* expressions .eh_frame
 * uses for CFA and register rules (PLT stubs, signal trampolines).
 * Written from the DWARF 4 specification and the LSB .eh_frame
 * description. */
#include <string.h>

#include "dwarf_cfi.h"

enum { R_SAME, R_UNDEF, R_OFFSET, R_VALOFF, R_REG, R_EXPR, R_VALEXPR };

struct rule {
    uint8_t how;
    int64_t off;                /* offset, or register number for R_REG */
    const uint8_t *expr;        /* ULEB length, then the expression */
};

struct row {
    struct rule reg[CFI_NREGS];
    unsigned cfa_reg;
    int64_t cfa_off;
    const uint8_t *cfa_expr;
};

struct cie {
    uint64_t code_align;
    int64_t data_align;
    unsigned ra;
    uint8_t fde_enc;
    int has_aug;
    const uint8_t *insns, *end;
};

static uint64_t uleb(const uint8_t **p)
{
    uint64_t v = 0;
    unsigned sh = 0;
    uint8_t b;
    do {
        b = *(*p)++;
        if (sh < 64)
            v |= (uint64_t)(b & 0x7f) << sh;
        sh += 7;
    } while (b & 0x80);
    return v;
}

/* Skip a ULEB128-prefixed block, returning where it starts. */
static const uint8_t *block(const uint8_t **p)
{
    uint64_t n = uleb(p);
    const uint8_t *b = *p;
    *p += n;
    return b;
}

static int64_t sleb(const uint8_t **p)
{
    int64_t v = 0;
    unsigned sh = 0;
    uint8_t b;
    do {
        b = *(*p)++;
        if (sh < 64)
            v |= (int64_t)(b & 0x7f) << sh;
        sh += 7;
    } while (b & 0x80);
    if (sh < 64 && (b & 0x40))
        v |= -((int64_t)1 << sh);
    return v;
}

#define RD(T, p) ({ T v_; memcpy(&v_, (p), sizeof v_); (p) += sizeof v_; v_; })

/* A DW_EH_PE-encoded pointer; DATA is the base for datarel. */
static uint64_t read_enc(const uint8_t **p, uint8_t enc, uint64_t data)
{
    const uint8_t *at = *p;
    uint64_t v;
    if (enc == 0xff)
        return 0;
    switch (enc & 0x0f) {
    case 0x00: case 0x04: case 0x0c: v = RD(uint64_t, *p); break;
    case 0x01: v = uleb(p); break;
    case 0x09: v = (uint64_t)sleb(p); break;
    case 0x02: v = RD(uint16_t, *p); break;
    case 0x0a: v = (uint64_t)(int64_t)RD(int16_t, *p); break;
    case 0x03: v = RD(uint32_t, *p); break;
    case 0x0b: v = (uint64_t)(int64_t)RD(int32_t, *p); break;
    default: return 0;
    }
    if ((enc & 0x70) == 0x10)
        v += (uint64_t)at;
    else if ((enc & 0x70) == 0x30)
        v += data;
    if (enc & 0x80)
        memcpy(&v, (void *)v, 8);
    return v;
}

static uint32_t u32at(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* The CIE an FDE refers to (its second word is the distance back). */
static const uint8_t *cie_of(const uint8_t *fde)
{
    return fde + 4 - u32at(fde + 4);
}

/* ---- CIE and the row program ---- */

static int parse_cie(const uint8_t *cie, struct cie *c)
{
    uint32_t len;
    memcpy(&len, cie, 4);
    if (len == 0xffffffff)
        return -1;
    c->end = cie + 4 + len;
    const uint8_t *p = cie + 9;
    const char *aug = (const char *)p;
    p += strlen(aug) + 1;
    if (strstr(aug, "eh"))
        p += 8;
    c->code_align = uleb(&p);
    c->data_align = sleb(&p);
    c->ra = cie[8] == 1 ? *p++ : (unsigned)uleb(&p);
    c->fde_enc = 0;
    c->has_aug = aug[0] == 'z';
    if (c->has_aug) {
        uint64_t n = uleb(&p);
        const uint8_t *data = p;
        for (const char *s = aug + 1; *s; s++) {
            if (*s == 'R')
                c->fde_enc = *p++;
            else if (*s == 'P') {
                uint8_t penc = *p++;
                read_enc(&p, penc & 0x7f, 0);
            } else if (*s == 'L')
                p++;
        }
        p = data + n;
    }
    c->insns = p;
    return c->ra == CFI_RA ? 0 : -1;
}

/* ---- .eh_frame_hdr search ---- */

int cfi_find(const uint8_t *hdr, uint64_t pc, uint64_t *start, uint64_t *end, const uint8_t **fde)
{
    const uint8_t *p = hdr + 4;
    if (hdr[0] != 1 || hdr[3] != 0x3b)          /* datarel sdata4 table */
        return -1;
    read_enc(&p, hdr[1], (uint64_t)hdr);
    uint64_t n = read_enc(&p, hdr[2], (uint64_t)hdr);
    const int32_t *tab = (const int32_t *)p;
    uint64_t lo = 0, hi = n;
    while (lo < hi) {                           /* the last entry <= pc */
        uint64_t mid = lo + (hi - lo) / 2;
        if ((uint64_t)hdr + (uint64_t)(int64_t)tab[2 * mid] <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return -1;
    *fde = hdr + tab[2 * (lo - 1) + 1];
    struct cie c;
    if (parse_cie(cie_of(*fde), &c) < 0)
        return -1;
    const uint8_t *q = *fde + 8;
    *start = read_enc(&q, c.fde_enc, 0);
    *end = *start + read_enc(&q, c.fde_enc & 0x0f, 0);
    return pc < *end ? 0 : -1;
}

#define STATE_DEPTH 8

struct interp {
    const struct cie *cie;
    struct row row, init, saved[STATE_DEPTH];
    int nsaved;
    uint64_t loc, pc;
};

static void set_rule(struct row *r, uint64_t reg, uint8_t how, int64_t off, const uint8_t *expr)
{
    if (reg < CFI_NREGS)
        r->reg[reg] = (struct rule){ how, off, expr };
}

/* The extended opcodes (low 6 bits clear); returns -1 on an unknown one,
 * 1 when the row for the pc is complete. */
static int run_ext(struct interp *in, uint8_t op, const uint8_t **p)
{
    struct row *r = &in->row;
    int64_t da = in->cie->data_align;
    uint64_t reg, delta = 0;
    switch (op) {
    case 0x00: return 0;
    case 0x01: in->loc = read_enc(p, in->cie->fde_enc, 0); return in->loc > in->pc;
    case 0x02: delta = *(*p)++; break;
    case 0x03: delta = RD(uint16_t, *p); break;
    case 0x04: delta = RD(uint32_t, *p); break;
    case 0x05: reg = uleb(p); set_rule(r, reg, R_OFFSET, (int64_t)uleb(p) * da, NULL); return 0;
    case 0x06: reg = uleb(p); if (reg < CFI_NREGS) r->reg[reg] = in->init.reg[reg]; return 0;
    case 0x07: set_rule(r, uleb(p), R_UNDEF, 0, NULL); return 0;
    case 0x08: set_rule(r, uleb(p), R_SAME, 0, NULL); return 0;
    case 0x09: reg = uleb(p); set_rule(r, reg, R_REG, (int64_t)uleb(p), NULL); return 0;
    case 0x0a: if (in->nsaved == STATE_DEPTH) return -1; in->saved[in->nsaved++] = *r; return 0;
    case 0x0b: if (!in->nsaved) return -1; *r = in->saved[--in->nsaved]; return 0;
    case 0x0c: r->cfa_reg = (unsigned)uleb(p); r->cfa_off = (int64_t)uleb(p); r->cfa_expr = NULL; return 0;
    case 0x0d: r->cfa_reg = (unsigned)uleb(p); r->cfa_expr = NULL; return 0;
    case 0x0e: r->cfa_off = (int64_t)uleb(p); return 0;
    case 0x0f: r->cfa_expr = *p; block(p); return 0;
    case 0x10: case 0x16:
        reg = uleb(p);
        set_rule(r, reg, op == 0x10 ? R_EXPR : R_VALEXPR, 0, *p);
        block(p);
        return 0;
    case 0x11: reg = uleb(p); set_rule(r, reg, R_OFFSET, sleb(p) * da, NULL); return 0;
    case 0x12: r->cfa_reg = (unsigned)uleb(p); r->cfa_off = sleb(p) * da; r->cfa_expr = NULL; return 0;
    case 0x13: r->cfa_off = sleb(p) * da; return 0;
    case 0x14: reg = uleb(p); set_rule(r, reg, R_VALOFF, (int64_t)uleb(p) * da, NULL); return 0;
    case 0x15: reg = uleb(p); set_rule(r, reg, R_VALOFF, sleb(p) * da, NULL); return 0;
    case 0x2e: uleb(p); return 0;               /* GNU_args_size */
    case 0x2f: reg = uleb(p); set_rule(r, reg, R_OFFSET, -(int64_t)uleb(p) * da, NULL); return 0;
    default: return -1;
    }
    in->loc += delta * in->cie->code_align;
    return in->loc > in->pc;
}

/* Run the instructions [P, END) until the row for the pc is reached. */
static int run(struct interp *in, const uint8_t *p, const uint8_t *end)
{
    while (p < end) {
        uint8_t b = *p++, hi = b & 0xc0, lo = b & 0x3f;
        int rc = 0;
        if (hi == 0x40) {
            in->loc += lo * in->cie->code_align;
            rc = in->loc > in->pc;
        } else if (hi == 0x80)
            set_rule(&in->row, lo, R_OFFSET, (int64_t)uleb(&p) * in->cie->data_align, NULL);
        else if (hi == 0xc0)
            in->row.reg[lo < CFI_NREGS ? lo : 0] = in->init.reg[lo < CFI_NREGS ? lo : 0];
        else
            rc = run_ext(in, lo, &p);
        if (rc)
            return rc < 0 ? -1 : 0;
    }
    return 0;
}

/* ---- expressions ---- */

/* The two-operand DW_OP_* operators .eh_frame expressions use. */
static int binop(uint8_t op, uint64_t a, uint64_t b, uint64_t *out)
{
    switch (op) {
    case 0x1a: *out = a & b; return 0;                          /* and */
    case 0x1c: *out = a - b; return 0;                          /* minus */
    case 0x1e: *out = a * b; return 0;                          /* mul */
    case 0x21: *out = a | b; return 0;                          /* or */
    case 0x22: *out = a + b; return 0;                          /* plus */
    case 0x24: *out = a << (b & 63); return 0;                  /* shl */
    case 0x25: *out = a >> (b & 63); return 0;                  /* shr */
    case 0x27: *out = a ^ b; return 0;                          /* xor */
    case 0x29: *out = a == b; return 0;                         /* eq */
    case 0x2a: *out = (int64_t)a >= (int64_t)b; return 0;       /* ge */
    case 0x2b: *out = (int64_t)a > (int64_t)b; return 0;        /* gt */
    case 0x2c: *out = (int64_t)a <= (int64_t)b; return 0;       /* le */
    case 0x2d: *out = (int64_t)a < (int64_t)b; return 0;        /* lt */
    case 0x2e: *out = a != b; return 0;                         /* ne */
    default: return -1;
    }
}

static int eval(const uint8_t *e, const struct cfi_regs *r, uint64_t push, int has_push, uint64_t *out)
{
    uint64_t st[32];
    int n = 0;
    const uint8_t *p = e;
    const uint8_t *end = p + uleb(&p);
    if (has_push)
        st[n++] = push;
    while (p < end) {
        uint8_t op = *p++;
        uint64_t a;
        if (n >= 30)
            return -1;
        if (op >= 0x30 && op <= 0x4f) {                         /* lit0..lit31 */
            st[n++] = op - 0x30;
            continue;
        }
        if (op >= 0x70 && op <= 0x80) {                         /* breg0..breg16 */
            st[n++] = r->gpr[op - 0x70] + (uint64_t)sleb(&p);
            continue;
        }
        switch (op) {
        case 0x03: st[n++] = RD(uint64_t, p); break;
        case 0x06: if (n < 1) return -1; memcpy(&st[n - 1], (void *)st[n - 1], 8); break;
        case 0x08: st[n++] = *p++; break;
        case 0x09: st[n++] = (uint64_t)(int64_t)(int8_t)*p++; break;
        case 0x0a: st[n++] = RD(uint16_t, p); break;
        case 0x0b: st[n++] = (uint64_t)(int64_t)RD(int16_t, p); break;
        case 0x0c: st[n++] = RD(uint32_t, p); break;
        case 0x0d: st[n++] = (uint64_t)(int64_t)RD(int32_t, p); break;
        case 0x10: st[n++] = uleb(&p); break;
        case 0x11: st[n++] = (uint64_t)sleb(&p); break;
        case 0x12: if (n < 1) return -1; st[n] = st[n - 1]; n++; break;
        case 0x13: if (n < 1) return -1; n--; break;
        case 0x16: if (n < 2) return -1; a = st[n - 1]; st[n - 1] = st[n - 2]; st[n - 2] = a; break;
        case 0x23: if (n < 1) return -1; st[n - 1] += uleb(&p); break;
        case 0x92: a = uleb(&p); if (a > 16) return -1; st[n++] = r->gpr[a] + (uint64_t)sleb(&p); break;
        default:
            if (n < 2 || binop(op, st[n - 2], st[n - 1], &st[n - 2]) < 0)
                return -1;
            n--;
            break;
        }
    }
    if (!n)
        return -1;
    *out = st[n - 1];
    return 0;
}

/* ---- applying a row ---- */

static int reg_value(const struct rule *ru, const struct cfi_regs *old, uint64_t cfa, unsigned reg, void *dst,
                     size_t size)
{
    uint64_t addr = 0;
    switch (ru->how) {
    case R_SAME: case R_UNDEF: return 0;
    case R_OFFSET: addr = cfa + (uint64_t)ru->off; break;
    case R_VALOFF: addr = cfa + (uint64_t)ru->off; memcpy(dst, &addr, 8); return 0;
    case R_REG:
        if (ru->off > 16 || reg > 16) return -1;
        memcpy(dst, &old->gpr[ru->off], 8);
        return 0;
    case R_EXPR: if (eval(ru->expr, old, cfa, 1, &addr) < 0) return -1; break;
    case R_VALEXPR:
        if (eval(ru->expr, old, cfa, 1, &addr) < 0) return -1;
        memcpy(dst, &addr, 8);
        return 0;
    }
    memcpy(dst, (void *)addr, size);
    return 0;
}

int cfi_unwind(const uint8_t *fde, struct cfi_regs *r)
{
    struct cie c;
    if (parse_cie(cie_of(fde), &c) < 0)
        return -1;
    const uint8_t *p = fde + 8, *fend = fde + 4 + u32at(fde);
    struct interp in = { .cie = &c, .pc = r->gpr[CFI_RA] };
    in.loc = read_enc(&p, c.fde_enc, 0);
    read_enc(&p, c.fde_enc & 0x0f, 0);
    if (c.has_aug)
        block(&p);
    uint64_t fstart = in.loc;
    in.loc = 0;
    in.pc = 0;
    if (run(&in, c.insns, c.end) < 0)           /* the CIE's initial row */
        return -1;
    in.init = in.row;
    in.loc = fstart;
    in.pc = r->gpr[CFI_RA];
    if (run(&in, p, fend) < 0)
        return -1;
    const struct row *row = &in.row;
    uint64_t cfa;
    if (row->cfa_expr) {
        if (eval(row->cfa_expr, r, 0, 0, &cfa) < 0)
            return -1;
    } else if (row->cfa_reg < 17)
        cfa = r->gpr[row->cfa_reg] + (uint64_t)row->cfa_off;
    else
        return -1;
    if (row->reg[CFI_RA].how == R_UNDEF)
        return 1;
    struct cfi_regs old = *r;
    for (unsigned i = 0; i < 17; i++)
        if (reg_value(&row->reg[i], &old, cfa, i, &r->gpr[i], 8) < 0)
            return -1;
    for (unsigned i = 0; i < 16; i++)
        if (reg_value(&row->reg[17 + i], &old, cfa, 17 + i, r->xmm[i], 16) < 0)
            return -1;
    if (row->reg[7].how == R_SAME || row->reg[7].how == R_UNDEF)
        r->gpr[7] = cfa;                        /* the usual rule: rsp is the CFA */
    return 0;
}
