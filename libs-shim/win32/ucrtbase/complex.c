/* complex.c — C99 <complex.h> as the UCRT exports it. Microsoft's
 * _Dcomplex/_Fcomplex/_Lcomplex are structs of two numbers (long double
 * is double), which the x64 convention passes and returns by reference
 * (_Fcomplex, 8 bytes, in a register); ms_abi does that for us, and the
 * host's complex functions do the arithmetic. Also _Cbuild/_Cmulcc/
 * _Cmulcr and their F/L forms, Microsoft's builders for these structs. */
#include <complex.h>

#include "../msvcrt/crt.h"

typedef struct { double v[2]; } dcplx;
typedef struct { float v[2]; } fcplx;

static double complex in_d(dcplx z) { return CMPLX(z.v[0], z.v[1]); }
static float complex in_f(fcplx z) { return CMPLXF(z.v[0], z.v[1]); }
static dcplx out_d(double complex z) { return (dcplx){ { creal(z), cimag(z) } }; }
static fcplx out_f(float complex z) { return (fcplx){ { crealf(z), cimagf(z) } }; }

/* complex → complex */
#define CC(X) X(cacos) X(cacosh) X(casin) X(casinh) X(catan) X(catanh) X(ccos) X(ccosh) X(cexp) \
    X(clog) X(csin) X(csinh) X(csqrt) X(ctan) X(ctanh) X(conj) X(cproj)
/* complex → real */
#define CR(X) X(cabs) X(carg) X(cimag) X(creal)

#define DEF_CC(n) \
    static dcplx WINAPI w32_##n(dcplx z) { return out_d(n(in_d(z))); } \
    static fcplx WINAPI w32_##n##f(fcplx z) { return out_f(n##f(in_f(z))); }
#define DEF_CR(n) \
    static double WINAPI w32_##n(dcplx z) { return n(in_d(z)); } \
    static float WINAPI w32_##n##f(fcplx z) { return n##f(in_f(z)); }
CC(DEF_CC)
CR(DEF_CR)

static dcplx WINAPI w32_cpow(dcplx a, dcplx b) { return out_d(cpow(in_d(a), in_d(b))); }
static fcplx WINAPI w32_cpowf(fcplx a, fcplx b) { return out_f(cpowf(in_f(a), in_f(b))); }
static dcplx WINAPI w32_clog10(dcplx z) { return out_d(clog(in_d(z)) / 2.302585092994045684); }
static fcplx WINAPI w32_clog10f(fcplx z) { return out_f(clogf(in_f(z)) / 2.302585092994045684f); }
static double WINAPI w32_norm(dcplx z) { return z.v[0] * z.v[0] + z.v[1] * z.v[1]; }
static float WINAPI w32_normf(fcplx z) { return z.v[0] * z.v[0] + z.v[1] * z.v[1]; }
static dcplx WINAPI w32__Cbuild(double re, double im) { return (dcplx){ { re, im } }; }
static fcplx WINAPI w32__FCbuild(float re, float im) { return (fcplx){ { re, im } }; }
static dcplx WINAPI w32__Cmulcc(dcplx a, dcplx b) { return out_d(in_d(a) * in_d(b)); }
static fcplx WINAPI w32__FCmulcc(fcplx a, fcplx b) { return out_f(in_f(a) * in_f(b)); }
static dcplx WINAPI w32__Cmulcr(dcplx a, double r) { return (dcplx){ { a.v[0] * r, a.v[1] * r } }; }
static fcplx WINAPI w32__FCmulcr(fcplx a, float r) { return (fcplx){ { a.v[0] * r, a.v[1] * r } }; }

#define EXP_C(n) EXPORT(n, "p:p"), EXPORT(n##f, "q:q"), EXPORT_AS(#n "l", w32_##n, "p:p"),
#define EXP_R(n) EXPORT(n, "p:f"), EXPORT(n##f, "q:f"), EXPORT_AS(#n "l", w32_##n, "p:f"),

W32_EXPORTS(ucrtbase) = {
    CC(EXP_C) CR(EXP_R)
    EXPORT(cpow, "pp:p"), EXPORT(cpowf, "qq:q"), EXPORT_AS("cpowl", w32_cpow, "pp:p"),
    EXPORT(clog10, "p:p"), EXPORT(clog10f, "q:q"), EXPORT_AS("clog10l", w32_clog10, "p:p"),
    EXPORT(norm, "p:f"), EXPORT(normf, "q:f"), EXPORT_AS("norml", w32_norm, "p:f"),
    EXPORT(_Cbuild, "ff:p"), EXPORT(_FCbuild, "ff:q"), EXPORT_AS("_LCbuild", w32__Cbuild, "ff:p"),
    EXPORT(_Cmulcc, "pp:p"), EXPORT(_FCmulcc, "qq:q"), EXPORT_AS("_LCmulcc", w32__Cmulcc, "pp:p"),
    EXPORT(_Cmulcr, "pf:p"), EXPORT(_FCmulcr, "qf:q"), EXPORT_AS("_LCmulcr", w32__Cmulcr, "pf:p"),
};
