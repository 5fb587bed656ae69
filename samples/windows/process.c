/* process.c — creating and watching other processes with CreateProcessW:
 * the program finds its own path with GetModuleFileNameW and starts
 *  - a sibling sample (hello.exe, or hello-ucrt.exe for the UCRT build)
 *    with quoted arguments, its stdout captured through a pipe given as
 *    STARTF_USESTDHANDLES, and its exit code from GetExitCodeProcess;
 *  - itself in child modes: talking over stdin/stdout pipes (the parent
 *    first sees STILL_ACTIVE and WAIT_TIMEOUT), with a custom UTF-16
 *    environment block and current directory, and sleeping until
 *    TerminateProcess ends it with a chosen code;
 *  - the sibling seh.exe in its "filter" mode, which dies of an access
 *    violation: exit code 0xC0000005;
 *  - a missing program (ERROR_FILE_NOT_FOUND).
 * Child output lines are printed with a "child:" prefix.  Needs hello.exe
 * and seh.exe (same flavour) in the same directory.  Windows only.
 * Exit status: 0 if every exit code was as expected, else 1.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * own path is absolute: yes
 * -- sibling hello with arguments
 * started: pid matches GetProcessId yes, differs from ours yes
 * child: hello from a Windows-built program
 * child: arg 1: [7]
 * child: arg 2: [two words]
 * child: arg 3: [say "hi"]
 * hello: exit code 7 (0x7)
 * -- self as an echo child over pipes
 * started: pid matches GetProcessId yes, differs from ours yes
 * while it waits for input: exit code STILL_ACTIVE, wait WAIT_TIMEOUT
 * child: echo: first line
 * child: echo: second line
 * echo child: exit code 5 (0x5)
 * -- environment block and current directory
 * started: pid matches GetProcessId yes, differs from ours yes
 * child: XENO_CHILD_VAR=from the parent
 * child: XENO_PARENT_ONLY is unset
 * child: current directory as requested: yes
 * env child: exit code 0 (0x0)
 * -- TerminateProcess
 * started sleeper: 1, wait 100 ms: WAIT_TIMEOUT
 * TerminateProcess: 1
 * terminated child: exit code 99 (0x63)
 * -- sibling seh with an unhandled access violation
 * started: pid matches GetProcessId yes, differs from ours yes
 * child: unhandled filter: code c0000005, write at 0x40
 * crashing child: exit code 3221225477 (0xc0000005)
 * -- missing program
 * CreateProcessW: 0 error 2
 * failures: 0
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static WCHAR self[MAX_PATH], dir[MAX_PATH], flavour[16];
static int failures;

/* Run cmdline with stdin/stdout pipes; returns the exit code. */
static DWORD run(const WCHAR *app, WCHAR *cmdline, WCHAR *env, const WCHAR *cwd, const char *input, int expect_wait)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE out_r, out_w, in_r, in_w;
    CreatePipe(&out_r, &out_w, &sa, 0);
    CreatePipe(&in_r, &in_w, &sa, 0);
    SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);   /* parent ends stay private */
    SetHandleInformation(in_w, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW si;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_r;
    si.hStdOutput = out_w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    BOOL ok = CreateProcessW(app, cmdline, NULL, NULL, TRUE, env ? CREATE_UNICODE_ENVIRONMENT : 0, env, cwd, &si, &pi);
    CloseHandle(out_w);
    CloseHandle(in_r);
    if (!ok) {
        printf("CreateProcessW failed: error %lu\n", GetLastError());
        CloseHandle(out_r);
        CloseHandle(in_w);
        return (DWORD)-1;
    }
    printf("started: pid matches GetProcessId %s, differs from ours %s\n",
           GetProcessId(pi.hProcess) == pi.dwProcessId ? "yes" : "no",
           pi.dwProcessId != GetCurrentProcessId() ? "yes" : "no");
    DWORD code;
    if (expect_wait) {
        GetExitCodeProcess(pi.hProcess, &code);
        DWORD w = WaitForSingleObject(pi.hProcess, 50);
        printf("while it waits for input: exit code %s, wait %s\n", code == STILL_ACTIVE ? "STILL_ACTIVE" : "other",
               w == WAIT_TIMEOUT ? "WAIT_TIMEOUT" : "other");
    }
    DWORD n;
    if (input)
        WriteFile(in_w, input, (DWORD)strlen(input), &n, NULL);
    CloseHandle(in_w);

    char buf[4096];
    size_t len = 0;
    while (len < sizeof buf - 1 && ReadFile(out_r, buf + len, (DWORD)(sizeof buf - 1 - len), &n, NULL) && n)
        len += n;
    buf[len] = 0;
    CloseHandle(out_r);
    int at_line_start = 1;
    for (char *p = buf; *p; p++) {                  /* drop the child's CRs */
        if (*p == '\r')
            continue;
        if (at_line_start)
            printf("child: ");
        putchar(*p);
        at_line_start = *p == '\n';
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return code;
}

static void expect(const char *what, DWORD code, DWORD want)
{
    printf("%s: exit code %lu (0x%lx)%s\n", what, code, code, code == want ? "" : " UNEXPECTED");
    failures += code != want;
}

static int child(const char *mode)
{
    if (strcmp(mode, "child-echo") == 0) {
        char line[128];
        while (fgets(line, sizeof line, stdin))
            printf("echo: %s", line);
        return 5;
    }
    if (strcmp(mode, "child-env") == 0) {
        const char *v = getenv("XENO_CHILD_VAR"), *cwd_want = getenv("XENO_EXPECT_CWD");
        printf("XENO_CHILD_VAR=%s\n", v ? v : "(unset)");
        printf("XENO_PARENT_ONLY is %s\n", getenv("XENO_PARENT_ONLY") ? "set" : "unset");
        char cwd[MAX_PATH];
        GetCurrentDirectoryA(sizeof cwd, cwd);
        printf("current directory as requested: %s\n", cwd_want && _stricmp(cwd, cwd_want) == 0 ? "yes" : "no");
        return 0;
    }
    if (strcmp(mode, "child-sleep") == 0) {
        Sleep(30000);
        return 3;
    }
    return 2;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strncmp(argv[1], "child-", 6) == 0)
        return child(argv[1]);

    GetModuleFileNameW(NULL, self, MAX_PATH);
    wcscpy(dir, self);
    WCHAR *slash = wcsrchr(dir, L'\\');
    *slash = 0;
    size_t sl = wcslen(self);
    wcscpy(flavour, sl > 9 && _wcsicmp(self + sl - 9, L"-ucrt.exe") == 0 ? L"-ucrt" : L"");
    printf("own path is absolute: %s\n", self[1] == L':' && self[2] == L'\\' ? "yes" : "no");

    WCHAR app[MAX_PATH], cmd[1024];
    swprintf(app, MAX_PATH, L"%ls\\hello%ls.exe", dir, flavour);
    swprintf(cmd, 1024, L"\"%ls\" 7 \"two words\" \"say \\\"hi\\\"\"", app);
    printf("-- sibling hello with arguments\n");
    expect("hello", run(app, cmd, NULL, NULL, NULL, 0), 7);

    printf("-- self as an echo child over pipes\n");
    swprintf(cmd, 1024, L"\"%ls\" child-echo", self);
    expect("echo child", run(NULL, cmd, NULL, NULL, "first line\nsecond line\n", 1), 5);

    printf("-- environment block and current directory\n");
    SetEnvironmentVariableW(L"XENO_PARENT_ONLY", L"1");
    WCHAR tmp[MAX_PATH];
    GetTempPathW(MAX_PATH, tmp);
    size_t tl = wcslen(tmp);
    if (tl > 3 && tmp[tl - 1] == L'\\')
        tmp[tl - 1] = 0;
    WCHAR env[2048], *e = env;
    WCHAR sysroot[MAX_PATH] = L"C:\\windows";
    GetEnvironmentVariableW(L"SystemRoot", sysroot, MAX_PATH);
    e += swprintf(e, 256, L"SystemRoot=%ls", sysroot) + 1;
    e += swprintf(e, 256, L"XENO_CHILD_VAR=from the parent") + 1;
    e += swprintf(e, 512, L"XENO_EXPECT_CWD=%ls", tmp) + 1;
    *e = 0;
    swprintf(cmd, 1024, L"\"%ls\" child-env", self);
    expect("env child", run(NULL, cmd, env, tmp, NULL, 0), 0);

    printf("-- TerminateProcess\n");
    STARTUPINFOW si;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    PROCESS_INFORMATION pi;
    swprintf(cmd, 1024, L"\"%ls\" child-sleep", self);
    BOOL ok = CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    printf("started sleeper: %d, wait 100 ms: %s\n", ok,
           WaitForSingleObject(pi.hProcess, 100) == WAIT_TIMEOUT ? "WAIT_TIMEOUT" : "other");
    printf("TerminateProcess: %d\n", TerminateProcess(pi.hProcess, 99));
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code;
    GetExitCodeProcess(pi.hProcess, &code);
    expect("terminated child", code, 99);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);

    printf("-- sibling seh with an unhandled access violation\n");
    swprintf(app, MAX_PATH, L"%ls\\seh%ls.exe", dir, flavour);
    swprintf(cmd, 1024, L"\"%ls\" filter", app);
    expect("crashing child", run(app, cmd, NULL, NULL, NULL, 0), 0xC0000005);

    printf("-- missing program\n");
    swprintf(app, MAX_PATH, L"%ls\\xeno_no_such_program.exe", dir);
    ok = CreateProcessW(app, NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    printf("CreateProcessW: %d error %lu\n", ok, GetLastError());
    printf("failures: %d\n", failures);
    return failures ? 1 : 0;
}
