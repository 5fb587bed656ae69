/* teb.h — the Windows per-thread and per-process blocks (TEB, PEB,
 * process parameters, loader data) laid out as x64 Windows has them, at
 * the offsets programs read directly (gs:0x30 Self, gs:0x58 TLS array,
 * gs:0x60 PEB, gs:0x68 LastError …). */
#ifndef XENO_W32_TEB_H
#define XENO_W32_TEB_H

#include "w32.h"

typedef struct {
    ULONG MaximumLength, Length, Flags, DebugFlags;      /* 0x00 */
    HANDLE ConsoleHandle;                                /* 0x10 */
    ULONG ConsoleFlags;                                  /* 0x18 */
    HANDLE StandardInput, StandardOutput, StandardError; /* 0x20 0x28 0x30 */
    UNICODE_STRING CurrentDirectory;                     /* 0x38 */
    HANDLE CurrentDirectoryHandle;                       /* 0x48 */
    UNICODE_STRING DllPath;                              /* 0x50 */
    UNICODE_STRING ImagePathName;                        /* 0x60 */
    UNICODE_STRING CommandLine;                          /* 0x70 */
    WCHAR *Environment;                                  /* 0x80 */
    ULONG StartingX, StartingY, CountX, CountY;          /* 0x88 */
    ULONG CountCharsX, CountCharsY, FillAttribute;       /* 0x98 */
    ULONG WindowFlags, ShowWindowFlags;                  /* 0xa4 */
    UNICODE_STRING WindowTitle;                          /* 0xb0 */
    UNICODE_STRING DesktopInfo;                          /* 0xc0 */
    UNICODE_STRING ShellInfo;                            /* 0xd0 */
    UNICODE_STRING RuntimeData;                          /* 0xe0 */
    BYTE reserved[0x100];
} RTL_USER_PROCESS_PARAMETERS;

typedef struct {
    ULONG Length;
    BOOLEAN Initialized;
    PVOID SsHandle;
    LIST_ENTRY InLoadOrderModuleList;          /* 0x10 */
    LIST_ENTRY InMemoryOrderModuleList;        /* 0x20 */
    LIST_ENTRY InInitializationOrderModuleList;/* 0x30 */
} PEB_LDR_DATA;

typedef struct {
    LIST_ENTRY InLoadOrderLinks;               /* 0x00 */
    LIST_ENTRY InMemoryOrderLinks;             /* 0x10 */
    LIST_ENTRY InInitializationOrderLinks;     /* 0x20 */
    PVOID DllBase;                             /* 0x30 */
    PVOID EntryPoint;                          /* 0x38 */
    ULONG SizeOfImage;                         /* 0x40 */
    UNICODE_STRING FullDllName;                /* 0x48 */
    UNICODE_STRING BaseDllName;                /* 0x58 */
    ULONG Flags;                               /* 0x68 */
    USHORT LoadCount, TlsIndex;
    BYTE reserved[0x80];
} LDR_DATA_TABLE_ENTRY;

typedef struct {
    BYTE InheritedAddressSpace, ReadImageFileExecOptions, BeingDebugged, BitField;
    BYTE pad0[4];
    HANDLE Mutant;                             /* 0x08 */
    PVOID ImageBaseAddress;                    /* 0x10 */
    PEB_LDR_DATA *Ldr;                         /* 0x18 */
    RTL_USER_PROCESS_PARAMETERS *ProcessParameters; /* 0x20 */
    PVOID SubSystemData;                       /* 0x28 */
    HANDLE ProcessHeap;                        /* 0x30 */
    BYTE pad1[0xb8 - 0x38];
    ULONG NumberOfProcessors;                  /* 0xb8 */
    ULONG NtGlobalFlag;                        /* 0xbc */
    BYTE pad2[0x118 - 0xc0];
    ULONG OSMajorVersion;                      /* 0x118 */
    ULONG OSMinorVersion;                      /* 0x11c */
    USHORT OSBuildNumber;                      /* 0x120 */
    USHORT OSCSDVersion;
    ULONG OSPlatformId;                        /* 0x124 */
    ULONG ImageSubsystem;                      /* 0x128 */
    ULONG ImageSubsystemMajorVersion, ImageSubsystemMinorVersion;
    BYTE pad3[0x7c8 - 0x134];
} PEB;

#define TEB_TLS_SLOTS 64
#define TEB_SIZE 0x2000

typedef struct TEB {
    PVOID ExceptionList;                       /* 0x00 */
    PVOID StackBase;                           /* 0x08 */
    PVOID StackLimit;                          /* 0x10 */
    PVOID SubSystemTib;                        /* 0x18 */
    PVOID FiberData;                           /* 0x20 */
    PVOID ArbitraryUserPointer;                /* 0x28 */
    struct TEB *Self;                          /* 0x30 */
    PVOID EnvironmentPointer;                  /* 0x38 */
    HANDLE UniqueProcess;                      /* 0x40 */
    HANDLE UniqueThread;                       /* 0x48 */
    PVOID ActiveRpcHandle;                     /* 0x50 */
    PVOID *ThreadLocalStoragePointer;          /* 0x58 */
    PEB *ProcessEnvironmentBlock;              /* 0x60 */
    DWORD LastErrorValue;                      /* 0x68 */
    BYTE pad0[0x1480 - 0x6c];
    PVOID TlsSlots[TEB_TLS_SLOTS];             /* 0x1480 */
    BYTE pad1[0x1780 - 0x1680];
    PVOID *TlsExpansionSlots;                  /* 0x1780 */
    BYTE pad2[0x17c8 - 0x1788];
    PVOID FlsData;                             /* 0x17c8 */
    BYTE pad3[0x1838 - 0x17d0];
    /* xeno's own per-thread state follows the Windows part. */
    struct w32_thread *xeno;                   /* 0x1838 */
} TEB;

_Static_assert(__builtin_offsetof(TEB, Self) == 0x30, "TEB.Self");
_Static_assert(__builtin_offsetof(TEB, ThreadLocalStoragePointer) == 0x58, "TEB.TLS");
_Static_assert(__builtin_offsetof(TEB, LastErrorValue) == 0x68, "TEB.LastError");
_Static_assert(__builtin_offsetof(TEB, TlsSlots) == 0x1480, "TEB.TlsSlots");
_Static_assert(__builtin_offsetof(TEB, TlsExpansionSlots) == 0x1780, "TEB.TlsExpansion");
_Static_assert(__builtin_offsetof(TEB, FlsData) == 0x17c8, "TEB.FlsData");
_Static_assert(__builtin_offsetof(PEB, ProcessParameters) == 0x20, "PEB.Params");
_Static_assert(__builtin_offsetof(PEB, ProcessHeap) == 0x30, "PEB.Heap");
_Static_assert(__builtin_offsetof(PEB, NumberOfProcessors) == 0xb8, "PEB.NumberOfProcessors");
_Static_assert(__builtin_offsetof(PEB, OSMajorVersion) == 0x118, "PEB.OSMajorVersion");
_Static_assert(__builtin_offsetof(RTL_USER_PROCESS_PARAMETERS, StandardInput) == 0x20, "params.stdin");
_Static_assert(__builtin_offsetof(RTL_USER_PROCESS_PARAMETERS, CurrentDirectory) == 0x38, "params.cwd");
_Static_assert(__builtin_offsetof(RTL_USER_PROCESS_PARAMETERS, CommandLine) == 0x70, "params.cmdline");
_Static_assert(__builtin_offsetof(RTL_USER_PROCESS_PARAMETERS, Environment) == 0x80, "params.env");
_Static_assert(__builtin_offsetof(LDR_DATA_TABLE_ENTRY, DllBase) == 0x30, "ldr.DllBase");
_Static_assert(__builtin_offsetof(LDR_DATA_TABLE_ENTRY, BaseDllName) == 0x58, "ldr.BaseDllName");

static inline TEB *w32_teb(void)
{
    TEB *t;
    __asm__ volatile("mov %%gs:0x30, %0" : "=r"(t));
    return t;
}

static inline PEB *w32_peb(void)
{
    return w32_teb()->ProcessEnvironmentBlock;
}

#endif
