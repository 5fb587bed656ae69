/* divide.c — telling the two causes of an x86 divide error (#DE) apart
 * as the Windows NT kernel does: a zero divisor is
 * STATUS_INTEGER_DIVIDE_BY_ZERO, a quotient that does not fit (INT_MIN /
 * -1) STATUS_INTEGER_OVERFLOW. The faulting div/idiv is decoded with
 * capstone (handle prepared at start-up, so nothing is allocated in the
 * signal handler) and its divisor read from the registers or memory. */
#include <capstone/capstone.h>
#include <string.h>
#include <ucontext.h>

#include "../teb.h"
#include "../winerr.h"
#include "seh.h"

static csh cs;
static cs_insn *insn;
static int busy;                                /* one decoder, taken by CAS */

void seh_divide_init(void)
{
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK)
        return;
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    insn = cs_malloc(cs);
}

/* gregs index and bit shift of a capstone general register, or -1. */
static int greg_of(x86_reg r, int *shift)
{
    static const x86_reg names[4][16] = {
        { X86_REG_RAX, X86_REG_RCX, X86_REG_RDX, X86_REG_RBX, X86_REG_RSP, X86_REG_RBP, X86_REG_RSI,
          X86_REG_RDI, X86_REG_R8, X86_REG_R9, X86_REG_R10, X86_REG_R11, X86_REG_R12, X86_REG_R13,
          X86_REG_R14, X86_REG_R15 },
        { X86_REG_EAX, X86_REG_ECX, X86_REG_EDX, X86_REG_EBX, X86_REG_ESP, X86_REG_EBP, X86_REG_ESI,
          X86_REG_EDI, X86_REG_R8D, X86_REG_R9D, X86_REG_R10D, X86_REG_R11D, X86_REG_R12D, X86_REG_R13D,
          X86_REG_R14D, X86_REG_R15D },
        { X86_REG_AX, X86_REG_CX, X86_REG_DX, X86_REG_BX, X86_REG_SP, X86_REG_BP, X86_REG_SI, X86_REG_DI,
          X86_REG_R8W, X86_REG_R9W, X86_REG_R10W, X86_REG_R11W, X86_REG_R12W, X86_REG_R13W, X86_REG_R14W,
          X86_REG_R15W },
        { X86_REG_AL, X86_REG_CL, X86_REG_DL, X86_REG_BL, X86_REG_SPL, X86_REG_BPL, X86_REG_SIL,
          X86_REG_DIL, X86_REG_R8B, X86_REG_R9B, X86_REG_R10B, X86_REG_R11B, X86_REG_R12B, X86_REG_R13B,
          X86_REG_R14B, X86_REG_R15B },
    };
    static const int gregs[16] = { REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                   REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15 };
    static const x86_reg high[4] = { X86_REG_AH, X86_REG_CH, X86_REG_DH, X86_REG_BH };
    *shift = 0;
    for (int i = 0; i < 4; i++)
        if (high[i] == r) {
            *shift = 8;
            return gregs[i];
        }
    for (int w = 0; w < 4; w++)
        for (int i = 0; i < 16; i++)
            if (names[w][i] == r)
                return gregs[i];
    return -1;
}

static int reg_value(const ucontext_t *uc, x86_reg r, uint64_t *v)
{
    int shift, g = r == X86_REG_RIP ? REG_RIP : greg_of(r, &shift);
    if (g < 0)
        return -1;
    *v = (uint64_t)uc->uc_mcontext.gregs[g] >> (r == X86_REG_RIP ? 0 : shift);
    return 0;
}

/* The divisor of the div/idiv at the fault: 0 if it is zero, 1 if not,
 * -1 if it could not be decoded. */
static int divisor_nonzero(const ucontext_t *uc)
{
    const uint8_t *code = (const uint8_t *)uc->uc_mcontext.gregs[REG_RIP];
    size_t left = 16;
    uint64_t addr = (uint64_t)code, v = 0, base = 0, index = 0;
    if (!insn || !cs_disasm_iter(cs, &code, &left, &addr, insn) ||
        (insn->id != X86_INS_DIV && insn->id != X86_INS_IDIV) || insn->detail->x86.op_count < 1)
        return -1;
    const cs_x86_op *o = &insn->detail->x86.operands[0];
    if (o->type == X86_OP_REG) {
        if (reg_value(uc, o->reg, &v) < 0)
            return -1;
    } else if (o->type == X86_OP_MEM) {
        if (o->mem.base != X86_REG_INVALID && reg_value(uc, o->mem.base, &base) < 0)
            return -1;
        if (o->mem.base == X86_REG_RIP)
            base = insn->address + insn->size;
        if (o->mem.index != X86_REG_INVALID && reg_value(uc, o->mem.index, &index) < 0)
            return -1;
        if (o->mem.segment == X86_REG_GS)
            base += (uint64_t)w32_teb();
        memcpy(&v, (void *)(base + index * (uint64_t)o->mem.scale + (uint64_t)o->mem.disp), o->size);
    } else
        return -1;
    if (o->size < 8)
        v &= (1ull << (o->size * 8)) - 1;
    return v != 0;
}

DWORD seh_divide_error_code(const void *ucontext)
{
    const ucontext_t *uc = ucontext;
    int nz = -1;
    if (__atomic_exchange_n(&busy, 1, __ATOMIC_ACQUIRE) == 0) {
        nz = divisor_nonzero(uc);
        __atomic_store_n(&busy, 0, __ATOMIC_RELEASE);
    }
    return nz == 1 ? STATUS_INTEGER_OVERFLOW : STATUS_INTEGER_DIVIDE_BY_ZERO;
}
