/* math.c — <math.h> of the Windows CRTs on the host's libm, through
 * ms_abi wrappers generated from tables: the double, float (…f) and long
 * double (…l; long double is double on Windows) forms, Microsoft's own
 * names (_hypot, _copysign, _chgsign, _finite, _isnan, _fpclass,
 * _nextafter, _logb, _scalb, _j0…_yn, _cabs, the _dclass/_dsign/_dtest
 * family), and errno: a domain or range error sets EDOM/ERANGE as the
 * CRT does. `long` results (lrint, lround) are 32 bits. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "crt.h"

/* Run EXPR with the host's errno cleared; carry EDOM/ERANGE over. */
#define CALL(T, expr)                                                       \
    int saved_ = errno;                                                     \
    errno = 0;                                                              \
    T r_ = (expr);                                                          \
    if (errno == EDOM || errno == ERANGE)                                   \
        crt_errno = errno == EDOM ? MS_EDOM : MS_ERANGE;                    \
    errno = saved_;                                                         \
    return r_

/* double f(double) with float and long double twins */
#define UNARY(X) \
    X(acos) X(asin) X(atan) X(ceil) X(cos) X(cosh) X(exp) X(fabs) X(floor) X(log) X(log10) \
    X(sin) X(sinh) X(sqrt) X(tan) X(tanh) X(acosh) X(asinh) X(atanh) X(cbrt) X(erf) X(erfc) \
    X(exp2) X(expm1) X(lgamma) X(log1p) X(log2) X(logb) X(nearbyint) X(rint) X(round) \
    X(tgamma) X(trunc)
/* double f(double, double) */
#define BINARY(X) \
    X(atan2) X(fmod) X(pow) X(hypot) X(copysign) X(fdim) X(fmax) X(fmin) X(nextafter) \
    X(remainder)

#define DEF1(n) \
    static double WINAPI w32_##n(double x) { CALL(double, n(x)); } \
    static float WINAPI w32_##n##f(float x) { CALL(float, n##f(x)); }
#define DEF2(n) \
    static double WINAPI w32_##n(double x, double y) { CALL(double, n(x, y)); } \
    static float WINAPI w32_##n##f(float x, float y) { CALL(float, n##f(x, y)); }
UNARY(DEF1)
BINARY(DEF2)

static double WINAPI w32_nexttoward(double x, double y) { return nextafter(x, y); }
static float WINAPI w32_nexttowardf(float x, double y) { return nextafterf(x, (float)y); }
static double WINAPI w32_frexp(double x, int *e) { return frexp(x, e); }
static float WINAPI w32_frexpf(float x, int *e) { return frexpf(x, e); }
static double WINAPI w32_ldexp(double x, int e) { CALL(double, ldexp(x, e)); }
static float WINAPI w32_ldexpf(float x, int e) { CALL(float, ldexpf(x, e)); }
static double WINAPI w32_modf(double x, double *ip) { return modf(x, ip); }
static float WINAPI w32_modff(float x, float *ip) { return modff(x, ip); }
static double WINAPI w32_scalbn(double x, int e) { CALL(double, scalbn(x, e)); }
static float WINAPI w32_scalbnf(float x, int e) { CALL(float, scalbnf(x, e)); }
static double WINAPI w32_scalbln(double x, int32_t e) { CALL(double, scalbn(x, e)); }
static float WINAPI w32_scalblnf(float x, int32_t e) { CALL(float, scalbnf(x, e)); }
static int WINAPI w32_ilogb(double x) { CALL(int, ilogb(x)); }
static int WINAPI w32_ilogbf(float x) { CALL(int, ilogbf(x)); }
static double WINAPI w32_fma(double x, double y, double z) { return fma(x, y, z); }
static float WINAPI w32_fmaf(float x, float y, float z) { return fmaf(x, y, z); }
static double WINAPI w32_remquo(double x, double y, int *q) { CALL(double, remquo(x, y, q)); }
static float WINAPI w32_remquof(float x, float y, int *q) { CALL(float, remquof(x, y, q)); }
static double WINAPI w32_nan(const char *s) { return nan(s ? s : ""); }
static float WINAPI w32_nanf(const char *s) { return nanf(s ? s : ""); }

/* long is 32 bits: out of range gives 0x80000000, as cvtsd2si does. */
static int32_t to_long(double v)
{
    return isfinite(v) && v >= -2147483648.0 && v < 2147483648.0 ? (int32_t)v : INT32_MIN;
}

static int32_t WINAPI w32_lrint(double x) { return to_long(rint(x)); }
static int32_t WINAPI w32_lrintf(float x) { return to_long(rintf(x)); }
static int32_t WINAPI w32_lround(double x) { return to_long(round(x)); }
static int32_t WINAPI w32_lroundf(float x) { return to_long(roundf(x)); }
static int64_t WINAPI w32_llrint(double x) { return llrint(x); }
static int64_t WINAPI w32_llrintf(float x) { return llrintf(x); }
static int64_t WINAPI w32_llround(double x) { return llround(x); }
static int64_t WINAPI w32_llroundf(float x) { return llroundf(x); }

/* ---- Microsoft's names ---- */
enum { FPC_SNAN = 1, FPC_QNAN = 2, FPC_NINF = 4, FPC_NN = 8, FPC_ND = 0x10, FPC_NZ = 0x20,
       FPC_PZ = 0x40, FPC_PD = 0x80, FPC_PN = 0x100, FPC_PINF = 0x200 };

static int fpclass(double x, int quiet)
{
    int neg = signbit(x) != 0;
    switch (fpclassify(x)) {
    case FP_NAN: return quiet ? FPC_QNAN : FPC_SNAN;
    case FP_INFINITE: return neg ? FPC_NINF : FPC_PINF;
    case FP_ZERO: return neg ? FPC_NZ : FPC_PZ;
    case FP_SUBNORMAL: return neg ? FPC_ND : FPC_PD;
    default: return neg ? FPC_NN : FPC_PN;
    }
}

static int WINAPI w32__fpclass(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    return fpclass(x, (int)(b >> 51 & 1));
}

static int WINAPI w32__fpclassf(float x)
{
    uint32_t b;
    memcpy(&b, &x, 4);
    return fpclass(x, (int)(b >> 22 & 1));
}

/* _dclass: FP_INFINITE 1, FP_NAN 2, FP_NORMAL -1, FP_SUBNORMAL -2, FP_ZERO 0 */
static short ms_class(int c)
{
    return c == FP_INFINITE ? 1 : c == FP_NAN ? 2 : c == FP_NORMAL ? -1 : c == FP_SUBNORMAL ? -2 : 0;
}

static short WINAPI w32__dclass(double x) { return ms_class(fpclassify(x)); }
static short WINAPI w32__fdclass(float x) { return ms_class(fpclassify(x)); }
static int WINAPI w32__dsign(double x) { return signbit(x) ? 0x8000 : 0; }
static int WINAPI w32__fdsign(float x) { return signbit(x) ? 0x8000 : 0; }
static short WINAPI w32__dtest(double *x) { return ms_class(fpclassify(*x)); }
static short WINAPI w32__fdtest(float *x) { return ms_class(fpclassify(*x)); }
static int WINAPI w32__finite(double x) { return isfinite(x); }
static int WINAPI w32__finitef(float x) { return isfinite(x); }
static int WINAPI w32__isnan(double x) { return isnan(x); }
static int WINAPI w32__isnanf(float x) { return isnan(x); }
static double WINAPI w32__chgsign(double x) { return -x; }
static float WINAPI w32__chgsignf(float x) { return -x; }
static double WINAPI w32__scalb(double x, int32_t e) { CALL(double, scalbn(x, e)); }
static float WINAPI w32__scalbf(float x, int32_t e) { CALL(float, scalbnf(x, e)); }
static double WINAPI w32__j0(double x) { CALL(double, j0(x)); }
static double WINAPI w32__j1(double x) { CALL(double, j1(x)); }
static double WINAPI w32__jn(int n, double x) { CALL(double, jn(n, x)); }
static double WINAPI w32__y0(double x) { CALL(double, y0(x)); }
static double WINAPI w32__y1(double x) { CALL(double, y1(x)); }
static double WINAPI w32__yn(int n, double x) { CALL(double, yn(n, x)); }

struct ms_complex { double x, y; };
static double WINAPI w32__cabs(struct ms_complex z) { CALL(double, hypot(z.x, z.y)); }

#define EXP1(n) EXPORT(n, "f:f"), EXPORT(n##f, "f:f"), EXPORT_AS(#n "l", w32_##n, "f:f"),
#define EXP2(n) EXPORT(n, "ff:f"), EXPORT(n##f, "ff:f"), EXPORT_AS(#n "l", w32_##n, "ff:f"),
#define MATH_EXPORTS \
    UNARY(EXP1) BINARY(EXP2) \
    EXPORT(nexttoward, "ff:f"), EXPORT(nexttowardf, "ff:f"), EXPORT_AS("nexttowardl", w32_nexttoward, "ff:f"), \
    EXPORT(frexp, "fp:f"), EXPORT(frexpf, "fp:f"), EXPORT_AS("frexpl", w32_frexp, "fp:f"), \
    EXPORT(ldexp, "fi:f"), EXPORT(ldexpf, "fi:f"), EXPORT_AS("ldexpl", w32_ldexp, "fi:f"), \
    EXPORT(modf, "fp:f"), EXPORT(modff, "fp:f"), EXPORT_AS("modfl", w32_modf, "fp:f"), \
    EXPORT(scalbn, "fi:f"), EXPORT(scalbnf, "fi:f"), EXPORT_AS("scalbnl", w32_scalbn, "fi:f"), \
    EXPORT(scalbln, "fi:f"), EXPORT(scalblnf, "fi:f"), EXPORT_AS("scalblnl", w32_scalbln, "fi:f"), \
    EXPORT(ilogb, "f:i"), EXPORT(ilogbf, "f:i"), EXPORT_AS("ilogbl", w32_ilogb, "f:i"), \
    EXPORT(fma, "fff:f"), EXPORT(fmaf, "fff:f"), EXPORT_AS("fmal", w32_fma, "fff:f"), \
    EXPORT(remquo, "ffp:f"), EXPORT(remquof, "ffp:f"), EXPORT_AS("remquol", w32_remquo, "ffp:f"), \
    EXPORT(nan, "s:f"), EXPORT(nanf, "s:f"), EXPORT_AS("nanl", w32_nan, "s:f"), \
    EXPORT(lrint, "f:i"), EXPORT(lrintf, "f:i"), EXPORT_AS("lrintl", w32_lrint, "f:i"), \
    EXPORT(lround, "f:i"), EXPORT(lroundf, "f:i"), EXPORT_AS("lroundl", w32_lround, "f:i"), \
    EXPORT(llrint, "f:q"), EXPORT(llrintf, "f:q"), EXPORT_AS("llrintl", w32_llrint, "f:q"), \
    EXPORT(llround, "f:q"), EXPORT(llroundf, "f:q"), EXPORT_AS("llroundl", w32_llround, "f:q"), \
    EXPORT_AS("_hypot", w32_hypot, "ff:f"), EXPORT_AS("_hypotf", w32_hypotf, "ff:f"), \
    EXPORT_AS("_copysign", w32_copysign, "ff:f"), EXPORT_AS("_copysignf", w32_copysignf, "ff:f"), \
    EXPORT_AS("_nextafter", w32_nextafter, "ff:f"), EXPORT_AS("_nextafterf", w32_nextafterf, "ff:f"), \
    EXPORT_AS("_logb", w32_logb, "f:f"), EXPORT_AS("_logbf", w32_logbf, "f:f"), \
    EXPORT(_fpclass, "f:i"), EXPORT(_fpclassf, "f:i"), EXPORT(_dclass, "f:i"), EXPORT(_fdclass, "f:i"), \
    EXPORT_AS("_ldclass", w32__dclass, "f:i"), EXPORT(_dsign, "f:i"), EXPORT(_fdsign, "f:i"), \
    EXPORT_AS("_ldsign", w32__dsign, "f:i"), EXPORT(_dtest, "p:i"), EXPORT(_fdtest, "p:i"), \
    EXPORT_AS("_ldtest", w32__dtest, "p:i"), EXPORT(_finite, "f:i"), EXPORT(_finitef, "f:i"), \
    EXPORT(_isnan, "f:i"), EXPORT(_isnanf, "f:i"), EXPORT(_chgsign, "f:f"), EXPORT(_chgsignf, "f:f"), \
    EXPORT_AS("_chgsignl", w32__chgsign, "f:f"), EXPORT(_scalb, "fi:f"), EXPORT(_scalbf, "fi:f"), \
    EXPORT(_j0, "f:f"), EXPORT(_j1, "f:f"), EXPORT(_jn, "if:f"), EXPORT(_y0, "f:f"), \
    EXPORT(_y1, "f:f"), EXPORT(_yn, "if:f"), EXPORT(_cabs, "p:f")

W32_EXPORTS(msvcrt) = { MATH_EXPORTS };
W32_EXPORTS(ucrtbase) = { MATH_EXPORTS };
