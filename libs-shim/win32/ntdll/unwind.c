/* unwind.c — RtlVirtualUnwind: undo one function's prolog on a CONTEXT
 * from its UNWIND_INFO, as Microsoft's x64 exception-handling
 * documentation describes: the establisher frame, every UNWIND_CODE
 * operation (PUSH_NONVOL, ALLOC_LARGE/SMALL, SET_FPREG, SAVE_NONVOL(_FAR),
 * SAVE_XMM128(_FAR), PUSH_MACHFRAME), chained unwind info, a partly
 * executed prolog, and an epilog recognised from its instructions (add
 * rsp / lea rsp, pops, then ret or a jump out of the function), which is
 * simulated instead. Frames of host code (hostunwind.c) are unwound with
 * their DWARF call frame information. Also seh_step, one step of a stack
 * walk, shared by the dispatcher and RtlUnwindEx. */
#include <string.h>

#include "../teb.h"
#include "seh.h"

typedef struct {
    BYTE VersionFlags;          /* Version:3, Flags:5 */
    BYTE SizeOfProlog;
    BYTE CountOfCodes;
    BYTE FrameRegOffset;        /* FrameRegister:4, FrameOffset:4 */
    struct { BYTE CodeOffset, OpInfo; } Code[]; /* OpInfo: UnwindOp:4, OpInfo:4 */
} UNWIND_INFO;

#define UI_VERSION(u) ((u)->VersionFlags & 7)
#define UI_FLAGS(u) ((u)->VersionFlags >> 3)
#define UI_FREG(u) ((u)->FrameRegOffset & 15)
#define UI_FOFF(u) ((u)->FrameRegOffset >> 4)
#define OP(u, i) ((u)->Code[i].OpInfo & 15)
#define INFO(u, i) ((u)->Code[i].OpInfo >> 4)
#define SLOT16(u, i) ((DWORD)(u)->Code[i].CodeOffset | (DWORD)(u)->Code[i].OpInfo << 8)

/* How many 16-bit slots each operation takes (by op and, for
 * ALLOC_LARGE, OpInfo). */
static unsigned op_slots(const UNWIND_INFO *u, unsigned i)
{
    static const BYTE slots[16] = { 1, 2, 1, 1, 2, 3, 2, 3, 2, 3, 1, 1, 1, 1, 1, 1 };
    unsigned op = OP(u, i);
    if (op == UWOP_ALLOC_LARGE)
        return INFO(u, i) ? 3 : 2;
    if (op == UWOP_EPILOG && UI_VERSION(u) == 2)
        return 1;
    return slots[op];
}

static DWORD64 rd64(DWORD64 a) { DWORD64 v; memcpy(&v, (void *)a, 8); return v; }
static DWORD slot32(const UNWIND_INFO *u, unsigned i) { return SLOT16(u, i) | SLOT16(u, i + 1) << 16; }

static void set_reg(CONTEXT *c, unsigned r, DWORD64 addr)
{
    *ctx_reg(c, r) = rd64(addr);
}

static void set_xmm(CONTEXT *c, unsigned r, DWORD64 addr)
{
    memcpy(&c->FltSave.XmmRegisters[r], (void *)addr, 16);
}

/* Apply one operation; FRAME is the establisher frame (base of the
 * fixed allocation) that SAVE_* offsets are relative to. Returns 1 if a
 * machine frame set RIP and RSP. */
static int apply_op(const UNWIND_INFO *u, unsigned i, CONTEXT *c, DWORD64 frame)
{
    unsigned info = INFO(u, i);
    switch (OP(u, i)) {
    case UWOP_PUSH_NONVOL: set_reg(c, info, c->Rsp); c->Rsp += 8; break;
    case UWOP_ALLOC_LARGE: c->Rsp += info ? slot32(u, i + 1) : SLOT16(u, i + 1) * 8; break;
    case UWOP_ALLOC_SMALL: c->Rsp += info * 8 + 8; break;
    case UWOP_SET_FPREG: c->Rsp = *ctx_reg(c, UI_FREG(u)) - UI_FOFF(u) * 16; break;
    case UWOP_SAVE_NONVOL: set_reg(c, info, frame + SLOT16(u, i + 1) * 8); break;
    case UWOP_SAVE_NONVOL_FAR: set_reg(c, info, frame + slot32(u, i + 1)); break;
    case UWOP_SAVE_XMM128: set_xmm(c, info, frame + SLOT16(u, i + 1) * 16); break;
    case UWOP_SAVE_XMM128_FAR: set_xmm(c, info, frame + slot32(u, i + 1)); break;
    case UWOP_PUSH_MACHFRAME: {
        DWORD64 sp = c->Rsp + (info ? 8 : 0);   /* an error code first */
        c->Rip = rd64(sp);
        c->EFlags = (DWORD)rd64(sp + 16);
        c->Rsp = rd64(sp + 24);
        return 1;
    }
    default: break;                             /* epilog descriptions, old SAVE_XMM */
    }
    return 0;
}

/* Undo the operations of U that have run at prolog offset OFF. */
static int apply_codes(const UNWIND_INFO *u, DWORD off, CONTEXT *c, DWORD64 frame)
{
    int machframe = 0;
    for (unsigned i = 0; i < u->CountOfCodes; i += op_slots(u, i))
        if (u->Code[i].CodeOffset <= off && !(OP(u, i) == UWOP_EPILOG && UI_VERSION(u) == 2))
            machframe |= apply_op(u, i, c, frame);
    return machframe;
}

static DWORD64 establisher(const UNWIND_INFO *u, DWORD off, const CONTEXT *c)
{
    if (!UI_FREG(u))
        return c->Rsp;
    int fp_set = off >= u->SizeOfProlog || (UI_FLAGS(u) & UNW_FLAG_CHAININFO);
    for (unsigned i = 0; !fp_set && i < u->CountOfCodes; i += op_slots(u, i))
        fp_set = OP(u, i) == UWOP_SET_FPREG && u->Code[i].CodeOffset <= off;
    return fp_set ? *ctx_reg((CONTEXT *)c, UI_FREG(u)) - UI_FOFF(u) * 16 : c->Rsp;
}

/* ---- epilogs ---- */

struct epilog_scan {
    const BYTE *p;
    DWORD64 fbegin, fend;       /* the function's code, for jmp targets */
    unsigned freg;              /* frame register, 0 if none */
};

/* add rsp, imm8/imm32 or lea rsp, [freg + disp8/disp32]: its length and
 * the new RSP, or 0. */
static unsigned epilog_first(const struct epilog_scan *s, const CONTEXT *c, DWORD64 *rsp)
{
    const BYTE *p = s->p;
    if ((p[0] & 0xf8) != 0x48)
        return 0;
    if (p[0] == 0x48 && p[1] == 0x83 && p[2] == 0xc4) {
        *rsp = c->Rsp + (int8_t)p[3];
        return 4;
    }
    if (p[0] == 0x48 && p[1] == 0x81 && p[2] == 0xc4) {
        int32_t d;
        memcpy(&d, p + 3, 4);
        *rsp = c->Rsp + d;
        return 7;
    }
    unsigned mod = p[2] >> 6, rm = (p[2] & 7) | (p[0] & 1) << 3;
    if (p[1] != 0x8d || (p[2] & 0x38) != 0x20 || (p[0] & 0x04) || !s->freg || rm != s->freg ||
        (rm & 7) == 4 || (mod != 1 && mod != 2))
        return 0;
    int32_t d = (int8_t)p[3];
    if (mod == 2)
        memcpy(&d, p + 3, 4);
    *rsp = *ctx_reg((CONTEXT *)c, rm) + d;
    return mod == 1 ? 4 : 7;
}

/* Is P a ret, or a jump that leaves the function (a tail call)? */
static int epilog_exit(const struct epilog_scan *s, const BYTE *p, DWORD64 pc)
{
    if (p[0] == 0xc3 || p[0] == 0xc2 || (p[0] == 0xf3 && p[1] == 0xc3))
        return 1;
    DWORD64 at = pc + (DWORD64)(p - s->p), to;
    if (p[0] == 0xeb)
        to = at + 2 + (int8_t)p[1];
    else if (p[0] == 0xe9) {
        int32_t d;
        memcpy(&d, p + 1, 4);
        to = at + 5 + d;
    } else
        return (p[0] == 0xff && p[1] == 0x25) || (p[0] == 0x48 && p[1] == 0xff && p[2] == 0x25);
    return to < s->fbegin || to >= s->fend;
}

/* If PC is in an epilog, simulate the rest of it on C and return 1. */
static int unwind_epilog(const struct epilog_scan *s, DWORD64 pc, CONTEXT *c)
{
    DWORD64 rsp = c->Rsp;
    const BYTE *p = s->p + epilog_first(s, c, &rsp);
    int npop = 0;
    unsigned pops[16];
    for (; npop < 16; npop++, p++) {
        if (p[0] == 0x41 && (p[1] & 0xf8) == 0x58)
            pops[npop] = 8 + (*++p & 7);
        else if ((p[0] & 0xf8) == 0x58)
            pops[npop] = p[0] & 7;
        else
            break;
    }
    if (!epilog_exit(s, p, pc))
        return 0;
    for (int i = 0; i < npop; i++, rsp += 8)
        *ctx_reg(c, pops[i]) = rd64(rsp);
    c->Rip = rd64(rsp);
    c->Rsp = rsp + 8;
    return 1;
}

static const UNWIND_INFO *info_at(DWORD64 base, const RUNTIME_FUNCTION *fe)
{
    return (const UNWIND_INFO *)(base + fe->UnwindData);
}

static const RUNTIME_FUNCTION *chained(const UNWIND_INFO *u)
{
    return (const RUNTIME_FUNCTION *)&u->Code[(u->CountOfCodes + 1) & ~1];
}

EXCEPTION_ROUTINE WINAPI w32_RtlVirtualUnwind(DWORD type, DWORD64 base, DWORD64 pc, RUNTIME_FUNCTION *fe,
                                              CONTEXT *ctx, PVOID *data, DWORD64 *frame, void *ptrs)
{
    (void)ptrs;
    *data = NULL;
    if (seh_host_entry(fe)) {
        *frame = ctx->Rsp;
        if (seh_host_unwind(ctx) < 0)
            ctx->Rip = 0;
        return NULL;
    }
    const UNWIND_INFO *u = info_at(base, fe);
    DWORD off = (DWORD)(pc - (base + fe->BeginAddress));
    *frame = establisher(u, off, ctx);
    if (off >= u->SizeOfProlog) {
        const UNWIND_INFO *m = u;
        const RUNTIME_FUNCTION *mf = fe;
        while (UI_FLAGS(m) & UNW_FLAG_CHAININFO) { /* the whole function, for jmp targets */
            mf = chained(m);
            m = info_at(base, mf);
        }
        struct epilog_scan s = { (const BYTE *)pc, base + mf->BeginAddress, base + mf->EndAddress, UI_FREG(u) };
        DWORD64 b = base + fe->BeginAddress, e = base + fe->EndAddress;
        if (mf != fe && (pc < b || pc >= e))
            s.fbegin = b, s.fend = e;
        if (unwind_epilog(&s, pc, ctx))
            return NULL;
    }
    int in_prolog = off < u->SizeOfProlog;
    int machframe = apply_codes(u, off, ctx, *frame);
    while (UI_FLAGS(u) & UNW_FLAG_CHAININFO) {
        u = info_at(base, chained(u));
        machframe |= apply_codes(u, ~0u, ctx, *frame);
    }
    if (!machframe) {
        ctx->Rip = rd64(ctx->Rsp);
        ctx->Rsp += 8;
    }
    if (in_prolog || !(UI_FLAGS(u) & type & (UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER)))
        return NULL;
    const DWORD *h = (const DWORD *)&u->Code[(u->CountOfCodes + 1) & ~1];
    *data = (PVOID)(h + 1);
    return (EXCEPTION_ROUTINE)(base + *h);
}

/* One step of a stack walk (see seh.h). The walk ends at a zero pc (a
 * frame that could not be unwound) and at the top of the thread's stack
 * (beyond it: the host frames that started the thread). */
int seh_step(DWORD type, CONTEXT *ctx, DISPATCHER_CONTEXT *dc, UNWIND_HISTORY_TABLE *hist)
{
    DWORD64 pc = ctx->Rip, base = 0, top = (DWORD64)w32_teb()->StackBase;
    if (!pc || (top && ctx->Rsp >= top))
        return 0;
    RUNTIME_FUNCTION *fe = w32_RtlLookupFunctionEntry(pc, &base, hist);
    dc->ControlPc = pc;
    dc->ImageBase = base;
    dc->FunctionEntry = fe;
    dc->LanguageHandler = NULL;
    dc->HandlerData = NULL;
    dc->EstablisherFrame = ctx->Rsp;
    if (fe)
        dc->LanguageHandler = w32_RtlVirtualUnwind(type, base, pc, fe, ctx, &dc->HandlerData,
                                                   &dc->EstablisherFrame, NULL);
    else {                                      /* a leaf function */
        ctx->Rip = rd64(ctx->Rsp);
        ctx->Rsp += 8;
    }
    return 1;
}

W32_EXPORTS(ntdll) = {
    EXPORT(RtlVirtualUnwind, "uqqpppp:p"),
};
W32_EXPORTS(kernel32) = {
    EXPORT(RtlVirtualUnwind, "uqqpppp:p"),
};
