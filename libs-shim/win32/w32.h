/* w32.h — what every builtin Windows DLL shares: Windows base types,
 * the calling convention of exported functions, export tables, and the
 * per-thread error value. */
#ifndef XENO_W32_H
#define XENO_W32_H

#include <stddef.h>
#include <stdint.h>

#define WINAPI __attribute__((ms_abi))
#define WINAPI_VA __attribute__((ms_abi))

typedef uint8_t BYTE;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef uint64_t DWORD64, ULONG64, ULONGLONG, DWORD_PTR, ULONG_PTR, SIZE_T;
typedef int64_t LONGLONG, LONG_PTR, INT_PTR, SSIZE_T;
typedef int32_t BOOL, LONG, INT;
typedef uint32_t ULONG, UINT;
typedef uint16_t WCHAR, USHORT;
typedef int16_t SHORT;
typedef uint8_t UCHAR, BOOLEAN;
typedef char CHAR;
typedef void *HANDLE, *HMODULE, *HINSTANCE, *LPVOID, *PVOID;
typedef const void *LPCVOID;
typedef char *LPSTR;
typedef const char *LPCSTR;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef DWORD *LPDWORD;
typedef LONG NTSTATUS;

#define TRUE 1
#define FALSE 0
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#define MAX_PATH 260

typedef union {
    struct { DWORD LowPart; LONG HighPart; } u;
    LONGLONG QuadPart;
} LARGE_INTEGER;

typedef struct { DWORD dwLowDateTime, dwHighDateTime; } FILETIME;

typedef struct {
    USHORT Length, MaximumLength;
    WCHAR *Buffer;
} UNICODE_STRING;

typedef struct LIST_ENTRY {
    struct LIST_ENTRY *Flink, *Blink;
} LIST_ENTRY;

/* One exported function or variable of a builtin DLL. SIG describes the
 * arguments for relay tracing, one letter each: i int32, u uint32 (hex),
 * q int64, p pointer, h handle, s char*, w WCHAR*, f double, '.' varargs;
 * then ':' and the result letter (v for void). "data" marks a variable. */
struct w32_export {
    const char *name;
    void *addr;
    const char *sig;
    uint16_t ordinal;           /* 0: by name only */
};

struct w32_dll {
    const char *name;           /* "KERNEL32.dll" */
    struct w32_export *exports; /* in link order */
    size_t nexports;
    void *handle;               /* the module handle programs see */
    uint32_t *index;            /* name hash → export number + 1, built on first lookup */
    uint32_t mask;              /* index size - 1 */
};

/* Each implementation file lists what it exports next to the code, in a
 * linker section per DLL; the registry gathers and indexes them:
 *   W32_EXPORTS(kernel32) = { EXPORT(Sleep, "u:v"), ... };
 * A function exported by several DLLs is listed in each. */
#define W32_EXPORTS(dll) \
    static struct w32_export w32_exports_##dll##_##__LINE__[] \
        __attribute__((section("w32x_" #dll), used, aligned(8)))
#define EXPORT(name, sig) { #name, (void *)w32_##name, sig, 0 }
#define EXPORT_AS(name, fn, sig) { name, (void *)(fn), sig, 0 }
#define EXPORT_DATA(name, var) { #name, (void *)&(var), "data", 0 }
#define EXPORT_ORD(name, ord, sig) { #name, (void *)w32_##name, sig, ord }

/* The thread's LastErrorValue lives in its TEB, as on Windows. */
void w32_set_last_error(DWORD e);
/* Builtins copy guest memory directly once ntdll's fault handler says a
 * fault in such a copy can be recovered (kernel32/strbuf.c); the handler
 * calls w32_copy_fault_recover, which returns only when no copy was on. */
void w32_copy_faults_recoverable(void);
void w32_copy_fault_recover(void);
DWORD w32_get_last_error(void);
/* Linux errno → Win32 error code. */
DWORD w32_error_from_errno(int e);

#endif
