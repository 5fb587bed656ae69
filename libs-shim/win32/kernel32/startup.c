/* startup.c — kernel32's part of starting a Windows process
 * (w32_std_handles_init, called by process.c once the process
 * parameters exist): what a parent xeno passed down, the standard
 * handles, the environment block, and host settings a Windows program
 * expects (SIGPIPE ignored: writes to a closed pipe fail with
 * ERROR_NO_DATA instead of killing the process).
 *
 * A parent xeno (CreateProcess, procspawn.c) passes, in the environment
 * and consumed here before the program can see them:
 *   XENO_W32_EXIT_FD  descriptor where ExitProcess writes the 32-bit code
 *   XENO_W32_CMDLINE  the exact command line given to CreateProcess
 *   XENO_W32_HANDLES  inherited handles, "VALUE:FD:ACCESS;..." (hex)
 *   XENO_W32_STD      the values of the standard handles, "IN,OUT,ERR" */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"
#include "fileobj.h"

extern int k32_exit_fd;
void k32_env_init(void);
void k32_console_init(RTL_USER_PROCESS_PARAMETERS *p, const HANDLE values[3]);

static char *inherited_cmdline, *inherited_handles, *inherited_std;

static char *take_env(const char *name)
{
    const char *v = getenv(name);
    char *r = v ? strdup(v) : NULL;
    if (v)
        unsetenv(name);
    return r;
}

void k32_process_init(void)
{
    char *fd = take_env("XENO_W32_EXIT_FD");
    if (fd) {
        k32_exit_fd = atoi(fd);
        free(fd);
    }
    inherited_cmdline = take_env("XENO_W32_CMDLINE");
    inherited_handles = take_env("XENO_W32_HANDLES");
    inherited_std = take_env("XENO_W32_STD");
}

static void adopt_handles(void)
{
    char *save = NULL;
    for (char *e = inherited_handles ? strtok_r(inherited_handles, ";", &save) : NULL; e;
         e = strtok_r(NULL, ";", &save)) {
        unsigned long value, access;
        int fd;
        if (sscanf(e, "%lx:%d:%lx", &value, &fd, &access) != 3)
            continue;
        struct w32_file *f = k32_file_new(fd, (DWORD)access, NULL);
        if (f && w32_handle_new_at((HANDLE)(uintptr_t)value, &f->o))
            w32_handle_set_flags((HANDLE)(uintptr_t)value, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
        else if (f)
            f->o.destroy(&f->o);
    }
}

static void use_cmdline(RTL_USER_PROCESS_PARAMETERS *p)
{
    if (!inherited_cmdline)
        return;
    WCHAR *w = w32_utf8_to_wide(inherited_cmdline);
    if (!w)
        return;
    w32_proc.cmdline_a = inherited_cmdline;
    w32_proc.cmdline_w = w;
    size_t n = w32_wcslen(w);
    p->CommandLine.Buffer = w;
    p->CommandLine.Length = (USHORT)(n * 2 > 0xfffc ? 0xfffc : n * 2);
    p->CommandLine.MaximumLength = (USHORT)(p->CommandLine.Length + 2);
}

void w32_std_handles_init(RTL_USER_PROCESS_PARAMETERS *p)
{
    HANDLE std[3] = { NULL, NULL, NULL };
    adopt_handles();
    if (inherited_std) {
        unsigned long v[3];
        if (sscanf(inherited_std, "%lx,%lx,%lx", &v[0], &v[1], &v[2]) == 3)
            for (int i = 0; i < 3; i++)
                std[i] = (HANDLE)(uintptr_t)v[i];
    }
    k32_console_init(p, std);
    k32_env_init();
    use_cmdline(p);
    signal(SIGPIPE, SIG_IGN);
}
