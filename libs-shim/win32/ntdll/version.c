/* version.c — ntdll's answers about the system: RtlGetVersion and
 * RtlGetNtVersionNumbers give the real version (Windows 10, build 19045,
 * as the PEB says; unlike GetVersionEx they ignore manifests), and
 * NtQuerySystemInformation answers the basic-information class. */
#include <string.h>
#include <unistd.h>

#include "../process.h"
#include "../w32.h"
#include "../winerr.h"

#define STATUS_INFO_LENGTH_MISMATCH 0xC0000004
#define STATUS_INVALID_INFO_CLASS 0xC0000003
#define VER_NT_WORKSTATION 1

typedef struct {
    ULONG dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber, dwPlatformId;
    WCHAR szCSDVersion[128];
    USHORT wServicePackMajor, wServicePackMinor, wSuiteMask;
    BYTE wProductType, wReserved;
} RTL_OSVERSIONINFOEXW;

static NTSTATUS WINAPI w32_RtlGetVersion(RTL_OSVERSIONINFOEXW *v)
{
    ULONG size = v->dwOSVersionInfoSize;
    if (size != sizeof *v && size != offsetof(RTL_OSVERSIONINFOEXW, wServicePackMajor))
        return STATUS_INVALID_PARAMETER;
    memset((char *)v + sizeof size, 0, size - sizeof size);
    v->dwMajorVersion = w32_proc.peb->OSMajorVersion;
    v->dwMinorVersion = w32_proc.peb->OSMinorVersion;
    v->dwBuildNumber = w32_proc.peb->OSBuildNumber;
    v->dwPlatformId = w32_proc.peb->OSPlatformId;
    if (size == sizeof *v)
        v->wProductType = VER_NT_WORKSTATION;
    return STATUS_SUCCESS;
}

/* The build number carries 0xF0000000 (a "free" build), as on Windows. */
static void WINAPI w32_RtlGetNtVersionNumbers(ULONG *major, ULONG *minor, ULONG *build)
{
    if (major)
        *major = w32_proc.peb->OSMajorVersion;
    if (minor)
        *minor = w32_proc.peb->OSMinorVersion;
    if (build)
        *build = 0xF0000000u | w32_proc.peb->OSBuildNumber;
}

typedef struct {
    ULONG Reserved, TimerResolution, PageSize, NumberOfPhysicalPages;
    ULONG LowestPhysicalPageNumber, HighestPhysicalPageNumber, AllocationGranularity;
    ULONG_PTR MinimumUserModeAddress, MaximumUserModeAddress, ActiveProcessorsAffinityMask;
    CHAR NumberOfProcessors;
} SYSTEM_BASIC_INFORMATION;

static NTSTATUS basic_info(void *buf, ULONG len, ULONG *ret)
{
    SYSTEM_BASIC_INFORMATION bi;
    memset(&bi, 0, sizeof bi);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN), pages = sysconf(_SC_PHYS_PAGES);
    bi.TimerResolution = 156250; /* 15.625 ms in 100 ns units */
    bi.PageSize = 4096;
    bi.NumberOfPhysicalPages = (ULONG)pages;
    bi.LowestPhysicalPageNumber = 1;
    bi.HighestPhysicalPageNumber = (ULONG)pages;
    bi.AllocationGranularity = 65536;
    bi.MinimumUserModeAddress = 0x10000;
    bi.MaximumUserModeAddress = 0x7ffffffeffffull;
    bi.ActiveProcessorsAffinityMask = cpus >= 64 ? ~0ull : (1ull << cpus) - 1;
    bi.NumberOfProcessors = (CHAR)cpus;
    if (ret)
        *ret = sizeof bi;
    if (len < sizeof bi)
        return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(buf, &bi, sizeof bi);
    return STATUS_SUCCESS;
}

static NTSTATUS WINAPI w32_NtQuerySystemInformation(int cls, void *buf, ULONG len, ULONG *ret)
{
    if (cls == 0) /* SystemBasicInformation */
        return basic_info(buf, len, ret);
    return STATUS_INVALID_INFO_CLASS; /* the others are not provided: said, not faked */
}

W32_EXPORTS(ntdll) = {
    EXPORT(RtlGetVersion, "p:u"),
    EXPORT(RtlGetNtVersionNumbers, "ppp:v"),
    EXPORT(NtQuerySystemInformation, "ipup:u"),
    EXPORT_AS("ZwQuerySystemInformation", w32_NtQuerySystemInformation, "ipup:u"),
};
