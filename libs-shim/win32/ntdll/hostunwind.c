/* hostunwind.c — walking through host frames: xeno's own C code (the
 * builtin DLLs, the dispatcher itself) and host libraries such as glibc,
 * which have no .pdata. Windows unwinds through its DLLs' frames (a C++
 * exception thrown by a qsort comparator crosses msvcrt's qsort); xeno
 * does the same with the DWARF call frame information every host object
 * carries (dwarf_cfi.c). RtlLookupFunctionEntry answers for host code with
 * a stand-in RUNTIME_FUNCTION (no handler, kept in a small per-thread
 * ring) that RtlVirtualUnwind recognises. The marker frames of
 * abi/w32_context.S (a redirected fault, RaiseException, RtlUnwindEx)
 * continue with the CONTEXT they saved, as Windows continues through
 * KiUserExceptionDispatcher. Host code without call frame information
 * goes to asmunwind.c. */
#include <link.h>
#include <string.h>

#include "dwarf_cfi.h"
#include "seh.h"

#define RING 16

static __thread RUNTIME_FUNCTION ring[RING];
static __thread unsigned ring_next;

static int is_marker(DWORD64 pc)
{
    static const char *const markers[] = { w32_fault_frame, w32_raise_frame, w32_raise_record_frame,
                                            w32_unwind_frame, w32_unwind_simple_frame };
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if (pc == (DWORD64)markers[i])
            return 1;
    return 0;
}

int seh_host_known(DWORD64 pc)
{
    struct dl_find_object o;
    return _dl_find_object((void *)pc, &o) == 0;
}

/* The FDE for PC (or for PC-1: a call that ends its function); *OBJ is
 * the base of the host object holding PC, 0 if none does. */
static const uint8_t *find_fde(DWORD64 pc, DWORD64 *obj, uint64_t *start, uint64_t *end)
{
    struct dl_find_object o;
    const uint8_t *fde;
    *obj = 0;
    if (_dl_find_object((void *)pc, &o) != 0)
        return NULL;
    *obj = (DWORD64)o.dlfo_map_start;
    if (!o.dlfo_eh_frame)
        return NULL;
    if (cfi_find(o.dlfo_eh_frame, pc, start, end, &fde) == 0 ||
        cfi_find(o.dlfo_eh_frame, pc - 1, start, end, &fde) == 0)
        return fde;
    return NULL;
}

RUNTIME_FUNCTION *seh_host_lookup(DWORD64 pc, DWORD64 *base)
{
    uint64_t start = pc, end = pc + 1;
    *base = pc & ~0xfffull;
    if (!is_marker(pc) && !find_fde(pc, base, &start, &end) && !*base)
        return NULL;                            /* not host code at all */
    RUNTIME_FUNCTION *rf = &ring[ring_next++ % RING];
    rf->BeginAddress = (DWORD)(start - *base);
    rf->EndAddress = (DWORD)(end - *base);
    rf->UnwindData = 0;
    return rf;
}

int seh_host_entry(const RUNTIME_FUNCTION *fe)
{
    return fe >= ring && fe < ring + RING;
}

/* DWARF register number -> x64 encoding (the CONTEXT's order). */
static const BYTE dwarf_to_ctx[16] = { 0, 2, 1, 3, 6, 7, 5, 4, 8, 9, 10, 11, 12, 13, 14, 15 };

int seh_host_unwind(CONTEXT *ctx)
{
    if (is_marker(ctx->Rip)) {
        memcpy(ctx, (void *)(ctx->Rsp + SEH_MARKER_CTX), sizeof *ctx);
        return 0;
    }
    DWORD64 obj;
    uint64_t start, end;
    const uint8_t *fde = find_fde(ctx->Rip, &obj, &start, &end);
    if (!fde)
        return obj ? seh_asm_unwind(ctx) : -1;
    struct cfi_regs r;
    for (unsigned i = 0; i < 16; i++)
        r.gpr[i] = *ctx_reg(ctx, dwarf_to_ctx[i]);
    r.gpr[CFI_RA] = ctx->Rip;
    memcpy(r.xmm, ctx->FltSave.XmmRegisters, sizeof r.xmm);
    if (cfi_unwind(fde, &r) != 0)
        return -1;
    for (unsigned i = 0; i < 16; i++)
        *ctx_reg(ctx, dwarf_to_ctx[i]) = r.gpr[i];
    ctx->Rip = r.gpr[CFI_RA];
    memcpy(ctx->FltSave.XmmRegisters, r.xmm, sizeof r.xmm);
    return 0;
}
