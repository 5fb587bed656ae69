/* delayload.c — delay-load support the import code of a program calls at
 * run time: ResolveDelayLoadedAPI (what mingw's and MSVC's delay-load
 * helpers call to bind one delay-imported function on first use, when the
 * image has no delay-import directory xeno could bind at load time),
 * DelayLoadFailureHook (its default system failure hook: a stub that
 * reports the missing function when called), and DisableThreadLibraryCalls
 * (a DLL asks for no more DLL_THREAD_ATTACH/DETACH notifications). */
#include <stdio.h>
#include <string.h>

#include "../native.h"
#include "../registry.h"
#include "../relay.h"
#include "k32.h"

#define DLI_FAIL_LOAD_LIB 3
#define DLI_FAIL_GET_PROC 4
#define ORDINAL_FLAG64 0x8000000000000000ull

typedef struct {
    DWORD Attributes, DllNameRVA, ModuleHandleRVA, ImportAddressTableRVA;
    DWORD ImportNameTableRVA, BoundImportAddressTableRVA, UnloadInformationTableRVA;
    DWORD TimeDateStamp;
} DELAYLOAD_DESCRIPTOR;

typedef struct {
    ULONG Size;
    const DELAYLOAD_DESCRIPTOR *DelayloadDescriptor;
    uint64_t *ThunkAddress;
    LPCSTR TargetDllName;
    struct { ULONG ImportDescribedByName; union { LPCSTR Name; ULONG Ordinal; } d; } Target;
    PVOID TargetModuleBase, Unused;
    ULONG LastError;
} DELAYLOAD_INFO;

typedef PVOID (WINAPI *dll_hook_fn)(ULONG reason, DELAYLOAD_INFO *info);
typedef PVOID (WINAPI *sys_hook_fn)(LPCSTR dll, LPCSTR proc);
typedef HMODULE (WINAPI *load_fn)(LPCSTR name);
typedef void *(WINAPI *getproc_fn)(HMODULE h, LPCSTR name);

/* kernel32's own export NAME (LoadLibraryA, GetProcAddress). */
static void *k32_export(const char *name)
{
    return w32_builtin_fn("kernel32.dll", name);
}

static PVOID WINAPI w32_DelayLoadFailureHook(LPCSTR dll, LPCSTR proc)
{
    char ord[16];
    if ((uintptr_t)proc < 0x10000) {
        snprintf(ord, sizeof ord, "#%u", (unsigned)(uintptr_t)proc);
        proc = ord;
    }
    return w32_missing_stub(dll ? dll : "?", proc);
}

/* The failure path: the program's hook first (for a library it may
 * return the module, for a function the address), then the system hook. */
static PVOID failed(ULONG reason, DELAYLOAD_INFO *info, dll_hook_fn dll_hook,
                    sys_hook_fn sys_hook, HMODULE *hmod)
{
    info->LastError = w32_get_last_error();
    PVOID r = dll_hook ? dll_hook(reason, info) : NULL;
    if (r && reason == DLI_FAIL_LOAD_LIB) {
        *hmod = r;
        return NULL;
    }
    if (!r)
        r = (sys_hook ? sys_hook : w32_DelayLoadFailureHook)(info->TargetDllName,
                                                              info->Target.d.Name);
    return r;
}

static PVOID WINAPI w32_ResolveDelayLoadedAPI(PVOID base, const DELAYLOAD_DESCRIPTOR *d,
                                              dll_hook_fn dll_hook, sys_hook_fn sys_hook,
                                              uint64_t *thunk, ULONG flags)
{
    (void)flags;
    uint8_t *b = base;
    HMODULE *hmod = (HMODULE *)(b + d->ModuleHandleRVA);
    uint64_t idx = (uint64_t)(thunk - (uint64_t *)(b + d->ImportAddressTableRVA));
    uint64_t name = ((uint64_t *)(b + d->ImportNameTableRVA))[idx];
    DELAYLOAD_INFO info = { .Size = sizeof info, .DelayloadDescriptor = d, .ThunkAddress = thunk,
                            .TargetDllName = (LPCSTR)(b + d->DllNameRVA) };
    info.Target.ImportDescribedByName = !(name & ORDINAL_FLAG64);
    info.Target.d.Name = name & ORDINAL_FLAG64 ? (LPCSTR)(uintptr_t)(name & 0xffff)
                                               : (LPCSTR)(b + (uint32_t)name + 2);
    PVOID fn = NULL;
    if (!*hmod)
        *hmod = ((load_fn)k32_export("LoadLibraryA"))(info.TargetDllName);
    if (!*hmod)
        fn = failed(DLI_FAIL_LOAD_LIB, &info, dll_hook, sys_hook, hmod);
    if (!fn && *hmod) {
        info.TargetModuleBase = *hmod;
        fn = ((getproc_fn)k32_export("GetProcAddress"))(*hmod, info.Target.d.Name);
        if (!fn)
            fn = failed(DLI_FAIL_GET_PROC, &info, dll_hook, sys_hook, hmod);
    }
    *thunk = (uint64_t)fn;
    return fn;
}

static BOOL WINAPI w32_DisableThreadLibraryCalls(HMODULE h)
{
    struct w32_native *m = w32_native_by_handle(h);
    if (m)
        m->no_thread_calls = 1;
    else if (!w32_dll_by_handle(h) && h != (HMODULE)w32_proc.img.base) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(ResolveDelayLoadedAPI, "ppppppu:p"),
    EXPORT(DelayLoadFailureHook, "ss:p"),
    EXPORT(DisableThreadLibraryCalls, "p:i"),
};
