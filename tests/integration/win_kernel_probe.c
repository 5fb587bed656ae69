/* win_kernel_probe.c — a Windows program for tests/integration/win_kernel.sh:
 * each mode (argv[1]) checks one area of kernel32 against what Microsoft
 * documents and prints one line per fact. Built with mingw-w64 by the
 * test itself. */
#include <windows.h>
#include <shlobj.h>
#include <tlhelp32.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static WCHAR self[MAX_PATH];

/* Start "self ARGS" (or CMD as given) with stdout captured; returns the
 * exit code, the output in OUT. */
static DWORD spawn(const char *cmd, int use_self, BOOL inherit, char *out, size_t n)
{
    char line[1024];
    char me[MAX_PATH];
    WideCharToMultiByte(CP_UTF8, 0, self, -1, me, sizeof me, NULL, NULL);
    snprintf(line, sizeof line, use_self ? "\"%s\" %s" : "%s", use_self ? me : cmd, cmd);
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE r, w;
    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    if (!CreateProcessA(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        snprintf(out, n, "CreateProcess failed %lu", GetLastError());
        CloseHandle(r);
        CloseHandle(w);
        return (DWORD)-1;
    }
    CloseHandle(w);
    DWORD got, len = 0;
    while (len < n - 1 && ReadFile(r, out + len, (DWORD)(n - 1 - len), &got, NULL) && got)
        len += got;
    out[len] = 0;
    for (char *p = out; *p; p++)
        if (*p == '\r' || *p == '\n')
            *p = ' ';
    CloseHandle(r);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static int processes(void)
{
    char out[512];
    DWORD c = spawn("sh -c \"echo from-sh $0; exit 7\" arg0", 0, FALSE, out, sizeof out);
    printf("host program: exit %lu output [%s]\n", c, out);
    c = spawn("exitcode C0000135", 1, FALSE, out, sizeof out);
    printf("xeno child ExitProcess(0xC0000135): 0x%lX\n", c);
    c = spawn("exitcode 1FF", 1, FALSE, out, sizeof out);
    printf("xeno child ExitProcess(0x1FF): 0x%lX\n", c);
    c = spawn("ctrl-default", 1, FALSE, out, sizeof out);
    printf("child ended by Ctrl+C without a handler: 0x%lX\n", c);

    STARTUPINFOW si;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    PROCESS_INFORMATION pi;
    WCHAR cmd[MAX_PATH + 16];
    swprintf(cmd, MAX_PATH + 16, L"\"%ls\" sleep", self);
    CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi);
    DWORD w1 = WaitForSingleObject(pi.hProcess, 100);
    DWORD prev = ResumeThread(pi.hThread);
    TerminateProcess(pi.hProcess, 0xDEAD);
    DWORD w2 = WaitForSingleObject(pi.hProcess, 5000);
    GetExitCodeProcess(pi.hProcess, &c);
    printf("suspended child: wait %lu, resume returned %lu, terminated: wait %lu code 0x%lX\n", w1, prev, w2, c);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    SetLastError(0);
    BOOL ok = CreateProcessW(L"C:\\no\\such\\program.exe", NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    printf("missing program: %d error %lu\n", ok, GetLastError());
    return 0;
}

/* Handle inheritance: the child writes to the handle value it is given. */
static int inherit(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE r, w, r2, w2;
    CreatePipe(&r, &w, &sa, 0);
    CreatePipe(&r2, &w2, NULL, 0); /* not inheritable */
    DWORD avail = 99;
    char cmd[64], out[256];
    snprintf(cmd, sizeof cmd, "write-handles %llu %llu", (unsigned long long)(ULONG_PTR)w,
             (unsigned long long)(ULONG_PTR)w2);
    DWORD c = spawn(cmd, 1, TRUE, out, sizeof out);
    PeekNamedPipe(r2, NULL, 0, NULL, &avail, NULL);
    CloseHandle(w);
    CloseHandle(w2);
    char buf[64] = "";
    DWORD got = 0;
    ReadFile(r, buf, sizeof buf - 1, &got, NULL);
    buf[got] = 0;
    printf("inheritable pipe got [%s]; child said [%s] exit %lu\n", buf, out, c);
    printf("non-inheritable pipe had %lu bytes\n", avail);
    SetLastError(0);
    BOOL peek = PeekNamedPipe(r2, NULL, 0, NULL, &avail, NULL);
    printf("PeekNamedPipe once its writer is closed: %d error %lu\n", peek, GetLastError());
    return 0;
}

static int write_handles(char **argv)
{
    HANDLE a = (HANDLE)(ULONG_PTR)strtoull(argv[2], NULL, 10), b = (HANDLE)(ULONG_PTR)strtoull(argv[3], NULL, 10);
    DWORD n;
    BOOL ok1 = WriteFile(a, "hello", 5, &n, NULL);
    BOOL ok2 = WriteFile(b, "nope", 4, &n, NULL);
    printf("inherited %d, other %d error %lu", ok1, ok2, GetLastError());
    return 3;
}

static ULONGLONG ms_since(ULONGLONG t) { return GetTickCount64() - t; }

static DWORD WINAPI hold_mutex(void *m)
{
    WaitForSingleObject(m, INFINITE);
    return 0;
}

static int waits(void)
{
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    ULONGLONG t = GetTickCount64();
    DWORD r = WaitForSingleObject(ev, 100);
    ULONGLONG el = ms_since(t);
    printf("event wait 100 ms: %lu, waited at least 90 ms: %s\n", r, el >= 90 && el < 2000 ? "yes" : "no");
    HANDLE tm = CreateWaitableTimerW(NULL, TRUE, NULL);
    LARGE_INTEGER due;
    due.QuadPart = -50 * 10000LL;
    SetWaitableTimer(tm, &due, 0, NULL, NULL, FALSE);
    t = GetTickCount64();
    r = WaitForSingleObject(tm, 5000);
    el = ms_since(t);
    printf("waitable timer 50 ms: %lu, fired after 40..2000 ms: %s\n", r, el >= 40 && el < 2000 ? "yes" : "no");
    HANDLE two[2] = { ev, tm };
    printf("any of (unset event, fired manual timer): %lu\n", WaitForMultipleObjects(2, two, FALSE, 0));
    printf("all of them: %lu\n", WaitForMultipleObjects(2, two, TRUE, 0));
    SetEvent(ev);
    printf("all after SetEvent: %lu\n", WaitForMultipleObjects(2, two, TRUE, 0));
    HANDLE m = CreateMutexW(NULL, FALSE, NULL);
    HANDLE th = CreateThread(NULL, 0, hold_mutex, m, 0, NULL);
    WaitForSingleObject(th, INFINITE);
    HANDLE wait2[2] = { ev, m };
    ResetEvent(ev);
    printf("abandoned mutex in a multiple wait: 0x%lx\n", WaitForMultipleObjects(2, wait2, FALSE, 1000));
    printf("sleep alertable with no APC: %lu\n", SleepEx(10, TRUE));
    return 0;
}

static volatile LONG spins;

static DWORD WINAPI spinner(void *arg)
{
    (void)arg;
    for (;;)
        InterlockedIncrement(&spins);
    return 0;
}

static int suspend(void)
{
    HANDLE th = CreateThread(NULL, 0, spinner, NULL, 0, NULL);
    while (spins < 1000)
        Sleep(1);
    DWORD prev = SuspendThread(th);
    CONTEXT c;
    c.ContextFlags = CONTEXT_CONTROL | CONTEXT_INTEGER;
    BOOL got = GetThreadContext(th, &c);
    LONG a = spins;
    Sleep(50);
    LONG b = spins;
    HMODULE me = GetModuleHandleW(NULL);
    int in_image = c.Rip >= (DWORD64)me && c.Rip < (DWORD64)me + 0x100000;
    printf("SuspendThread %lu, GetThreadContext %d, rip in the image %s, stopped %s\n", prev, got,
           in_image ? "yes" : "no", a == b ? "yes" : "no");
    DWORD s2 = SuspendThread(th), r1 = ResumeThread(th), r2 = ResumeThread(th);
    printf("second SuspendThread: %lu, ResumeThread: %lu %lu\n", s2, r1, r2);
    Sleep(50);
    printf("runs again: %s\n", spins > b ? "yes" : "no");
    printf("TerminateThread: %d\n", TerminateThread(th, 9));
    DWORD code = 0;
    WaitForSingleObject(th, 5000);
    GetExitCodeThread(th, &code);
    printf("terminated thread exit code: %lu\n", code);
    return 0;
}

static HANDLE stress_ev;
static volatile LONG stress_stop, stress_rounds;

/* Busy in kernel32 all the time: waits, events, handles, memory. */
static DWORD WINAPI busy_in_kernel(void *arg)
{
    (void)arg;
    while (!stress_stop) {
        SetEvent(stress_ev);
        WaitForSingleObject(stress_ev, 0);
        HANDLE d;
        DuplicateHandle(GetCurrentProcess(), stress_ev, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS);
        CloseHandle(d);
        HeapFree(GetProcessHeap(), 0, HeapAlloc(GetProcessHeap(), 0, 64));
        InterlockedIncrement(&stress_rounds);
    }
    return 0;
}

/* SuspendThread/GetThreadContext/ResumeThread on threads stopped at any
 * point inside xeno must never deadlock. */
static int suspend_stress(void)
{
    stress_ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE th[2];
    for (int i = 0; i < 2; i++)
        th[i] = CreateThread(NULL, 0, busy_in_kernel, NULL, 0, NULL);
    int ok = 0;
    for (int i = 0; i < 2000; i++) {
        HANDLE t = th[i & 1];
        CONTEXT c;
        c.ContextFlags = CONTEXT_CONTROL;
        if (SuspendThread(t) == 0 && GetThreadContext(t, &c) && c.Rip)
            ok++;
        ResumeThread(t);
    }
    stress_stop = 1;
    WaitForMultipleObjects(2, th, TRUE, INFINITE);
    printf("suspended 2000 times while busy in kernel32: %d contexts, work went on %s\n", ok,
           stress_rounds > 0 ? "yes" : "no");
    return 0;
}

/* Run on a terminal (the test uses script(1)): console calls work and
 * colours become ANSI escapes. */
static int console(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0, imode = 0;
    BOOL m = GetConsoleMode(out, &mode), im = GetConsoleMode(in, &imode);
    CONSOLE_SCREEN_BUFFER_INFO info;
    BOOL sb = GetConsoleScreenBufferInfo(out, &info);
    printf("console modes: %d %d, input line mode %s, buffer info %d width > 0 %s\n", m, im,
           imode & ENABLE_LINE_INPUT ? "yes" : "no", sb, info.dwSize.X > 0 ? "yes" : "no");
    fflush(stdout);
    SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_INTENSITY);
    DWORD n;
    WriteConsoleW(out, L"red\n", 4, &n, NULL);
    SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE);
    printf("attribute back to default: %d\n", sb && info.wAttributes == 7);
    return 0;
}

static int fmt(void)
{
    char buf[256];
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 2, 0, buf, sizeof buf, NULL);
    buf[strcspn(buf, "\r\n")] = 0;
    printf("system 2: %lu [%s]\n", n, buf);
    WCHAR *w = NULL;
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS,
                       NULL, ERROR_ACCESS_DENIED, 0, (LPWSTR)&w, 0, NULL);
    w[wcscspn(w, L"\r\n")] = 0;
    printf("system 5 (allocated, wide): %lu [%ls]\n", n, w);
    LocalFree(w);
    DWORD_PTR args[] = { (DWORD_PTR)"apples", 12, 255 };
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1 x%2!d! %3!04X!%%%n", 0, 0,
                       buf, sizeof buf, (va_list *)args);
    char *crlf = strstr(buf, "\r\n");
    printf("from string: %lu, ends with CRLF %s", n, crlf && !crlf[2] ? "yes" : "no");
    if (crlf)
        *crlf = 0;
    printf(" [%s]\n", buf);
    SetLastError(0);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x12345, 0, buf, sizeof buf, NULL);
    printf("unknown id: %lu error %lu\n", n, GetLastError());
    return 0;
}

static BOOL WINAPI on_ctrl(DWORD ev)
{
    printf("handler: event %lu on another thread %s\n", ev, GetCurrentThreadId() != (DWORD)(ULONG_PTR)0 ? "yes" : "no");
    fflush(stdout);
    return TRUE;
}

static int ctrl(void)
{
    SetConsoleCtrlHandler(on_ctrl, TRUE);
    GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0);
    Sleep(300);
    printf("still running after a handled Ctrl+C\n");
    return 0;
}

static volatile LONG got_ctrl;

static BOOL WINAPI note_ctrl(DWORD ev)
{
    InterlockedExchange(&got_ctrl, (LONG)ev + 1);
    return TRUE;
}

/* Wait for a real SIGINT from outside (the test sends it). */
static int ctrl_signal(void)
{
    SetConsoleCtrlHandler(note_ctrl, TRUE);
    printf("ready\n");
    fflush(stdout);
    for (int i = 0; i < 500 && !got_ctrl; i++)
        Sleep(10);
    printf("host SIGINT became event %ld, handled\n", got_ctrl - 1);
    return 0;
}

static int files(void)
{
    WCHAR tmp[MAX_PATH], dir[MAX_PATH], a[MAX_PATH], b[MAX_PATH];
    GetTempPathW(MAX_PATH, tmp);
    swprintf(dir, MAX_PATH, L"%lsprobe_%lu", tmp, GetCurrentProcessId());
    CreateDirectoryW(dir, NULL);
    swprintf(a, MAX_PATH, L"%ls\\Data.TXT", dir);
    HANDLE h = CreateFileW(a, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_NEW, 0, NULL);
    DWORD n;
    WriteFile(h, "0123456789", 10, &n, NULL);
    swprintf(b, MAX_PATH, L"%ls\\data.txt", dir);
    HANDLE h2 = CreateFileW(b, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    printf("case-insensitive open: %s\n", h2 != INVALID_HANDLE_VALUE ? "yes" : "no");
    OVERLAPPED o;
    ZeroMemory(&o, sizeof o);
    o.Offset = 4;
    char buf[16] = "";
    SetLastError(0);
    BOOL ok = ReadFile(h2, buf, 3, &n, &o);
    LARGE_INTEGER zero = { 0 }, pos;
    SetFilePointerEx(h2, zero, &pos, FILE_CURRENT);
    printf("ReadFile at offset 4: %d [%.3s], pointer now %lld\n", ok, buf, pos.QuadPart);
    o.Offset = 10;
    ok = ReadFile(h2, buf, 3, &n, &o);
    printf("ReadFile at the end: %d error %lu\n", ok, GetLastError());
    ZeroMemory(&o, sizeof o);
    printf("LockFileEx exclusive 0..5: %d\n", LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 5, 0, &o));
    SetFilePointer(h2, 0, NULL, FILE_BEGIN);
    ok = ReadFile(h2, buf, 3, &n, NULL);
    printf("read of the locked range through another handle: %d error %lu\n", ok, GetLastError());
    BOOL l2 = LockFileEx(h2, LOCKFILE_FAIL_IMMEDIATELY, 0, 2, 0, &o);
    printf("second lock: %d error %lu\n", l2, GetLastError());
    BOOL u1 = UnlockFileEx(h, 0, 5, 0, &o), u2 = UnlockFileEx(h, 0, 5, 0, &o);
    printf("UnlockFileEx: %d, again: %d error %lu\n", u1, u2, GetLastError());
    WCHAR final[MAX_PATH];
    DWORD fl = GetFinalPathNameByHandleW(h, final, MAX_PATH, 0);
    printf("final path starts with \\\\?\\ and ends with \\Data.TXT: %s\n",
           fl && !wcsncmp(final, L"\\\\?\\", 4) && !wcscmp(final + fl - 9, L"\\Data.TXT") ? "yes" : "no");
    CloseHandle(h2);
    CloseHandle(h);
    WIN32_FIND_DATAW fd;
    swprintf(b, MAX_PATH, L"%ls\\*.txt", dir);
    HANDLE f = FindFirstFileW(b, &fd);
    printf("FindFirstFile *.txt finds [%ls]\n", f != INVALID_HANDLE_VALUE ? fd.cFileName : L"(none)");
    FindClose(f);
    swprintf(b, MAX_PATH, L"%ls\\tmp.del", dir);
    h = CreateFileW(b, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    printf("delete-on-close exists while open: %s", GetFileAttributesW(b) != INVALID_FILE_ATTRIBUTES ? "yes" : "no");
    CloseHandle(h);
    printf(", after close: %s\n", GetFileAttributesW(b) == INVALID_FILE_ATTRIBUTES ? "gone" : "still there");
    h = CreateFileW(dir, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    printf("directory without BACKUP_SEMANTICS: error %lu\n", h == INVALID_HANDLE_VALUE ? GetLastError() : 0);
    h = CreateFileW(dir, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    BY_HANDLE_FILE_INFORMATION info;
    GetFileInformationByHandle(h, &info);
    printf("directory with BACKUP_SEMANTICS: directory %d\n", (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0);
    CloseHandle(h);
    swprintf(b, MAX_PATH, L"%ls\\link.txt", dir);
    BOOL hl = CreateHardLinkW(b, a, NULL);
    printf("CreateHardLinkW: %d", hl);
    WIN32_FILE_ATTRIBUTE_DATA ad;
    GetFileAttributesExW(b, GetFileExInfoStandard, &ad);
    printf(", size through the link %lu\n", ad.nFileSizeLow);
    DeleteFileW(b);
    ULARGE_INTEGER avail, total;
    total.QuadPart = 0;
    BOOL df = GetDiskFreeSpaceExW(tmp, &avail, &total, NULL);
    printf("GetDiskFreeSpaceExW: %d, total > 0 %s\n", df, total.QuadPart > 0 ? "yes" : "no");
    WCHAR fs[32];
    GetVolumeInformationW(L"Z:\\", NULL, 0, NULL, NULL, NULL, fs, 32);
    printf("GetDriveTypeW(Z:\\) %u, file system %ls, Z: in GetLogicalDrives %s\n", GetDriveTypeW(L"Z:\\"), fs,
           GetLogicalDrives() & (1u << 25) ? "yes" : "no");
    printf("GetDriveTypeW(Q:\\) %u\n", GetDriveTypeW(L"Q:\\"));
    DeleteFileW(a);
    RemoveDirectoryW(dir);
    return 0;
}

/* LoadLibraryEx search flags (side.dll lies next to the probe). */
static int loadflags(void)
{
    HMODULE a = LoadLibraryExA("side.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    printf("side.dll, system32 only: %s error %lu\n", a ? "loaded" : "NULL", GetLastError());
    HMODULE b = LoadLibraryExA("side.dll", NULL, 0);
    printf("side.dll, default search: %s\n", b ? "loaded" : "NULL");
    HMODULE c = LoadLibraryExW(L"side.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    printf("side.dll once loaded, system32 only: same handle %s\n", c && c == b ? "yes" : "no");
    HMODULE k = LoadLibraryExA("kernel32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    printf("kernel32.dll, system32 only: %s\n", k == GetModuleHandleA("kernel32.dll") ? "loaded" : "NULL");
    return 0;
}

/* Print WHAT: the pointer P and the last error, read right after the call. */
static void said(const char *what, const void *p)
{
    DWORD e = GetLastError();
    printf("%s: %p error %lu\n", what, p, e);
}

static DWORD WINAPI idle_thread(LPVOID ev)
{
    WaitForSingleObject((HANDLE)ev, INFINITE);
    return 0;
}

/* Toolhelp snapshots: this process, its parent, a thread it started. */
static int toolhelp(void)
{
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    DWORD tid = 0;
    HANDLE t = CreateThread(NULL, 0, idle_thread, ev, 0, &tid);
    HANDLE s = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS | TH32CS_SNAPTHREAD, 0);
    PROCESSENTRY32W pe;
    pe.dwSize = 0;
    printf("Process32FirstW with dwSize 0 fails: %s\n", Process32FirstW(s, &pe) ? "no" : "yes");
    pe.dwSize = sizeof pe;
    DWORD me = GetCurrentProcessId(), parent = 0, threads = 0;
    int seen_me = 0, seen_parent = 0;
    char name[MAX_PATH] = "";
    for (BOOL ok = Process32FirstW(s, &pe); ok; ok = Process32NextW(s, &pe))
        if (pe.th32ProcessID == me) {
            seen_me = 1, parent = pe.th32ParentProcessID, threads = pe.cntThreads;
            WideCharToMultiByte(CP_UTF8, 0, pe.szExeFile, -1, name, sizeof name, NULL, NULL);
        }
    DWORD end_err = GetLastError();
    for (BOOL ok = Process32FirstW(s, &pe); ok; ok = Process32NextW(s, &pe))
        seen_parent |= parent && pe.th32ProcessID == parent;
    printf("this process listed: %s, as %s, threads >= 2: %s, its parent listed: %s\n", seen_me ? "yes" : "no",
           name, threads >= 2 ? "yes" : "no", seen_parent ? "yes" : "no");
    printf("after the last process: error %lu\n", end_err);
    PROCESSENTRY32 pa;
    pa.dwSize = sizeof pa;
    char name_a[MAX_PATH] = "";
    for (BOOL ok = Process32First(s, &pa); ok; ok = Process32Next(s, &pa))
        if (pa.th32ProcessID == me)
            strcpy(name_a, pa.szExeFile);
    printf("the ANSI list names it %s\n", name_a);
    THREADENTRY32 te;
    te.dwSize = sizeof te;
    int found = 0;
    for (BOOL ok = Thread32First(s, &te); ok; ok = Thread32Next(s, &te))
        found |= te.th32ThreadID == tid && te.th32OwnerProcessID == me;
    printf("the new thread listed under this process: %s\n", found ? "yes" : "no");
    CloseHandle(s);
    SetEvent(ev);
    WaitForSingleObject(t, INFINITE);
    return 0;
}

/* psapi: processes and their images, this one's and a child's. */
typedef BOOL (WINAPI *enum_fn)(DWORD *, DWORD, DWORD *);
typedef DWORD (WINAPI *modname_fn)(HANDLE, HMODULE, LPWSTR, DWORD);
typedef BOOL (WINAPI *meminfo_fn)(HANDLE, void *, DWORD);

static int psapi(void)
{
    HMODULE ps = LoadLibraryA("psapi.dll");
    enum_fn en = (enum_fn)(void *)GetProcAddress(ps, "EnumProcesses");
    modname_fn file_ex = (modname_fn)(void *)GetProcAddress(ps, "GetModuleFileNameExW");
    modname_fn base = (modname_fn)(void *)GetProcAddress(ps, "GetModuleBaseNameW");
    meminfo_fn mem = (meminfo_fn)(void *)GetProcAddress(ps, "GetProcessMemoryInfo");
    printf("psapi.dll functions found: %s\n", ps && en && file_ex && base && mem ? "yes" : "no");
    if (!(ps && en && file_ex && base && mem))
        return 1;
    static DWORD ids[65536];
    DWORD got = 0, me = GetCurrentProcessId();
    int found = 0;
    BOOL ok = en(ids, sizeof ids, &got);
    for (DWORD i = 0; i < got / sizeof ids[0]; i++)
        found |= ids[i] == me;
    printf("EnumProcesses: %d, this process in it: %s\n", ok, found ? "yes" : "no");
    WCHAR a[MAX_PATH], b[MAX_PATH], c[MAX_PATH];
    GetModuleFileNameW(NULL, a, MAX_PATH);
    file_ex(GetCurrentProcess(), NULL, b, MAX_PATH);
    base(GetCurrentProcess(), NULL, c, MAX_PATH);
    printf("GetModuleFileNameExW is GetModuleFileNameW: %s, base name %ls\n", wcscmp(a, b) ? "no" : "yes", c);
    STARTUPINFOW si = { sizeof si };
    PROCESS_INFORMATION pi;
    WCHAR cmd[MAX_PATH + 16];
    swprintf(cmd, MAX_PATH + 16, L"\"%ls\" sleep", a);
    if (CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        Sleep(300);
        DWORD n = MAX_PATH;
        ok = QueryFullProcessImageNameW(pi.hProcess, 0, b, &n);
        printf("the child's image: %d, same program: %s\n", ok, ok && !wcscmp(a, b) ? "yes" : "no");
        n = file_ex(pi.hProcess, NULL, c, MAX_PATH);
        printf("GetModuleFileNameExW of the child: same program: %s\n", n && !wcscmp(a, c) ? "yes" : "no");
        TerminateProcess(pi.hProcess, 3);
        WaitForSingleObject(pi.hProcess, INFINITE);
        CloseHandle(pi.hProcess), CloseHandle(pi.hThread);
    }
    struct { DWORD cb, faults; SIZE_T peak, ws, a, b, c, d, e, f; } pmc = { 0 };
    ok = mem(GetCurrentProcess(), &pmc, sizeof pmc);
    printf("GetProcessMemoryInfo: %d, working set > 0: %s\n", ok, pmc.ws > 0 ? "yes" : "no");
    return 0;
}

/* Access tokens and SIDs, and the profile directory (userenv). */
typedef BOOL (WINAPI *profile_fn)(HANDLE, LPWSTR, LPDWORD);

static int tokens(void)
{
    HANDLE tok = NULL;
    BOOL ok = OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok);
    printf("OpenProcessToken: %d\n", ok);
    DWORD need = 0;
    ok = GetTokenInformation(tok, TokenUser, NULL, 0, &need);
    DWORD err = GetLastError();
    printf("TokenUser without a buffer: %d error %lu, needs more than 16 bytes: %s\n", ok, err, need > 16 ? "yes" : "no");
    BYTE buf[256];
    ok = GetTokenInformation(tok, TokenUser, buf, sizeof buf, &need);
    PSID sid = ((TOKEN_USER *)buf)->User.Sid;
    BYTE copy[64];
    BOOL copied = CopySid(sizeof copy, copy, sid);
    printf("TokenUser: %d, valid SID %d, its length %s, copy %d, equal %d\n", ok, IsValidSid(sid),
           GetLengthSid(sid) == 8 + 4 * (DWORD)((BYTE *)sid)[1] ? "from its count" : "wrong",
           copied, EqualSid(copy, sid));
    printf("CopySid into 4 bytes fails: %s\n", CopySid(4, copy, sid) ? "no" : "yes");
    TOKEN_ELEVATION_TYPE type;
    ok = GetTokenInformation(tok, TokenElevationType, &type, sizeof type, &need);
    printf("TokenElevationType: %d, %d bytes\n", ok, (int)need);
    HANDLE th = NULL;
    ok = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &th);
    err = GetLastError();
    printf("OpenThreadToken without impersonation: %d error %lu\n", ok, err);
    profile_fn prof = (profile_fn)(void *)GetProcAddress(LoadLibraryA("userenv.dll"), "GetUserProfileDirectoryW");
    WCHAR dir[MAX_PATH], env[MAX_PATH];
    DWORD size = 1;
    ok = prof(tok, dir, &size);
    err = GetLastError();
    printf("GetUserProfileDirectoryW, 1 char: %d error %lu, size asked %s\n", ok, err,
           size == GetEnvironmentVariableW(L"USERPROFILE", env, MAX_PATH) + 1 ? "is USERPROFILE's + 1" : "differs");
    size = MAX_PATH;
    ok = prof(tok, dir, &size);
    printf("GetUserProfileDirectoryW: %d, is %%USERPROFILE%%: %s\n", ok, !wcscmp(dir, env) ? "yes" : "no");
    CloseHandle(tok);
    return 0;
}

/* NtCreateFile/NtOpenFile as Rust's std calls them: names relative to an
 * open directory, NT paths, dispositions and the options that decide
 * whether a file or a directory may be opened. */
typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } NT_USTR;
typedef struct { ULONG Length; HANDLE RootDirectory; NT_USTR *ObjectName; ULONG Attributes; PVOID sd, qos; } NT_OA;
typedef struct { LONG Status; ULONG_PTR Information; } NT_IOSB;
typedef LONG (WINAPI *nt_create_fn)(HANDLE *, DWORD, NT_OA *, NT_IOSB *, LARGE_INTEGER *, ULONG, ULONG,
                                    ULONG, ULONG, PVOID, ULONG);
typedef LONG (WINAPI *nt_open_fn)(HANDLE *, DWORD, NT_OA *, NT_IOSB *, ULONG, ULONG);

static LONG nt_create(HANDLE root, const WCHAR *name, DWORD access, ULONG disp, ULONG opts, HANDLE *h,
                      ULONG_PTR *info)
{
    static nt_create_fn fn;
    if (!fn)
        fn = (nt_create_fn)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtCreateFile");
    NT_USTR us = { (USHORT)(wcslen(name) * 2), (USHORT)(wcslen(name) * 2), (PWSTR)name };
    NT_OA oa = { sizeof oa, root, &us, 0x40 /* OBJ_CASE_INSENSITIVE */, NULL, NULL };
    NT_IOSB io = { -1, 99 };
    *h = NULL;
    LONG st = fn(h, access | SYNCHRONIZE, &oa, &io, NULL, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                 disp, opts | 0x20 /* FILE_SYNCHRONOUS_IO_NONALERT */, NULL, 0);
    *info = io.Information;
    return st;
}

static int ntopen(void)
{
    CreateDirectoryA("d", NULL);
    HANDLE dir = CreateFileA(".", FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                             NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    HANDLE h;
    ULONG_PTR info;
    LONG st = nt_create(dir, L"n.txt", GENERIC_WRITE, 2 /* FILE_CREATE */, 0x40, &h, &info);
    DWORD n = 0;
    if (!st)
        WriteFile(h, "abc", 3, &n, NULL), CloseHandle(h);
    printf("create relative to a directory: %08lx information %lu, wrote %lu\n", st, (unsigned long)info, n);
    st = nt_create(dir, L"n.txt", GENERIC_WRITE, 2, 0x40, &h, &info);
    printf("create it again: %08lx\n", st);
    st = nt_create(dir, L"n.txt", GENERIC_READ, 3 /* FILE_OPEN_IF */, 0x40, &h, &info);
    printf("open-if an existing file: %08lx information %lu\n", st, (unsigned long)info);
    if (!st)
        CloseHandle(h);
    st = nt_create(dir, L"n.txt", GENERIC_READ, 1 /* FILE_OPEN */, 0x1 /* FILE_DIRECTORY_FILE */, &h, &info);
    printf("a file opened as a directory: %08lx\n", st);
    st = nt_create(dir, L"d", GENERIC_READ, 1, 0x40 /* FILE_NON_DIRECTORY_FILE */, &h, &info);
    printf("a directory opened as a file: %08lx\n", st);
    st = nt_create(dir, L"missing.txt", GENERIC_READ, 1, 0, &h, &info);
    printf("a missing file: %08lx\n", st);
    st = nt_create(dir, L"nodir\\x.txt", GENERIC_READ, 1, 0, &h, &info);
    printf("in a missing directory: %08lx\n", st);
    WCHAR full[MAX_PATH + 8] = L"\\??\\";
    GetFullPathNameW(L"n.txt", MAX_PATH, full + 4, NULL);
    static nt_open_fn open_fn;
    open_fn = (nt_open_fn)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtOpenFile");
    NT_USTR us = { (USHORT)(wcslen(full) * 2), (USHORT)(wcslen(full) * 2), full };
    NT_OA oa = { sizeof oa, NULL, &us, 0x40, NULL, NULL };
    NT_IOSB io;
    st = open_fn(&h, DELETE | SYNCHRONIZE, &oa, &io, FILE_SHARE_READ | FILE_SHARE_DELETE, 0x1000 /* FILE_DELETE_ON_CLOSE */ | 0x20);
    if (!st)
        CloseHandle(h);
    printf("NtOpenFile by NT path, delete on close: %08lx, file left: %s\n", st,
           GetFileAttributesA("n.txt") == INVALID_FILE_ATTRIBUTES ? "no" : "yes");
    CloseHandle(dir);
    return 0;
}

/* File mappings, with what Microsoft documents for each case. */
static int filemap(void)
{
    HANDLE f = CreateFileA("map.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(f, "hello", 5, &n, NULL);
    HANDLE m = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 0, NULL);
    char *v = m ? MapViewOfFile(m, FILE_MAP_ALL_ACCESS, 0, 0, 0) : NULL;
    printf("file view: %.5s, 64K-aligned %s\n", v ? v : "(none)", v && ((ULONG_PTR)v & 0xffff) == 0 ? "yes" : "no");
    if (v) {
        memcpy(v, "HELLO", 5);
        FlushViewOfFile(v, 0);
        printf("unmap: %d\n", UnmapViewOfFile(v + 2));
    }
    CloseHandle(m);
    char back[8] = "";
    SetFilePointer(f, 0, NULL, FILE_BEGIN);
    ReadFile(f, back, 5, &n, NULL);
    printf("file after the view wrote it: %.5s\n", back);
    m = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 8192, NULL);
    printf("a larger writable mapping grows the file to %lu\n", GetFileSize(f, NULL));
    char *c = MapViewOfFile(m, FILE_MAP_COPY, 0, 0, 5);
    if (c)
        c[0] = 'J';
    char *r = MapViewOfFile(m, FILE_MAP_READ, 0, 0, 5);
    printf("copy-on-write view %.5s, shared view %.5s\n", c ? c : "-", r ? r : "-");
    said("offset not on 64K", MapViewOfFile(m, FILE_MAP_READ, 0, 4096, 5));
    said("view past the end", MapViewOfFile(m, FILE_MAP_READ, 0, 0, 9000));
    UnmapViewOfFile(c), UnmapViewOfFile(r);
    CloseHandle(m);
    HANDLE ro = CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 0, NULL);
    said("write view of a read-only mapping", MapViewOfFile(ro, FILE_MAP_WRITE, 0, 0, 0));
    said("read-only mapping larger than the file", CreateFileMappingA(f, NULL, PAGE_READONLY, 0, 1 << 20, NULL));
    CloseHandle(ro);
    CloseHandle(f);
    HANDLE e = CreateFileA("empty.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    said("empty file, no size", CreateFileMappingA(e, NULL, PAGE_READWRITE, 0, 0, NULL));
    CloseHandle(e);
    HANDLE a = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536, "xeno-shared");
    HANDLE b = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536, "xeno-shared");
    DWORD err = GetLastError();
    HANDLE o = OpenFileMappingA(FILE_MAP_READ, FALSE, "xeno-shared");
    char *va = MapViewOfFile(a, FILE_MAP_WRITE, 0, 0, 0), *vo = MapViewOfFile(o, FILE_MAP_READ, 0, 0, 0);
    if (va)
        strcpy(va + 100, "through the name");
    printf("paging-file section: second create error %lu, view by name reads [%s]\n", err, vo ? vo + 100 : "-");
    BOOL ok = UnmapViewOfFile((void *)0x1234);
    DWORD ue = GetLastError();
    printf("unmap a bad address: %d error %lu\n", ok, ue);
    said("open a missing name", OpenFileMappingA(FILE_MAP_READ, FALSE, "xeno-none"));
    UnmapViewOfFile(va), UnmapViewOfFile(vo);
    CloseHandle(a), CloseHandle(b), CloseHandle(o);
    return 0;
}

static int misc(void)
{
    OSVERSIONINFOW vi = { sizeof vi };
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    GetVersionExW(&vi);
    printf("GetVersionExW without a manifest: %lu.%lu build %lu\n", vi.dwMajorVersion, vi.dwMinorVersion,
           vi.dwBuildNumber);
    TIME_ZONE_INFORMATION tz;
    DWORD id = GetTimeZoneInformation(&tz);
    printf("time zone: id %s bias %ld daylight bias %ld, DST from month %u (week %u) to month %u (week %u) at %u:00\n",
           id == TIME_ZONE_ID_STANDARD || id == TIME_ZONE_ID_DAYLIGHT ? "standard-or-daylight" : "other", tz.Bias,
           tz.DaylightBias, tz.DaylightDate.wMonth, tz.DaylightDate.wDay, tz.StandardDate.wMonth,
           tz.StandardDate.wDay, tz.StandardDate.wHour);
    SYSTEMTIME utc = { 2024, 7, 0, 4, 16, 30, 0, 0 }, local;
    SystemTimeToTzSpecificLocalTime(NULL, &utc, &local);
    printf("2024-07-04 16:30 UTC is %02u:%02u local\n", local.wHour, local.wMinute);
    HKEY k;
    printf("RegOpenKeyExW(HKLM\\Software\\Xeno): %ld\n",
           RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Xeno", 0, KEY_READ, &k));
    WCHAR path[MAX_PATH];
    HRESULT hr = SHGetFolderPathW(NULL, CSIDL_APPDATA, NULL, 0, path);
    printf("SHGetFolderPathW(CSIDL_APPDATA): 0x%lx ends with \\AppData\\Roaming %s\n", hr,
           wcslen(path) > 16 && !wcscmp(path + wcslen(path) - 16, L"\\AppData\\Roaming") ? "yes" : "no");
    int c1 = CompareStringW(LOCALE_USER_DEFAULT, 0, L"a", -1, L"B", -1);
    int c2 = CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, L"abc", -1, L"ABC", -1);
    printf("CompareStringW(a, B): %d, ignore case (abc, ABC): %d\n", c1, c2);
    WCHAR up[8];
    LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_UPPERCASE, L"\u00e9t\u00e9", -1, up, 8);
    printf("LCMapStringW upper: %04x %04x %04x\n", up[0], up[1], up[2]);
    char var[64];
    SetEnvironmentVariableA("Xeno_Mixed_Case", "v1");
    GetEnvironmentVariableA("XENO_MIXED_CASE", var, sizeof var);
    printf("environment names ignore case: [%s]\n", var);
    SYSTEM_INFO si;
    GetNativeSystemInfo(&si);
    printf("page %lu granularity %lu architecture %u\n", si.dwPageSize, si.dwAllocationGranularity,
           si.wProcessorArchitecture);
    UINT wow = GetSystemWow64DirectoryW(path, MAX_PATH);
    printf("GetSystemWow64DirectoryW: %u error %lu\n", wow, GetLastError());
    return 0;
}

/* Bad pointers from the program: errors, not crashes. */
static int badptr(void)
{
    void *bad = (void *)(ULONG_PTR)0x10;
    HANDLE r, w;
    CreatePipe(&r, &w, NULL, 0);
    DWORD n = 77;
    SetLastError(0);
    BOOL ok = WriteFile(w, bad, 8, &n, NULL);
    printf("WriteFile from a bad buffer: %d error %lu\n", ok, GetLastError());
    WriteFile(w, "x", 1, &n, NULL);
    SetLastError(0);
    ok = ReadFile(r, bad, 8, &n, NULL);
    printf("ReadFile into a bad buffer: %d error %lu\n", ok, GetLastError());
    SetLastError(0);
    DWORD wr = WaitForMultipleObjects(2, bad, FALSE, 0);
    printf("WaitForMultipleObjects with a bad array: 0x%lx error %lu\n", wr, GetLastError());
    SetLastError(0);
    ok = DuplicateHandle(GetCurrentProcess(), r, GetCurrentProcess(), bad, 0, FALSE, DUPLICATE_SAME_ACCESS);
    printf("DuplicateHandle into a bad pointer: %d error %lu\n", ok, GetLastError());
    return 0;
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, self, MAX_PATH);
    const char *m = argc > 1 ? argv[1] : "";
    if (!strcmp(m, "exitcode"))
        ExitProcess((UINT)strtoul(argv[2], NULL, 16));
    if (!strcmp(m, "sleep"))
        Sleep(30000);
    if (!strcmp(m, "ctrl-default")) {
        GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0);
        Sleep(5000);
        return 1;
    }
    if (!strcmp(m, "write-handles"))
        return write_handles(argv);
    struct { const char *name; int (*fn)(void); } modes[] = {
        { "processes", processes }, { "inherit", inherit }, { "waits", waits }, { "suspend", suspend }, { "suspend-stress", suspend_stress },
        { "fmt", fmt }, { "ctrl", ctrl }, { "files", files }, { "misc", misc }, { "badptr", badptr }, { "loadflags", loadflags }, { "filemap", filemap }, { "toolhelp", toolhelp }, { "ntopen", ntopen }, { "tokens", tokens }, { "psapi", psapi },
        { "ctrl-signal", ctrl_signal }, { "console", console },
    };
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        if (!strcmp(m, modes[i].name))
            return modes[i].fn();
    return 2;
}
