/* greet.c — a DLL of the program's own: exports by name and by ordinal,
 * data, and a DllMain that reports process and thread attach/detach. */
#include <stdio.h>
#include <windows.h>

static int attached_threads;

__declspec(dllexport) int greet_value = 42;

__declspec(dllexport) const char *greet(void)
{
    return "hello from the DLL";
}

__declspec(dllexport) int greet_add(int a, int b)
{
    return a + b;
}

__declspec(dllexport) int greet_threads(void)
{
    return attached_threads;
}

BOOL WINAPI DllMain(HINSTANCE h, DWORD reason, LPVOID reserved)
{
    (void)h, (void)reserved;
    if (reason == DLL_PROCESS_ATTACH)
        printf("greet.dll: process attach\n");
    else if (reason == DLL_PROCESS_DETACH)
        printf("greet.dll: process detach\n");
    else if (reason == DLL_THREAD_ATTACH)
        attached_threads++;
    fflush(stdout);
    return TRUE;
}
