/* mathfn.c — <math.h>: sqrt pow exp log log10 sin cos tan atan atan2 sinh
 * floor ceil fmod fabs modf frexp ldexp hypot round trunc, integer/float
 * conversions, and classification of inf/nan printed as booleans (the CRTs
 * spell inf and nan differently).  Values printed with %.6f.  Portable C.
 * Exit status: 0. */
#include <math.h>
#include <stdio.h>

static volatile double zero = 0.0;      /* keep the compiler from folding */

int main(void)
{
    volatile double two = 2.0, x = 0.5, big = 1e10;
    printf("sqrt(2) = %.6f, sqrt(1e10) = %.6f\n", sqrt(two), sqrt(big));
    printf("pow(2,10) = %.6f, pow(2,0.5) = %.6f, pow(-2,3) = %.6f, pow(10,-2) = %.6f\n",
           pow(two, 10), pow(two, 0.5), pow(-two, 3), pow(10, -two));
    printf("exp(1) = %.6f, log(10) = %.6f, log10(1000) = %.6f, exp(-x) = %.6f\n",
           exp(1.0 * two / 2), log(10 * x * 2), log10(1000 * x * 2), exp(-x));
    printf("sin(0.5) = %.6f, cos(0.5) = %.6f, tan(0.5) = %.6f\n", sin(x), cos(x), tan(x));
    printf("atan(1)*4 = %.6f, atan2(1,-1) = %.6f, sinh(0.5) = %.6f\n", atan(x * 2) * 4, atan2(x * 2, -x * 2), sinh(x));
    printf("floor(-2.5) = %.6f, ceil(-2.5) = %.6f, floor(2.7) = %.6f, ceil(2.1) = %.6f\n",
           floor(-2.5 * x * 2), ceil(-2.5 * x * 2), floor(2.7 * x * 2), ceil(2.1 * x * 2));
    printf("fmod(10,3) = %.6f, fmod(-10,3) = %.6f, fmod(5.5,1.5) = %.6f\n", fmod(10 * x * 2, 3), fmod(-10 * x * 2, 3),
           fmod(5.5 * x * 2, 1.5));
    printf("fabs(-3.25) = %.6f\n", fabs(-3.25 * x * 2));
    double ip;
    double fp = modf(-3.75 * x * 2, &ip);
    printf("modf(-3.75) = %.6f + %.6f\n", ip, fp);
    int e;
    double m = frexp(48.0 * x * 2, &e);
    printf("frexp(48) = %.6f * 2^%d, ldexp(0.75, 6) = %.6f\n", m, e, ldexp(0.75 * x * 2, 6));
    printf("hypot(3,4) = %.6f\n", hypot(3 * x * 2, 4));
    printf("round(2.5) = %.6f, round(-2.5) = %.6f, trunc(-2.7) = %.6f\n", round(2.5 * x * 2), round(-2.5 * x * 2),
           trunc(-2.7 * x * 2));

    double sum = 0;
    for (int i = 1; i <= 1000; i++)
        sum += 1.0 / ((double)i * i);
    printf("sum 1/i^2 (1..1000) = %.6f, pi^2/6 = %.6f\n", sum, atan(1.0) * 4 * atan(1.0) * 4 / 6);
    printf("(int)-3.9 = %d, (int)3.9 = %d, (unsigned)3e9 = %u, (long long)1e15 = %lld\n",
           (int)(-3.9 * x * 2), (int)(3.9 * x * 2), (unsigned)(3e9 * x * 2), (long long)(1e15 * x * 2));
    printf("7/2 = %d, -7/2 = %d, -7%%2 = %d, 7.0/2 = %.6f\n", 7 / (int)two, -7 / (int)two, -7 % (int)two, 7.0 / two);

    double inf = 1.0 / zero, nan = zero / zero;
    printf("isinf(1/0) %d, isnan(0/0) %d, isfinite(1) %d, inf > 1e308 %d, nan == nan %d\n",
           isinf(inf) != 0, isnan(nan) != 0, isfinite(x) != 0, inf > 1e308, nan == nan);
    printf("sqrt(-1) is nan: %d, log(0) is -inf: %d\n", isnan(sqrt(-x)) != 0, isinf(log(zero)) && log(zero) < 0);
    printf("float epsilon step: %d\n", (float)(1.0f + 1e-8f) == 1.0f);
    return 0;
}
