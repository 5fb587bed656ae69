/* sysinfo.c — system facts that are the same on every x86-64 Windows:
 * GetSystemInfo/GetNativeSystemInfo (page size, allocation granularity,
 * architecture, address range), GetVersionExW (platform id; the version
 * numbers themselves vary and are not printed), IsProcessorFeaturePresent
 * for features every x86-64 CPU has, IsWow64Process, GetCurrentProcessId/
 * ThreadId, GetTickCount64 and QueryPerformanceCounter/Frequency moving
 * forward, GetSystemTimeAsFileTime after 2020, FileTimeToSystemTime and
 * SystemTimeToFileTime of a fixed instant, GlobalMemoryStatusEx, and
 * GetComputerNameW/GetUserNameW succeeding.  Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * page size 4096, allocation granularity 65536, architecture 9, native architecture 9
 * minimum application address 0x10000, maximum above 0x7ff00000000: yes
 * processors: at least one yes, mask has bit 0 yes
 * GetVersionExW: 1, platform 2, major at least 6 yes, product type workstation yes
 * SSE2 1, SSE3 1, CMPXCHG16B 1, RDTSC 1, NX 1
 * IsWow64Process: 0
 * process id nonzero yes, multiple of 4 yes; thread id nonzero yes
 * performance frequency positive yes, 30 ms sleep measured as at least 25 ms yes, ticks moved yes
 * system time after 2020: yes
 * FileTimeToSystemTime: 2024-01-01 00:00:12.345 weekday 1
 * SystemTimeToFileTime(1999-12-31 23:59:59.999) = 125911583999990000
 * month 13: 0 error 87
 * GlobalMemoryStatusEx: 1, physical memory at least 64 MiB yes, available <= total yes
 * GetComputerNameW: 1, length matches yes
 */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    SYSTEM_INFO si, nsi;
    GetSystemInfo(&si);
    GetNativeSystemInfo(&nsi);
    printf("page size %lu, allocation granularity %lu, architecture %u, native architecture %u\n", si.dwPageSize,
           si.dwAllocationGranularity, si.wProcessorArchitecture, nsi.wProcessorArchitecture);
    printf("minimum application address %#llx, maximum above 0x7ff00000000: %s\n",
           (unsigned long long)(ULONG_PTR)si.lpMinimumApplicationAddress,
           (ULONG_PTR)si.lpMaximumApplicationAddress > 0x7ff00000000ULL ? "yes" : "no");
    printf("processors: at least one %s, mask has bit 0 %s\n", si.dwNumberOfProcessors >= 1 ? "yes" : "no",
           (si.dwActiveProcessorMask & 1) ? "yes" : "no");

    OSVERSIONINFOEXW vi;
    ZeroMemory(&vi, sizeof vi);
    vi.dwOSVersionInfoSize = sizeof vi;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    BOOL ok = GetVersionExW((OSVERSIONINFOW *)&vi);
#pragma GCC diagnostic pop
    printf("GetVersionExW: %d, platform %lu, major at least 6 %s, product type workstation %s\n", ok, vi.dwPlatformId,
           vi.dwMajorVersion >= 6 ? "yes" : "no", vi.wProductType == VER_NT_WORKSTATION ? "yes" : "no");

    printf("SSE2 %d, SSE3 %d, CMPXCHG16B %d, RDTSC %d, NX %d\n",
           IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE) != 0,
           IsProcessorFeaturePresent(PF_SSE3_INSTRUCTIONS_AVAILABLE) != 0,
           IsProcessorFeaturePresent(PF_COMPARE_EXCHANGE128) != 0,
           IsProcessorFeaturePresent(PF_RDTSC_INSTRUCTION_AVAILABLE) != 0,
           IsProcessorFeaturePresent(PF_NX_ENABLED) != 0);
    BOOL wow = TRUE;
    IsWow64Process(GetCurrentProcess(), &wow);
    printf("IsWow64Process: %d\n", wow);
    printf("process id nonzero %s, multiple of 4 %s; thread id nonzero %s\n", GetCurrentProcessId() ? "yes" : "no",
           GetCurrentProcessId() % 4 == 0 ? "yes" : "no", GetCurrentThreadId() ? "yes" : "no");

    ULONGLONG t1 = GetTickCount64();
    LARGE_INTEGER f, c1, c2;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c1);
    Sleep(30);
    QueryPerformanceCounter(&c2);
    ULONGLONG t2 = GetTickCount64();
    double ms = (double)(c2.QuadPart - c1.QuadPart) * 1000.0 / (double)f.QuadPart;
    printf("performance frequency positive %s, 30 ms sleep measured as at least 25 ms %s, ticks moved %s\n",
           f.QuadPart > 0 ? "yes" : "no", ms >= 25 ? "yes" : "no", t2 >= t1 + 15 ? "yes" : "no");

    FILETIME now;
    GetSystemTimeAsFileTime(&now);
    ULONGLONG n = ((ULONGLONG)now.dwHighDateTime << 32) | now.dwLowDateTime;
    printf("system time after 2020: %s\n", n > 132223104000000000ULL ? "yes" : "no");
    FILETIME fixed;
    ULONGLONG v = 133485408000000000ULL + 123456789ULL;   /* 2024-01-01 00:00:12.3456789 UTC */
    fixed.dwLowDateTime = (DWORD)v;
    fixed.dwHighDateTime = (DWORD)(v >> 32);
    SYSTEMTIME st;
    FileTimeToSystemTime(&fixed, &st);
    printf("FileTimeToSystemTime: %04u-%02u-%02u %02u:%02u:%02u.%03u weekday %u\n", st.wYear, st.wMonth, st.wDay,
           st.wHour, st.wMinute, st.wSecond, st.wMilliseconds, st.wDayOfWeek);
    st.wYear = 1999;
    st.wMonth = 12;
    st.wDay = 31;
    st.wHour = 23;
    st.wMinute = 59;
    st.wSecond = 59;
    st.wMilliseconds = 999;
    FILETIME back;
    SystemTimeToFileTime(&st, &back);
    printf("SystemTimeToFileTime(1999-12-31 23:59:59.999) = %llu\n",
           ((ULONGLONG)back.dwHighDateTime << 32) | back.dwLowDateTime);
    st.wMonth = 13;
    SetLastError(0);
    ok = SystemTimeToFileTime(&st, &back);
    printf("month 13: %d error %lu\n", ok, GetLastError());

    MEMORYSTATUSEX ms_ex;
    ms_ex.dwLength = sizeof ms_ex;
    ok = GlobalMemoryStatusEx(&ms_ex);
    printf("GlobalMemoryStatusEx: %d, physical memory at least 64 MiB %s, available <= total %s\n", ok,
           ms_ex.ullTotalPhys >= 64ULL << 20 ? "yes" : "no", ms_ex.ullAvailPhys <= ms_ex.ullTotalPhys ? "yes" : "no");

    WCHAR name[256];
    DWORD len = 256;
    ok = GetComputerNameW(name, &len);
    printf("GetComputerNameW: %d, length matches %s\n", ok, ok && len == wcslen(name) ? "yes" : "no");
    return 0;
}
