/* asmunwind.c — unwinding host code that has no call frame information:
 * hand-written assembly such as libffi's ffi_call_win64 and
 * ffi_closure_win64, which relay tracing (`xeno trace`) puts between
 * Windows code and the builtin DLLs. First the code after the pc is
 * followed to its return, applying what moves the stack (add/sub rsp,
 * push, pop, leave, mov rsp,rbp, lea rsp, direct jmp) — as Windows
 * simulates an epilog; when a branch or call gets in the way, the frame
 * pointer chain is used if RBP points at a plausible frame. */
#include <capstone/capstone.h>
#include <string.h>

#include "../teb.h"
#include "seh.h"

#define MAX_INSNS 64

static DWORD64 rd64(DWORD64 a)
{
    DWORD64 v;
    memcpy(&v, (void *)a, 8);
    return v;
}

/* x64 register number (the CONTEXT's order) of a capstone register. */
static int reg_num(x86_reg r)
{
    static const x86_reg regs[16] = { X86_REG_RAX, X86_REG_RCX, X86_REG_RDX, X86_REG_RBX,
                                      X86_REG_RSP, X86_REG_RBP, X86_REG_RSI, X86_REG_RDI,
                                      X86_REG_R8,  X86_REG_R9,  X86_REG_R10, X86_REG_R11,
                                      X86_REG_R12, X86_REG_R13, X86_REG_R14, X86_REG_R15 };
    for (int i = 0; i < 16; i++)
        if (regs[i] == r)
            return i;
    return -1;
}

/* Apply one instruction to C: 1 when it returned, 0 to go on (with
 * *NEXT the next address), -1 when the path cannot be followed. */
static int step_insn(const cs_insn *in, CONTEXT *c, DWORD64 *next)
{
    const cs_x86 *x = &in->detail->x86;
    const cs_x86_op *o = x->operands;
    int dst = x->op_count && o[0].type == X86_OP_REG ? reg_num(o[0].reg) : -1;
    *next = in->address + in->size;
    switch (in->id) {
    case X86_INS_RET:
        c->Rip = rd64(c->Rsp);
        c->Rsp += 8 + (x->op_count ? (DWORD64)o[0].imm : 0);
        return 1;
    case X86_INS_POP:
        if (dst < 0) return -1;
        *ctx_reg(c, (unsigned)dst) = rd64(c->Rsp);
        if (dst != 4) c->Rsp += 8;
        return 0;
    case X86_INS_PUSH: c->Rsp -= 8; return 0;
    case X86_INS_LEAVE: c->Rsp = c->Rbp; c->Rbp = rd64(c->Rsp); c->Rsp += 8; return 0;
    case X86_INS_ADD: case X86_INS_SUB:
        if (dst != 4) break;
        if (o[1].type != X86_OP_IMM) return -1;
        c->Rsp += in->id == X86_INS_ADD ? (DWORD64)o[1].imm : -(DWORD64)o[1].imm;
        return 0;
    case X86_INS_MOV:
        if (dst != 4 && dst != 5) break;
        if (o[1].type != X86_OP_REG || reg_num(o[1].reg) < 0) return -1;
        *ctx_reg(c, (unsigned)dst) = *ctx_reg(c, (unsigned)reg_num(o[1].reg));
        return 0;
    case X86_INS_LEA:
        if (dst != 4) break;
        if (o[1].mem.index != X86_REG_INVALID || reg_num(o[1].mem.base) < 0) return -1;
        c->Rsp = *ctx_reg(c, (unsigned)reg_num(o[1].mem.base)) + (DWORD64)o[1].mem.disp;
        return 0;
    case X86_INS_JMP:
        if (o[0].type != X86_OP_IMM) return -1;
        *next = (DWORD64)o[0].imm;
        return 0;
    case X86_INS_CALL: return -1;
    default: break;
    }
    /* anything else must leave rsp and rbp alone */
    return dst == 4 || dst == 5 ? -1 : 0;
}

static int follow_to_return(CONTEXT *c)
{
    csh h;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
        return -1;
    cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
    cs_insn *in = cs_malloc(h);
    CONTEXT t = *c;
    DWORD64 pc = c->Rip;
    int rc = -1;
    for (int n = 0; n < MAX_INSNS && in; n++) {
        const uint8_t *code = (const uint8_t *)pc;
        size_t left = 16;
        uint64_t addr = pc;
        if (!cs_disasm_iter(h, &code, &left, &addr, in))
            break;
        if (cs_insn_group(h, in, CS_GRP_JUMP) && in->id != X86_INS_JMP)
            break;                              /* a conditional branch */
        rc = step_insn(in, &t, &pc);
        if (rc)
            break;
    }
    if (in)
        cs_free(in, 1);
    cs_close(&h);
    if (rc == 1)
        *c = t;
    return rc == 1 ? 0 : -1;
}

static int follow_frame_pointer(CONTEXT *c)
{
    TEB *teb = w32_teb();
    DWORD64 bp = c->Rbp, hi = (DWORD64)teb->StackBase;
    if (bp < c->Rsp || (hi && bp + 16 > hi) || (bp & 7))
        return -1;
    DWORD64 ret = rd64(bp + 8);
    if (!seh_pc_in_image(ret) && !seh_host_known(ret))
        return -1;
    c->Rip = ret;
    c->Rbp = rd64(bp);
    c->Rsp = bp + 16;
    return 0;
}

int seh_asm_unwind(CONTEXT *ctx)
{
    if (follow_to_return(ctx) == 0)
        return 0;
    return follow_frame_pointer(ctx);
}
