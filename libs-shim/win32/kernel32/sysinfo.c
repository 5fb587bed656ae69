/* sysinfo.c — the machine as a Windows program sees it: GetSystemInfo /
 * GetNativeSystemInfo (page size 4096, allocation granularity 65536,
 * AMD64, the host's processors), IsProcessorFeaturePresent (from CPUID),
 * GetLogicalProcessorInformation(Ex), GetActiveProcessorCount,
 * GlobalMemoryStatus(Ex), GetPhysicallyInstalledSystemMemory and
 * GetComputerName(Ex) (the host name, upper-cased and cut to 15
 * characters as NetBIOS names are). */
#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"

#define PROCESSOR_ARCHITECTURE_AMD64 9
#define PROCESSOR_AMD_X8664 8664
#define ERROR_BUFFER_OVERFLOW 111
#define MAX_VA 0x7ffffffeffffull

typedef struct {
    WORD wProcessorArchitecture, wReserved;
    DWORD dwPageSize;
    PVOID lpMinimumApplicationAddress, lpMaximumApplicationAddress;
    DWORD_PTR dwActiveProcessorMask;
    DWORD dwNumberOfProcessors, dwProcessorType, dwAllocationGranularity;
    WORD wProcessorLevel, wProcessorRevision;
} SYSTEM_INFO;

static DWORD ncpu(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (DWORD)n;
}

static DWORD_PTR cpu_mask(void)
{
    DWORD n = ncpu();
    return n >= 64 ? ~(DWORD_PTR)0 : (((DWORD_PTR)1 << n) - 1);
}

static void WINAPI w32_GetSystemInfo(SYSTEM_INFO *si)
{
    unsigned a = 0, b, c, d;
    __get_cpuid(1, &a, &b, &c, &d);
    unsigned family = (a >> 8) & 15, model = (a >> 4) & 15;
    if (family == 15)
        family += (a >> 20) & 0xff;
    if (family >= 6)
        model |= ((a >> 16) & 15) << 4;
    SYSTEM_INFO s = {
        .wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64,
        .dwPageSize = 4096,
        .lpMinimumApplicationAddress = (PVOID)0x10000,
        .lpMaximumApplicationAddress = (PVOID)MAX_VA,
        .dwActiveProcessorMask = cpu_mask(),
        .dwNumberOfProcessors = ncpu(),
        .dwProcessorType = PROCESSOR_AMD_X8664,
        .dwAllocationGranularity = 65536,
        .wProcessorLevel = (WORD)family,
        .wProcessorRevision = (WORD)(model << 8 | (a & 15)),
    };
    if (!k32_copy_out(si, &s, sizeof s))
        w32_set_last_error(ERROR_NOACCESS);
}

static DWORD WINAPI w32_GetActiveProcessorCount(WORD group) { return group == 0 || group == 0xffff ? ncpu() : 0; }
static WORD WINAPI w32_GetActiveProcessorGroupCount(void) { return 1; }

/* ---- processor features ---- */
static int cpuid_bit(unsigned leaf, unsigned sub, int reg, int bit)
{
    unsigned r[4] = { 0, 0, 0, 0 };
    if (!__get_cpuid_count(leaf, sub, &r[0], &r[1], &r[2], &r[3]))
        return 0;
    return (r[reg] >> bit) & 1;
}

enum { EAX, EBX, ECX, EDX };

static BOOL WINAPI w32_IsProcessorFeaturePresent(DWORD f)
{
    static const struct { BYTE feature; BYTE always; unsigned leaf; BYTE reg, bit; } t[] = {
        { 2, 1, 0, 0, 0 },  { 3, 1, 0, 0, 0 },  { 6, 1, 0, 0, 0 },  { 8, 1, 0, 0, 0 },
        { 9, 1, 0, 0, 0 },  { 10, 1, 0, 0, 0 }, { 12, 1, 0, 0, 0 }, { 23, 1, 0, 0, 0 },
        { 13, 0, 1, ECX, 0 },  /* SSE3 */
        { 14, 0, 1, ECX, 13 }, /* CMPXCHG16B */
        { 17, 0, 1, ECX, 27 }, /* XSAVE (enabled by the OS) */
        { 22, 0, 7, EBX, 0 },  /* FSGSBASE */
        { 28, 0, 1, ECX, 30 }, /* RDRAND */
        { 32, 0, 0x80000001u, EDX, 27 }, /* RDTSCP */
        { 36, 0, 1, ECX, 9 },  /* SSSE3 */
        { 37, 0, 1, ECX, 19 }, /* SSE4.1 */
        { 38, 0, 1, ECX, 20 }, /* SSE4.2 */
        { 39, 0, 1, ECX, 28 }, /* AVX */
        { 40, 0, 7, EBX, 5 },  /* AVX2 */
        { 41, 0, 7, EBX, 16 }, /* AVX512F */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].feature == f)
            return t[i].always || cpuid_bit(t[i].leaf, 0, t[i].reg, t[i].bit);
    return FALSE;
}

/* ---- logical processors ---- */
typedef struct {
    ULONG_PTR ProcessorMask;
    int Relationship;
    BYTE pad[4];
    BYTE data[16];
} SYSTEM_LOGICAL_PROCESSOR_INFORMATION;

static BOOL WINAPI w32_GetLogicalProcessorInformation(SYSTEM_LOGICAL_PROCESSOR_INFORMATION *buf, DWORD *len)
{
    DWORD n = ncpu(), count = n + 2, need = count * (DWORD)sizeof *buf;
    if (!len || *len < need || !buf) {
        if (len)
            *len = need;
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memset(buf, 0, need);
    for (DWORD i = 0; i < n; i++)
        buf[i].ProcessorMask = (ULONG_PTR)1 << i, buf[i].Relationship = 0; /* RelationProcessorCore */
    buf[n].ProcessorMask = cpu_mask(), buf[n].Relationship = 1;            /* RelationNumaNode */
    buf[n + 1].ProcessorMask = cpu_mask(), buf[n + 1].Relationship = 3;    /* RelationProcessorPackage */
    *len = need;
    return TRUE;
}

/* The Ex form: processor cores (48 bytes each), one package, one group. */
static DWORD put_ex(BYTE *p, int rel, ULONG_PTR mask, int want)
{
    DWORD size = rel == 4 ? 80 : 48;
    if (!p)
        return size;
    memset(p, 0, size);
    *(int *)p = rel;
    *(DWORD *)(p + 4) = size;
    if (rel == 4) {
        *(WORD *)(p + 8) = 1, *(WORD *)(p + 10) = 1; /* Maximum/ActiveGroupCount */
        p[32] = (BYTE)ncpu(), p[33] = (BYTE)ncpu();
        *(ULONG_PTR *)(p + 72) = mask;
    } else {
        *(WORD *)(p + 30) = 1; /* GroupCount */
        *(ULONG_PTR *)(p + 32) = mask;
    }
    (void)want;
    return size;
}

static BOOL WINAPI w32_GetLogicalProcessorInformationEx(int rel, BYTE *buf, DWORD *len)
{
    DWORD need = 0, n = ncpu();
    for (int pass = 0; pass < 2; pass++) {
        BYTE *p = pass ? buf : NULL;
        DWORD off = 0;
        if (rel == 0 || rel == 0xffff)
            for (DWORD i = 0; i < n; i++)
                off += put_ex(p ? p + off : NULL, 0, (ULONG_PTR)1 << i, rel);
        if (rel == 3 || rel == 0xffff)
            off += put_ex(p ? p + off : NULL, 3, cpu_mask(), rel);
        if (rel == 4 || rel == 0xffff)
            off += put_ex(p ? p + off : NULL, 4, cpu_mask(), rel);
        if (!pass) {
            need = off;
            if (!len || *len < need || !buf) {
                if (len)
                    *len = need;
                w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
                return FALSE;
            }
        }
    }
    *len = need;
    return TRUE;
}

/* ---- memory ---- */
typedef struct {
    DWORD dwLength, dwMemoryLoad;
    ULONGLONG ullTotalPhys, ullAvailPhys, ullTotalPageFile, ullAvailPageFile, ullTotalVirtual,
        ullAvailVirtual, ullAvailExtendedVirtual;
} MEMORYSTATUSEX;

static BOOL WINAPI w32_GlobalMemoryStatusEx(MEMORYSTATUSEX *m)
{
    struct sysinfo si;
    if (!m || m->dwLength != sizeof *m) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    sysinfo(&si);
    uint64_t unit = si.mem_unit ? si.mem_unit : 1;
    m->ullTotalPhys = si.totalram * unit;
    m->ullAvailPhys = (si.freeram + si.bufferram) * unit;
    m->ullTotalPageFile = m->ullTotalPhys + si.totalswap * unit;
    m->ullAvailPageFile = m->ullAvailPhys + si.freeswap * unit;
    m->ullTotalVirtual = MAX_VA + 1 - 0x10000;
    m->ullAvailVirtual = m->ullTotalVirtual;
    m->ullAvailExtendedVirtual = 0;
    m->dwMemoryLoad = m->ullTotalPhys ? (DWORD)(100 - m->ullAvailPhys * 100 / m->ullTotalPhys) : 0;
    return TRUE;
}

typedef struct {
    DWORD dwLength, dwMemoryLoad;
    SIZE_T dwTotalPhys, dwAvailPhys, dwTotalPageFile, dwAvailPageFile, dwTotalVirtual, dwAvailVirtual;
} MEMORYSTATUS;

static void WINAPI w32_GlobalMemoryStatus(MEMORYSTATUS *m)
{
    MEMORYSTATUSEX x = { .dwLength = sizeof x };
    w32_GlobalMemoryStatusEx(&x);
    m->dwLength = sizeof *m;
    m->dwMemoryLoad = x.dwMemoryLoad;
    m->dwTotalPhys = x.ullTotalPhys, m->dwAvailPhys = x.ullAvailPhys;
    m->dwTotalPageFile = x.ullTotalPageFile, m->dwAvailPageFile = x.ullAvailPageFile;
    m->dwTotalVirtual = x.ullTotalVirtual, m->dwAvailVirtual = x.ullAvailVirtual;
}

static BOOL WINAPI w32_GetPhysicallyInstalledSystemMemory(ULONGLONG *kb)
{
    struct sysinfo si;
    sysinfo(&si);
    *kb = (ULONGLONG)si.totalram * (si.mem_unit ? si.mem_unit : 1) / 1024;
    return TRUE;
}

/* ---- computer name ---- */
static void netbios_name(char *out, size_t n)
{
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    host[strcspn(host, ".")] = 0;
    size_t i = 0;
    for (; host[i] && i < 15 && i + 1 < n; i++)
        out[i] = (char)(host[i] >= 'a' && host[i] <= 'z' ? host[i] - 32 : host[i]);
    out[i] = 0;
}

static BOOL name_result(const char *name, void *buf, DWORD *size, int wide)
{
    size_t len = wide ? w32_utf8_to_utf16(name, -1, NULL, 0) : strlen(name);
    if (!size || *size <= len || !buf) {
        if (size)
            *size = (DWORD)len + 1;
        w32_set_last_error(ERROR_BUFFER_OVERFLOW);
        return FALSE;
    }
    if (wide)
        w32_utf8_to_utf16(name, -1, buf, *size);
    else
        memcpy(buf, name, len + 1);
    *size = (DWORD)len;
    return TRUE;
}

static BOOL WINAPI w32_GetComputerNameA(LPSTR buf, DWORD *size)
{
    char n[16];
    netbios_name(n, sizeof n);
    return name_result(n, buf, size, 0);
}

static BOOL WINAPI w32_GetComputerNameW(LPWSTR buf, DWORD *size)
{
    char n[16];
    netbios_name(n, sizeof n);
    return name_result(n, buf, size, 1);
}

/* ComputerNameNetBIOS 0, DnsHostname 1, DnsDomain 2, DnsFullyQualified 3,
 * the Physical* forms 4–7 alike. */
static void name_of_kind(int kind, char *out, size_t n)
{
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    char *dot = strchr(host, '.');
    switch (kind & 3) {
    case 0: netbios_name(out, n); break;
    case 1: if (dot) *dot = 0; snprintf(out, n, "%s", host); break;
    case 2: snprintf(out, n, "%s", dot ? dot + 1 : ""); break;
    default: snprintf(out, n, "%s", host); break;
    }
}

static BOOL WINAPI w32_GetComputerNameExW(int kind, LPWSTR buf, DWORD *size)
{
    char n[256];
    name_of_kind(kind, n, sizeof n);
    return name_result(n, buf, size, 1);
}

static BOOL WINAPI w32_GetComputerNameExA(int kind, LPSTR buf, DWORD *size)
{
    char n[256];
    name_of_kind(kind, n, sizeof n);
    return name_result(n, buf, size, 0);
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetSystemInfo, "p:v"),
    EXPORT_AS("GetNativeSystemInfo", w32_GetSystemInfo, "p:v"),
    EXPORT(GetActiveProcessorCount, "u:u"),
    EXPORT_AS("GetMaximumProcessorCount", w32_GetActiveProcessorCount, "u:u"),
    EXPORT(GetActiveProcessorGroupCount, ":u"),
    EXPORT_AS("GetMaximumProcessorGroupCount", w32_GetActiveProcessorGroupCount, ":u"),
    EXPORT(IsProcessorFeaturePresent, "u:i"),
    EXPORT(GetLogicalProcessorInformation, "pp:i"),
    EXPORT(GetLogicalProcessorInformationEx, "ipp:i"),
    EXPORT(GlobalMemoryStatusEx, "p:i"),
    EXPORT(GlobalMemoryStatus, "p:v"),
    EXPORT(GetPhysicallyInstalledSystemMemory, "p:i"),
    EXPORT(GetComputerNameA, "pp:i"),
    EXPORT(GetComputerNameW, "pp:i"),
    EXPORT(GetComputerNameExA, "ipp:i"),
    EXPORT(GetComputerNameExW, "ipp:i"),
};
