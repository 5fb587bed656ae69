/* tls.c — thread-local storage the way a PE image carries it:
 *  - __thread and _Thread_local variables (mingw gcc compiles both to
 *    emulated TLS on top of TlsAlloc; it does not support
 *    __declspec(thread));
 *  - the image's own TLS template: a variable placed in a .tls$ section is
 *    part of the block the loader copies for every thread; it is reached as
 *    MSVC code does, through the TEB's ThreadLocalStoragePointer (gs:0x58)
 *    indexed by the TLS directory's AddressOfIndex, the offset taken from
 *    the directory's StartAddressOfRawData;
 *  - a TLS callback (a PIMAGE_TLS_CALLBACK in section .CRT$XLB) that the
 *    loader calls with DLL_PROCESS_ATTACH before main, DLL_THREAD_ATTACH and
 *    DLL_THREAD_DETACH in each new thread, and DLL_PROCESS_DETACH at exit
 *    (that last line is written with WriteFile after the CRT has flushed).
 * Events of threads this program did not create are not printed.
 * Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds), except the last line:
 * Windows calls the EXE's TLS callbacks with DLL_PROCESS_DETACH from
 * ExitProcess, Wine 8.0 never does (its process_detach only walks the DLLs).
 * Expected output:
 * TLS directory present: yes, callbacks listed: yes
 * image_tls inside the template: yes
 * main's copy: 1234, at a different address than the template: yes
 * thread 1 saw fresh copies and kept its own: yes
 * thread 2 saw fresh copies and kept its own: yes
 * thread 3 saw fresh copies and kept its own: yes
 * main keeps its values: __thread 100, _Thread_local 200, image 1, template 1234
 * TLS callback events:
 *   DLL_PROCESS_ATTACH in main thread, image copy 1234
 *   DLL_THREAD_ATTACH in thread 1, image copy 1234
 *   DLL_THREAD_DETACH in thread 1, image copy 2234
 *   DLL_THREAD_ATTACH in thread 2, image copy 1234
 *   DLL_THREAD_DETACH in thread 2, image copy 3234
 *   DLL_THREAD_ATTACH in thread 3, image copy 1234
 *   DLL_THREAD_DETACH in thread 3, image copy 4234
 * DLL_PROCESS_ATTACH came before main: yes
 * TLS callback: DLL_PROCESS_DETACH
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

__thread int gnu_tls = 5;
_Thread_local int ms_tls = 7;
__attribute__((section(".tls$XENO"), used)) int image_tls = 1234;

struct event {
    DWORD reason, thread;
    int image_value;
};
static struct event events[64];
static volatile LONG nevents;
static DWORD main_thread;
static volatile int process_attach_before_main, attach_saw_template;

static IMAGE_TLS_DIRECTORY64 *tls_directory(void)
{
    char *base = (char *)GetModuleHandleW(NULL);
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    DWORD rva = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS].VirtualAddress;
    return rva ? (IMAGE_TLS_DIRECTORY64 *)(base + rva) : NULL;
}

/* This thread's copy of image_tls, found as compiled MSVC code finds it. */
static int *my_image_tls(void)
{
    IMAGE_TLS_DIRECTORY64 *dir = tls_directory();
    DWORD index = *(DWORD *)dir->AddressOfIndex;
    char **slots;
    __asm__("mov %%gs:0x58, %0" : "=r"(slots));     /* TEB.ThreadLocalStoragePointer */
    return (int *)(slots[index] + ((char *)&image_tls - (char *)dir->StartAddressOfRawData));
}

static void NTAPI on_tls(PVOID module, DWORD reason, PVOID reserved)
{
    (void)module;
    (void)reserved;
    LONG i = InterlockedIncrement(&nevents) - 1;
    if (i < 64) {
        events[i].reason = reason;
        events[i].thread = GetCurrentThreadId();
        events[i].image_value = reason == DLL_PROCESS_DETACH ? 0 : *my_image_tls();
    }
    if (reason == DLL_PROCESS_ATTACH)
        process_attach_before_main = main_thread == 0;
    if (reason == DLL_PROCESS_DETACH) {
        char line[] = "TLS callback: DLL_PROCESS_DETACH\n";
        DWORD n;
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), line, (DWORD)strlen(line), &n, NULL);
    }
}

__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK tls_callback_entry = on_tls;

static DWORD WINAPI worker(void *arg)
{
    int k = (int)(INT_PTR)arg;
    int *mine = my_image_tls();
    int fresh = gnu_tls == 5 && ms_tls == 7 && *mine == 1234;
    for (int i = 0; i < 1000 * k; i++) {
        gnu_tls++;
        ms_tls += 2;
        (*mine)++;
        Sleep(0);
    }
    return fresh && gnu_tls == 5 + 1000 * k && ms_tls == 7 + 2000 * k && *mine == 1234 + 1000 * k;
}

static const char *reason_name(DWORD r)
{
    switch (r) {
    case DLL_PROCESS_ATTACH: return "DLL_PROCESS_ATTACH";
    case DLL_THREAD_ATTACH: return "DLL_THREAD_ATTACH";
    case DLL_THREAD_DETACH: return "DLL_THREAD_DETACH";
    case DLL_PROCESS_DETACH: return "DLL_PROCESS_DETACH";
    }
    return "?";
}

int main(void)
{
    main_thread = GetCurrentThreadId();
    IMAGE_TLS_DIRECTORY64 *dir = tls_directory();
    printf("TLS directory present: %s, callbacks listed: %s\n", dir ? "yes" : "no",
           dir && dir->AddressOfCallBacks && *(ULONGLONG *)dir->AddressOfCallBacks ? "yes" : "no");
    char *start = (char *)dir->StartAddressOfRawData, *end = (char *)dir->EndAddressOfRawData;
    printf("image_tls inside the template: %s\n",
           (char *)&image_tls >= start && (char *)&image_tls + sizeof image_tls <= end ? "yes" : "no");
    int *mine = my_image_tls();
    printf("main's copy: %d, at a different address than the template: %s\n", *mine,
           (void *)mine != (void *)&image_tls ? "yes" : "no");
    *mine = 1;
    gnu_tls = 100;
    ms_tls = 200;

    HANDLE h[3];
    DWORD ids[3];
    for (int i = 0; i < 3; i++) {                 /* one at a time: ordered events */
        h[i] = CreateThread(NULL, 0, worker, (void *)(INT_PTR)(i + 1), 0, &ids[i]);
        WaitForSingleObject(h[i], INFINITE);
        DWORD ok;
        GetExitCodeThread(h[i], &ok);
        printf("thread %d saw fresh copies and kept its own: %s\n", i + 1, ok ? "yes" : "no");
        CloseHandle(h[i]);
    }
    printf("main keeps its values: __thread %d, _Thread_local %d, image %d, template %d\n", gnu_tls, ms_tls, *mine,
           image_tls);

    printf("TLS callback events:\n");
    LONG n = nevents;
    for (LONG i = 0; i < n && i < 64; i++) {
        const char *who = NULL;
        char buf[32];
        if (events[i].thread == main_thread)
            who = "main thread";
        for (int k = 0; k < 3; k++)
            if (events[i].thread == ids[k]) {
                snprintf(buf, sizeof buf, "thread %d", k + 1);
                who = buf;
            }
        if (who)
            printf("  %s in %s, image copy %d\n", reason_name(events[i].reason), who, events[i].image_value);
    }
    printf("DLL_PROCESS_ATTACH came before main: %s\n", process_attach_before_main ? "yes" : "no");
    return 0;
}
