/* stdlib_misc.c — arithmetic helpers and random numbers of <stdlib.h>:
 * abs/labs/llabs/_abs64/imaxabs, div/ldiv/lldiv/imaxdiv (struct returns
 * follow the Microsoft convention: 8-byte structs in RAX, 16-byte ones
 * through a hidden pointer, which ms_abi gives us), the rotate and
 * byte-swap helpers, _swab, and rand/srand with Microsoft's generator —
 * seed = seed * 214013 + 2531011, result (seed >> 16) & 0x7FFF,
 * RAND_MAX 0x7FFF, per-thread seed starting at 1 — and rand_s. */
#include <sys/random.h>

#include "crt.h"

typedef struct { int32_t quot, rem; } div32_t;
typedef struct { int64_t quot, rem; } div64_t;

static int32_t WINAPI w32_abs(int32_t v) { return v < 0 ? -v : v; }
static int64_t WINAPI w32_llabs(int64_t v) { return v < 0 ? -v : v; }

/* Division by zero faults, as the CRT's own division does on Windows. */
static div32_t WINAPI w32_div(int32_t a, int32_t b) { return (div32_t){ a / b, a % b }; }
static div64_t WINAPI w32_lldiv(int64_t a, int64_t b) { return (div64_t){ a / b, a % b }; }

static __thread uint32_t rand_seed = 1;

static void WINAPI w32_srand(unsigned s) { rand_seed = s; }

static int WINAPI w32_rand(void)
{
    rand_seed = rand_seed * 214013u + 2531011u;
    return (int)((rand_seed >> 16) & 0x7fff);
}

static int WINAPI w32_rand_s(unsigned *out)
{
    CRT_CHECK(out, "rand_s", MS_EINVAL);
    if (getrandom(out, sizeof *out, 0) != (ssize_t)sizeof *out)
        return crt_fail(MS_ENOMEM), MS_ENOMEM;
    return 0;
}

static uint32_t WINAPI w32__rotl(uint32_t v, int s) { s &= 31; return s ? v << s | v >> (32 - s) : v; }
static uint32_t WINAPI w32__rotr(uint32_t v, int s) { s &= 31; return s ? v >> s | v << (32 - s) : v; }
static uint64_t WINAPI w32__rotl64(uint64_t v, int s) { s &= 63; return s ? v << s | v >> (64 - s) : v; }
static uint64_t WINAPI w32__rotr64(uint64_t v, int s) { s &= 63; return s ? v >> s | v << (64 - s) : v; }
static uint16_t WINAPI w32__byteswap_ushort(uint16_t v) { return __builtin_bswap16(v); }
static uint32_t WINAPI w32__byteswap_ulong(uint32_t v) { return __builtin_bswap32(v); }
static uint64_t WINAPI w32__byteswap_uint64(uint64_t v) { return __builtin_bswap64(v); }

static void WINAPI w32__swab(char *src, char *dst, int n)
{
    for (int i = 0; i + 1 < n; i += 2) {
        char a = src[i], b = src[i + 1];
        dst[i] = b, dst[i + 1] = a;
    }
}

#define STDLIB_MISC_EXPORTS \
    EXPORT(abs, "i:i"), EXPORT_AS("labs", w32_abs, "i:i"), EXPORT(llabs, "q:q"), \
    EXPORT_AS("_abs64", w32_llabs, "q:q"), EXPORT_AS("imaxabs", w32_llabs, "q:q"), \
    EXPORT(div, "ii:q"), EXPORT_AS("ldiv", w32_div, "ii:q"), EXPORT(lldiv, "pqq:p"), \
    EXPORT_AS("imaxdiv", w32_lldiv, "pqq:p"), EXPORT(srand, "u:v"), EXPORT(rand, ":i"), \
    EXPORT(rand_s, "p:i"), EXPORT(_rotl, "ui:u"), EXPORT(_rotr, "ui:u"), \
    EXPORT_AS("_lrotl", w32__rotl, "ui:u"), EXPORT_AS("_lrotr", w32__rotr, "ui:u"), \
    EXPORT(_rotl64, "qi:q"), EXPORT(_rotr64, "qi:q"), EXPORT(_byteswap_ushort, "u:u"), \
    EXPORT(_byteswap_ulong, "u:u"), EXPORT(_byteswap_uint64, "q:q"), EXPORT(_swab, "ppi:v")

W32_EXPORTS(msvcrt) = { STDLIB_MISC_EXPORTS };
W32_EXPORTS(ucrtbase) = { STDLIB_MISC_EXPORTS };
