/* usedll.c — a program using its own DLL (greet.dll, next to it): an
 * imported function and variable, the DLL's DllMain around main, and
 * LoadLibrary/GetProcAddress by name and by ordinal on the same DLL.
 * Expected output:
 *   greet.dll: process attach
 *   main: hello from the DLL, 42
 *   add: 5
 *   same module: yes
 *   by name: 7
 *   by ordinal: 7
 *   thread attach seen: yes
 *   greet.dll: process detach
 */
#include <stdio.h>
#include <windows.h>

__declspec(dllimport) const char *greet(void);
__declspec(dllimport) int greet_add(int a, int b);
__declspec(dllimport) int greet_threads(void);
__declspec(dllimport) int greet_value;

static DWORD WINAPI worker(LPVOID arg)
{
    (void)arg;
    return 0;
}

int main(void)
{
    printf("main: %s, %d\n", greet(), greet_value);
    printf("add: %d\n", greet_add(2, 3));
    HMODULE a = GetModuleHandleA("greet.dll"), b = LoadLibraryA("GREET.DLL");
    printf("same module: %s\n", a && a == b ? "yes" : "no");
    int (*add)(int, int) = (int (*)(int, int))(void *)GetProcAddress(b, "greet_add");
    printf("by name: %d\n", add ? add(3, 4) : -1);
    /* ordinals follow the export table's alphabetical order: greet=1,
     * greet_add=2, greet_threads=3, greet_value=4 (mingw's default) */
    int (*add2)(int, int) = (int (*)(int, int))(void *)GetProcAddress(b, (LPCSTR)(ULONG_PTR)2);
    printf("by ordinal: %d\n", add2 ? add2(3, 4) : -1);
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("thread attach seen: %s\n", greet_threads() > 0 ? "yes" : "no");
    fflush(stdout);
    return 0;
}
