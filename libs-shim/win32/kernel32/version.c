/* version.c — which Windows version a program is told: GetVersion,
 * GetVersionExA/W and VerifyVersionInfoA/W answer as Windows 10 does for
 * the program at hand. Since Windows 8.1 these calls report 6.2 (build
 * 9200, "Windows 8") to programs whose manifest does not declare
 * Windows 8.1 or 10 support; xeno does the same (it looks for those
 * supportedOS ids in the image), so version checks take the same branch
 * as on Windows. The PEB, KUSER_SHARED_DATA and ntdll's RtlGetVersion
 * give the true 10.0.19045. */
#include <string.h>

#include "../unicode.h"
#include "k32.h"

#define VER_NT_WORKSTATION 1
#define VER_PLATFORM_WIN32_NT 2
#define ERROR_OLD_WIN_VERSION 1150

typedef struct {
    DWORD dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber, dwPlatformId;
    WCHAR szCSDVersion[128];
    WORD wServicePackMajor, wServicePackMinor, wSuiteMask;
    BYTE wProductType, wReserved;
} OSVERSIONINFOEXW;

typedef struct {
    DWORD dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber, dwPlatformId;
    CHAR szCSDVersion[128];
    WORD wServicePackMajor, wServicePackMinor, wSuiteMask;
    BYTE wProductType, wReserved;
} OSVERSIONINFOEXA;

struct ver { DWORD major, minor, build; };

/* Windows 8.1 and Windows 10 supportedOS ids of an application manifest. */
static int manifest_says_modern(void)
{
    static const char *ids[] = { "1f676c76-80e1-4239-95bb-83d0f6d0da78",
                                 "8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a" };
    const struct pe_file *pe = w32_proc.pe;
    if (!pe || !pe->f)
        return 0;
    for (size_t i = 0; i < 2; i++)
        if (memmem(pe->f->data, pe->f->size, ids[i], strlen(ids[i])))
            return 1;
    return 0;
}

static struct ver apparent(void)
{
    static int modern = -1;
    if (modern < 0)
        modern = manifest_says_modern();
    return modern ? (struct ver){ 10, 0, 19045 } : (struct ver){ 6, 2, 9200 };
}

static DWORD WINAPI w32_GetVersion(void)
{
    struct ver v = apparent();
    return v.major | v.minor << 8 | v.build << 16;
}

static void fill(DWORD size, DWORD *fields, WORD *sp, BYTE *product, WORD *suite)
{
    struct ver v = apparent();
    fields[0] = v.major, fields[1] = v.minor, fields[2] = v.build, fields[3] = VER_PLATFORM_WIN32_NT;
    if (sp) {
        sp[0] = sp[1] = 0;
        *suite = 0x100; /* VER_SUITE_SINGLEUSERTS */
        *product = VER_NT_WORKSTATION;
    }
    (void)size;
}

static BOOL WINAPI w32_GetVersionExW(OSVERSIONINFOEXW *vi)
{
    DWORD size = vi ? vi->dwOSVersionInfoSize : 0;
    if (size != sizeof *vi && size != __builtin_offsetof(OSVERSIONINFOEXW, wServicePackMajor)) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memset(vi->szCSDVersion, 0, sizeof vi->szCSDVersion);
    int ex = size == sizeof *vi;
    fill(size, &vi->dwMajorVersion, ex ? &vi->wServicePackMajor : NULL, &vi->wProductType, &vi->wSuiteMask);
    return TRUE;
}

static BOOL WINAPI w32_GetVersionExA(OSVERSIONINFOEXA *vi)
{
    DWORD size = vi ? vi->dwOSVersionInfoSize : 0;
    if (size != sizeof *vi && size != __builtin_offsetof(OSVERSIONINFOEXA, wServicePackMajor)) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memset(vi->szCSDVersion, 0, sizeof vi->szCSDVersion);
    int ex = size == sizeof *vi;
    fill(size, &vi->dwMajorVersion, ex ? &vi->wServicePackMajor : NULL, &vi->wProductType, &vi->wSuiteMask);
    return TRUE;
}

/* ---- VerifyVersionInfo and VerSetConditionMask ---- */
#define VER_MINORVERSION 0x1
#define VER_MAJORVERSION 0x2
#define VER_BUILDNUMBER 0x4
#define VER_PLATFORMID 0x8
#define VER_SERVICEPACKMINOR 0x10
#define VER_SERVICEPACKMAJOR 0x20
#define VER_SUITENAME 0x40
#define VER_PRODUCT_TYPE 0x80

static ULONGLONG WINAPI w32_VerSetConditionMask(ULONGLONG mask, DWORD type, BYTE cond)
{
    for (int i = 0; i < 8; i++)
        if (type & (1u << i))
            mask = (mask & ~(7ull << (i * 3))) | ((ULONGLONG)(cond & 7) << (i * 3));
    return mask;
}

static int cond_of(ULONGLONG mask, DWORD type)
{
    for (int i = 0; i < 8; i++)
        if (type == (1u << i))
            return (int)((mask >> (i * 3)) & 7);
    return 0;
}

/* VER_EQUAL 1, GREATER 2, GREATER_EQUAL 3, LESS 4, LESS_EQUAL 5 */
static int compare(uint64_t have, uint64_t want, int cond)
{
    switch (cond) {
    case 1: return have == want;
    case 2: return have > want;
    case 3: return have >= want;
    case 4: return have < want;
    case 5: return have <= want;
    default: return 1;
    }
}

static BOOL verify(const OSVERSIONINFOEXW *vi, DWORD types, ULONGLONG mask)
{
    struct ver v = apparent();
    if (!types || !mask) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    /* major.minor.service pack compare as one number when several are asked */
    uint64_t have = (uint64_t)v.major << 48 | (uint64_t)v.minor << 32, want = 0;
    want = (uint64_t)((types & VER_MAJORVERSION) ? vi->dwMajorVersion : v.major) << 48 |
           (uint64_t)((types & VER_MINORVERSION) ? vi->dwMinorVersion : v.minor) << 32 |
           (uint64_t)((types & VER_SERVICEPACKMAJOR) ? vi->wServicePackMajor : 0) << 16 |
           (uint64_t)((types & VER_SERVICEPACKMINOR) ? vi->wServicePackMinor : 0);
    int cond = cond_of(mask, types & VER_MAJORVERSION ? VER_MAJORVERSION : types & VER_MINORVERSION
                                      ? VER_MINORVERSION : VER_SERVICEPACKMAJOR);
    int ok = !(types & (VER_MAJORVERSION | VER_MINORVERSION | VER_SERVICEPACKMAJOR | VER_SERVICEPACKMINOR)) ||
             compare(have, want, cond);
    if (types & VER_BUILDNUMBER)
        ok &= compare(v.build, vi->dwBuildNumber, cond_of(mask, VER_BUILDNUMBER));
    if (types & VER_PLATFORMID)
        ok &= compare(VER_PLATFORM_WIN32_NT, vi->dwPlatformId, cond_of(mask, VER_PLATFORMID));
    if (types & VER_PRODUCT_TYPE)
        ok &= compare(VER_NT_WORKSTATION, vi->wProductType, cond_of(mask, VER_PRODUCT_TYPE));
    if (!ok)
        w32_set_last_error(ERROR_OLD_WIN_VERSION);
    return ok;
}

static BOOL WINAPI w32_VerifyVersionInfoW(OSVERSIONINFOEXW *vi, DWORD types, ULONGLONG mask)
{
    return verify(vi, types, mask);
}

static BOOL WINAPI w32_VerifyVersionInfoA(OSVERSIONINFOEXA *vi, DWORD types, ULONGLONG mask)
{
    OSVERSIONINFOEXW w;
    memset(&w, 0, sizeof w);
    w.dwMajorVersion = vi->dwMajorVersion, w.dwMinorVersion = vi->dwMinorVersion;
    w.dwBuildNumber = vi->dwBuildNumber, w.dwPlatformId = vi->dwPlatformId;
    w.wServicePackMajor = vi->wServicePackMajor, w.wServicePackMinor = vi->wServicePackMinor;
    w.wProductType = vi->wProductType;
    return verify(&w, types, mask);
}

static BOOL WINAPI w32_GetProductInfo(DWORD a, DWORD b, DWORD c, DWORD d, DWORD *type)
{
    (void)a, (void)b, (void)c, (void)d;
    *type = 0x30; /* PRODUCT_PROFESSIONAL */
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetVersion, ":u"),
    EXPORT(GetVersionExA, "p:i"),
    EXPORT(GetVersionExW, "p:i"),
    EXPORT(VerifyVersionInfoA, "puq:i"),
    EXPORT(VerifyVersionInfoW, "puq:i"),
    EXPORT(VerSetConditionMask, "quu:q"),
    EXPORT(GetProductInfo, "uuuup:i"),
};
