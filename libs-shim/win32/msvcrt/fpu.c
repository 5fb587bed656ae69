/* fpu.c — the floating-point environment as the x64 CRTs expose it: the
 * Microsoft control word (_controlfp/_control87/_controlfp_s: exception
 * masks _EM_*, rounding _RC_*, denormal control _DN_*) and status word
 * (_statusfp/_clearfp: _SW_*) mapped onto the SSE MXCSR register, which
 * is what x64 code computes with; _fpreset; and C99 <fenv.h> with
 * Microsoft's values (FE_INVALID 0x10 …, FE_UPWARD 0x200 …, a fenv_t of
 * two 32-bit words). Precision control (_MCW_PC) does not exist on x64:
 * it reads as _PC_53 and may not be changed, as Microsoft documents. */
#include <string.h>

#include "crt.h"

#define EM_INEXACT 0x1u
#define EM_UNDERFLOW 0x2u
#define EM_OVERFLOW 0x4u
#define EM_ZERODIVIDE 0x8u
#define EM_INVALID 0x10u
#define EM_DENORMAL 0x80000u
#define MCW_EM 0x8001fu
#define MCW_RC 0x300u
#define MCW_DN 0x3000000u
#define MCW_PC 0x30000u
#define MCW_IC 0x40000u
#define PC_53 0x10000u
#define DN_FLUSH 0x1000000u
#define DN_FLUSH_OPERANDS 0x2000000u   /* _DN_FLUSH_OPERANDS_SAVE_RESULTS */
#define DN_FLUSH_RESULTS 0x3000000u    /* _DN_SAVE_OPERANDS_FLUSH_RESULTS */

/* Microsoft bit ↔ MXCSR mask bit (flags are the mask bits >> 7). */
static const struct { unsigned ms, mx; } bits[] = {
    { EM_INVALID, 0x80 }, { EM_DENORMAL, 0x100 }, { EM_ZERODIVIDE, 0x200 },
    { EM_OVERFLOW, 0x400 }, { EM_UNDERFLOW, 0x800 }, { EM_INEXACT, 0x1000 },
};
/* _RC_NEAR 0, _RC_DOWN 0x100, _RC_UP 0x200, _RC_CHOP 0x300 ↔ MXCSR RC */
static const unsigned rc_mx[4] = { 0x0000, 0x2000, 0x4000, 0x6000 };
#define MX_DAZ 0x40u
#define MX_FZ 0x8000u

static unsigned get_mxcsr(void)
{
    unsigned v;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static void set_mxcsr(unsigned v) { __asm__ volatile("ldmxcsr %0" : : "m"(v)); }

static unsigned cw_from_mx(unsigned mx)
{
    unsigned cw = PC_53;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (mx & bits[i].mx)
            cw |= bits[i].ms;
    cw |= ((mx >> 13) & 3) << 8;
    int daz = (mx & MX_DAZ) != 0, fz = (mx & MX_FZ) != 0;
    cw |= daz && fz ? DN_FLUSH : daz ? DN_FLUSH_OPERANDS : fz ? DN_FLUSH_RESULTS : 0;
    return cw;
}

static unsigned mx_from_cw(unsigned cw, unsigned mx)
{
    mx &= ~(0x1f80u | 0x6000u | MX_DAZ | MX_FZ);
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (cw & bits[i].ms)
            mx |= bits[i].mx;
    mx |= rc_mx[(cw >> 8) & 3];
    unsigned dn = cw & MCW_DN;
    mx |= dn == DN_FLUSH ? MX_DAZ | MX_FZ : dn == DN_FLUSH_OPERANDS ? MX_DAZ : dn == DN_FLUSH_RESULTS ? MX_FZ : 0;
    return mx;
}

static unsigned control(unsigned value, unsigned mask)
{
    mask &= MCW_EM | MCW_RC | MCW_DN;
    unsigned mx = get_mxcsr(), cw = cw_from_mx(mx);
    if (mask) {
        cw = (cw & ~mask) | (value & mask);
        set_mxcsr(mx_from_cw(cw, mx));
    }
    return cw_from_mx(get_mxcsr());
}

static unsigned WINAPI w32__controlfp(unsigned v, unsigned m) { return control(v, m); }
static unsigned WINAPI w32__control87(unsigned v, unsigned m) { return control(v, m); }
static void WINAPI w32__set_controlfp(unsigned v, unsigned m) { control(v, m); }

static int WINAPI w32__controlfp_s(unsigned *cur, unsigned v, unsigned m)
{
    if (m & ~(MCW_EM | MCW_RC | MCW_DN)) {
        if (cur)
            *cur = control(0, 0);
        return crt_invalid("_controlfp_s", MS_EINVAL);
    }
    unsigned r = control(v, m);
    if (cur)
        *cur = r;
    return 0;
}

/* Status: the MXCSR flags in Microsoft's _SW_* bits (same as _EM_*). */
static unsigned status(unsigned mx)
{
    unsigned sw = 0;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (mx & (bits[i].mx >> 7))
            sw |= bits[i].ms;
    return sw;
}

static unsigned WINAPI w32__statusfp(void) { return status(get_mxcsr()); }

static unsigned WINAPI w32__clearfp(void)
{
    unsigned mx = get_mxcsr();
    set_mxcsr(mx & ~0x3fu);
    return status(mx);
}

static void WINAPI w32__fpreset(void)
{
    static const unsigned short x87 = 0x27f;
    __asm__ volatile("fninit; fldcw %0" : : "m"(x87));
    set_mxcsr(0x1f80);
}

static void WINAPI w32__statusfp2(unsigned *x87, unsigned *sse)
{
    if (x87)
        *x87 = 0;
    if (sse)
        *sse = w32__statusfp();
}

static int WINAPI w32___fpe_flt_rounds(void)
{
    static const int c99[4] = { 1, 3, 2, 0 }; /* near, down, up, chop → FLT_ROUNDS */
    return c99[(control(0, 0) >> 8) & 3];
}

/* ---- <fenv.h> with Microsoft's values ---- */
#define FE_ALL_EXCEPT 0x1fu
typedef struct { uint32_t ctl, stat; } ms_fenv;

static int WINAPI w32_fegetround(void) { return (int)(control(0, 0) & MCW_RC); }

static int WINAPI w32_fesetround(int r)
{
    if (r & ~(int)MCW_RC)
        return 1;
    control((unsigned)r, MCW_RC);
    return 0;
}

static int WINAPI w32_fetestexcept(int e) { return (int)(w32__statusfp() & (unsigned)e & FE_ALL_EXCEPT); }

static unsigned mx_flags(unsigned e)
{
    unsigned f = 0;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (e & bits[i].ms)
            f |= bits[i].mx >> 7;
    return f;
}

static int WINAPI w32_feclearexcept(int e)
{
    set_mxcsr(get_mxcsr() & ~mx_flags((unsigned)e & FE_ALL_EXCEPT));
    return 0;
}

static int WINAPI w32_feraiseexcept(int e)
{
    set_mxcsr(get_mxcsr() | mx_flags((unsigned)e & FE_ALL_EXCEPT));
    return 0;
}

static int WINAPI w32_fegetenv(ms_fenv *env)
{
    env->ctl = control(0, 0);
    env->stat = w32__statusfp();
    return 0;
}

static int WINAPI w32_fesetenv(const ms_fenv *env)
{
    control(env->ctl, MCW_EM | MCW_RC | MCW_DN);
    unsigned mx = get_mxcsr() & ~0x3fu;
    set_mxcsr(mx | mx_flags(env->stat));
    return 0;
}

static int WINAPI w32_feholdexcept(ms_fenv *env)
{
    w32_fegetenv(env);
    w32__clearfp();
    control(MCW_EM, MCW_EM);
    return 0;
}

static int WINAPI w32_feupdateenv(const ms_fenv *env)
{
    unsigned raised = w32__statusfp();
    w32_fesetenv(env);
    w32_feraiseexcept((int)raised);
    return 0;
}

static int WINAPI w32_fegetexceptflag(uint32_t *f, int e) { *f = w32__statusfp() & (unsigned)e & FE_ALL_EXCEPT; return 0; }

static int WINAPI w32_fesetexceptflag(const uint32_t *f, int e)
{
    unsigned mask = (unsigned)e & FE_ALL_EXCEPT, mx = get_mxcsr() & ~mx_flags(mask);
    set_mxcsr(mx | mx_flags(*f & mask));
    return 0;
}

static int fma3 = 1;
static int WINAPI w32__set_FMA3_enable(int on) { int o = fma3; fma3 = on; return o; }
static int WINAPI w32__get_FMA3_enable(void) { return fma3; }
static int WINAPI w32__set_SSE2_enable(int on) { return on; }

#define FPU_EXPORTS \
    EXPORT(_controlfp, "uu:u"), EXPORT(_control87, "uu:u"), EXPORT(_set_controlfp, "uu:v"), EXPORT(_controlfp_s, "puu:i"), \
    EXPORT(_statusfp, ":u"), EXPORT(_clearfp, ":u"), EXPORT(_fpreset, ":v"), EXPORT(_statusfp2, "pp:v"), \
    EXPORT(__fpe_flt_rounds, ":i"), EXPORT(fegetround, ":i"), EXPORT(fesetround, "i:i"), \
    EXPORT(fetestexcept, "i:i"), EXPORT(feclearexcept, "i:i"), EXPORT(feraiseexcept, "i:i"), \
    EXPORT(fegetenv, "p:i"), EXPORT(fesetenv, "p:i"), EXPORT(feholdexcept, "p:i"), \
    EXPORT(feupdateenv, "p:i"), EXPORT(fegetexceptflag, "pi:i"), EXPORT(fesetexceptflag, "pi:i"), \
    EXPORT(_set_FMA3_enable, "i:i"), EXPORT(_get_FMA3_enable, ":i"), EXPORT(_set_SSE2_enable, "i:i")

W32_EXPORTS(msvcrt) = { FPU_EXPORTS };
W32_EXPORTS(ucrtbase) = { FPU_EXPORTS };
