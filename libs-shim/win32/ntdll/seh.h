/* seh.h — Windows x64 structured exception handling as Microsoft documents
 * it: CONTEXT, EXCEPTION_RECORD, RUNTIME_FUNCTION/UNWIND_INFO, the
 * DISPATCHER_CONTEXT handed to language handlers, flags and dispositions,
 * and the internal interfaces between the ntdll files (except.c set-up,
 * fault.c and divide.c for host faults, raise.c, dispatch.c, vectored.c,
 * lookup.c, unwind.c, hostunwind.c with dwarf_cfi.c and asmunwind.c for
 * host frames, rtlunwind.c, cspecific.c, backtrace.c) and
 * abi/w32_context.S. The CTX_* offsets are shared with the assembly.
 * docs/exceptions.md describes the whole. */
#ifndef XENO_W32_SEH_H
#define XENO_W32_SEH_H

/* CONTEXT offsets (x64 winnt.h layout). */
#define CTX_FLAGS 0x30
#define CTX_MXCSR 0x34
#define CTX_SEGCS 0x38
#define CTX_SEGDS 0x3a
#define CTX_SEGES 0x3c
#define CTX_SEGFS 0x3e
#define CTX_SEGGS 0x40
#define CTX_SEGSS 0x42
#define CTX_EFLAGS 0x44
#define CTX_RAX 0x78
#define CTX_RCX 0x80
#define CTX_RDX 0x88
#define CTX_RBX 0x90
#define CTX_RSP 0x98
#define CTX_RBP 0xa0
#define CTX_RSI 0xa8
#define CTX_RDI 0xb0
#define CTX_R8 0xb8
#define CTX_R9 0xc0
#define CTX_R10 0xc8
#define CTX_R11 0xd0
#define CTX_R12 0xd8
#define CTX_R13 0xe0
#define CTX_R14 0xe8
#define CTX_R15 0xf0
#define CTX_RIP 0xf8
#define CTX_FLTSAVE 0x100
#define CTX_XMM0 0x1a0
#define CTX_SIZE 0x4d0
#define SEH_MARKER_CTX 0x40

/* ContextFlags */
#define CONTEXT_AMD64 0x00100000
#define CONTEXT_CONTROL (CONTEXT_AMD64 | 0x1)
#define CONTEXT_INTEGER (CONTEXT_AMD64 | 0x2)
#define CONTEXT_SEGMENTS (CONTEXT_AMD64 | 0x4)
#define CONTEXT_FLOATING_POINT (CONTEXT_AMD64 | 0x8)
#define CONTEXT_DEBUG_REGISTERS (CONTEXT_AMD64 | 0x10)
#define CONTEXT_FULL (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_FLOATING_POINT)
#define CONTEXT_ALL (CONTEXT_FULL | CONTEXT_SEGMENTS | CONTEXT_DEBUG_REGISTERS)

/* Segment selectors as 64-bit Windows shows them (Linux uses the same
 * cs/ss values). */
#define SEL_CS64 0x33
#define SEL_DS 0x2b
#define SEL_FS 0x53
#define SEL_GS 0x2b

#ifndef __ASSEMBLER__
#include "../w32.h"

typedef struct __attribute__((aligned(16))) {
    ULONGLONG Low;
    LONGLONG High;
} M128A;

typedef struct __attribute__((aligned(16))) {
    WORD ControlWord, StatusWord;
    BYTE TagWord, Reserved1;
    WORD ErrorOpcode;
    DWORD ErrorOffset;
    WORD ErrorSelector, Reserved2;
    DWORD DataOffset;
    WORD DataSelector, Reserved3;
    DWORD MxCsr, MxCsr_Mask;
    M128A FloatRegisters[8];
    M128A XmmRegisters[16];
    BYTE Reserved4[96];
} XMM_SAVE_AREA32;

typedef struct __attribute__((aligned(16))) {
    DWORD64 P1Home, P2Home, P3Home, P4Home, P5Home, P6Home;
    DWORD ContextFlags;
    DWORD MxCsr;
    WORD SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    DWORD EFlags;
    DWORD64 Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
    DWORD64 Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi;
    DWORD64 R8, R9, R10, R11, R12, R13, R14, R15;
    DWORD64 Rip;
    XMM_SAVE_AREA32 FltSave;
    M128A VectorRegister[26];
    DWORD64 VectorControl, DebugControl;
    DWORD64 LastBranchToRip, LastBranchFromRip;
    DWORD64 LastExceptionToRip, LastExceptionFromRip;
} CONTEXT;

_Static_assert(sizeof(CONTEXT) == CTX_SIZE, "CONTEXT size");
_Static_assert(__builtin_offsetof(CONTEXT, Rax) == CTX_RAX, "CONTEXT.Rax");
_Static_assert(__builtin_offsetof(CONTEXT, Rip) == CTX_RIP, "CONTEXT.Rip");
_Static_assert(__builtin_offsetof(CONTEXT, EFlags) == CTX_EFLAGS, "CONTEXT.EFlags");
_Static_assert(__builtin_offsetof(CONTEXT, FltSave.XmmRegisters) == CTX_XMM0, "CONTEXT.Xmm0");

/* The integer registers of a CONTEXT by their x64 encoding number, as
 * UNWIND_CODE OpInfo names them (0 rax, 1 rcx, 2 rdx, 3 rbx, 4 rsp ...). */
static inline DWORD64 *ctx_reg(CONTEXT *c, unsigned n)
{
    return &c->Rax + n;
}

#define EXCEPTION_MAXIMUM_PARAMETERS 15

typedef struct EXCEPTION_RECORD {
    DWORD ExceptionCode;
    DWORD ExceptionFlags;
    struct EXCEPTION_RECORD *ExceptionRecord;
    PVOID ExceptionAddress;
    DWORD NumberParameters;
    ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD;

_Static_assert(sizeof(EXCEPTION_RECORD) == 0x98, "EXCEPTION_RECORD size");

typedef struct {
    EXCEPTION_RECORD *ExceptionRecord;
    CONTEXT *ContextRecord;
} EXCEPTION_POINTERS;

/* ExceptionFlags */
#define EXCEPTION_NONCONTINUABLE 0x01
#define EXCEPTION_UNWINDING 0x02
#define EXCEPTION_EXIT_UNWIND 0x04
#define EXCEPTION_STACK_INVALID 0x08
#define EXCEPTION_NESTED_CALL 0x10
#define EXCEPTION_TARGET_UNWIND 0x20
#define EXCEPTION_COLLIDED_UNWIND 0x40
#define EXCEPTION_UNWIND (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND | EXCEPTION_TARGET_UNWIND | \
                          EXCEPTION_COLLIDED_UNWIND)

/* Language handler results (EXCEPTION_DISPOSITION). */
enum {
    ExceptionContinueExecution = 0,
    ExceptionContinueSearch = 1,
    ExceptionNestedException = 2,
    ExceptionCollidedUnwind = 3,
};

/* Filter results. */
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

typedef struct {
    DWORD BeginAddress, EndAddress, UnwindData;
} RUNTIME_FUNCTION;

#define UNW_FLAG_NHANDLER 0
#define UNW_FLAG_EHANDLER 1
#define UNW_FLAG_UHANDLER 2
#define UNW_FLAG_CHAININFO 4

enum {
    UWOP_PUSH_NONVOL = 0,
    UWOP_ALLOC_LARGE = 1,
    UWOP_ALLOC_SMALL = 2,
    UWOP_SET_FPREG = 3,
    UWOP_SAVE_NONVOL = 4,
    UWOP_SAVE_NONVOL_FAR = 5,
    UWOP_EPILOG = 6,          /* version 2; version 1: UWOP_SAVE_XMM */
    UWOP_SPARE_CODE = 7,      /* version 1: UWOP_SAVE_XMM_FAR */
    UWOP_SAVE_XMM128 = 8,
    UWOP_SAVE_XMM128_FAR = 9,
    UWOP_PUSH_MACHFRAME = 10,
};

#define UNWIND_HISTORY_TABLE_SIZE 12
typedef struct {
    DWORD64 ImageBase;
    RUNTIME_FUNCTION *FunctionEntry;
} UNWIND_HISTORY_TABLE_ENTRY;

typedef struct {
    DWORD Count;
    BYTE LocalHint, GlobalHint, Search, Once;
    DWORD64 LowAddress, HighAddress;
    UNWIND_HISTORY_TABLE_ENTRY Entry[UNWIND_HISTORY_TABLE_SIZE];
} UNWIND_HISTORY_TABLE;

typedef struct DISPATCHER_CONTEXT DISPATCHER_CONTEXT;
typedef LONG(WINAPI *EXCEPTION_ROUTINE)(EXCEPTION_RECORD *rec, PVOID frame, CONTEXT *ctx,
                                        DISPATCHER_CONTEXT *dc);
typedef LONG(WINAPI *TOP_FILTER)(EXCEPTION_POINTERS *ep);

struct DISPATCHER_CONTEXT {
    DWORD64 ControlPc;
    DWORD64 ImageBase;
    RUNTIME_FUNCTION *FunctionEntry;
    DWORD64 EstablisherFrame;
    DWORD64 TargetIp;
    CONTEXT *ContextRecord;
    EXCEPTION_ROUTINE LanguageHandler;
    PVOID HandlerData;
    UNWIND_HISTORY_TABLE *HistoryTable;
    DWORD ScopeIndex;
    DWORD Fill0;
};

_Static_assert(__builtin_offsetof(DISPATCHER_CONTEXT, ScopeIndex) == 0x48, "DISPATCHER_CONTEXT");

/* ---- abi/w32_context.S ---- */
void WINAPI w32_RtlCaptureContext(CONTEXT *ctx);
/* RaiseException / RtlRaiseException entries: capture the caller's
 * context and call seh_raise (raise.c) with it. */
void WINAPI w32_RaiseException(DWORD code, DWORD flags, DWORD n, const ULONG_PTR *args);
void WINAPI w32_RtlRaiseException(EXCEPTION_RECORD *rec);
/* RtlUnwindEx / RtlUnwind entries: capture the caller's context and call
 * seh_unwind (rtlunwind.c). */
void WINAPI w32_RtlUnwindEx(PVOID frame, PVOID ip, EXCEPTION_RECORD *rec, PVOID retval, CONTEXT *orig,
                            UNWIND_HISTORY_TABLE *hist);
void WINAPI w32_RtlUnwind(PVOID frame, PVOID ip, EXCEPTION_RECORD *rec, PVOID retval);
/* Load every register of CTX and continue there. */
void WINAPI seh_restore(CONTEXT *ctx) __attribute__((noreturn));
/* Marker return addresses: a redirected fault's (fault.c) and those of the
 * capture thunks. Their frames hold a CONTEXT SEH_MARKER_CTX bytes above
 * the stack pointer just after the marker was popped (hostunwind.c). */
extern char w32_fault_frame[], w32_raise_frame[], w32_raise_record_frame[];
extern char w32_unwind_frame[], w32_unwind_simple_frame[];

/* ---- raise.c / dispatch.c ---- */
/* Called by the thunks with the caller's context (Rip = return address). */
void seh_raise(CONTEXT *ctx, DWORD code, DWORD flags, DWORD n, const ULONG_PTR *args)
    __attribute__((ms_abi));
void seh_raise_record(CONTEXT *ctx, EXCEPTION_RECORD *rec) __attribute__((ms_abi));
/* rtlunwind.c, called by the RtlUnwindEx / RtlUnwind thunks. */
void seh_unwind(CONTEXT *ctx, PVOID frame, PVOID ip, EXCEPTION_RECORD *rec, PVOID retval, CONTEXT *orig,
                UNWIND_HISTORY_TABLE *hist) __attribute__((ms_abi, noreturn));
void seh_unwind_simple(CONTEXT *ctx, PVOID frame, PVOID ip, EXCEPTION_RECORD *rec, PVOID retval)
    __attribute__((ms_abi, noreturn));
/* Continue at CTX: RtlRestoreContext's rules (longjmp, consolidate). */
void WINAPI w32_RtlRestoreContext(CONTEXT *ctx, EXCEPTION_RECORD *rec) __attribute__((noreturn));
/* Dispatch REC raised in CTX: returns only to resume CTX (by restoring it). */
void seh_dispatch(EXCEPTION_RECORD *rec, CONTEXT *ctx) __attribute__((noreturn));
/* End the process now with CODE (TerminateProcess semantics). */
void seh_terminate(DWORD code) __attribute__((noreturn));
const char *seh_code_name(DWORD code);

/* ---- vectored.c ---- */
/* Run the vectored exception (EXCEPTION_LIST=1) or continue (0) handlers:
 * EXCEPTION_CONTINUE_EXECUTION or EXCEPTION_CONTINUE_SEARCH. */
LONG seh_call_vectored(int exception_list, EXCEPTION_RECORD *rec, CONTEXT *ctx);
/* UnhandledExceptionFilter: the program's filter, or the default action
 * (print "xeno: PROG: unhandled exception 0x… (name) at 0x…" and answer
 * EXCEPTION_EXECUTE_HANDLER). */
LONG seh_unhandled(EXCEPTION_POINTERS *ep, int *reported);
/* rtlunwind.c: run the unwind handlers of every frame above CTX (the
 * program's unhandled-exception filter chose EXCEPTION_EXECUTE_HANDLER). */
void seh_unwind_all(EXCEPTION_RECORD *rec, CONTEXT *ctx);
/* divide.c: divide error → STATUS_INTEGER_DIVIDE_BY_ZERO or _OVERFLOW. */
void seh_divide_init(void);
DWORD seh_divide_error_code(const void *ucontext);

/* ---- lookup.c ---- */
RUNTIME_FUNCTION *WINAPI w32_RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base, UNWIND_HISTORY_TABLE *h);
/* Register a PE image's .pdata for unwinding (the main image at start). */
void seh_register_image(DWORD64 base, DWORD size, DWORD pdata_rva, DWORD pdata_size);
/* Is PC inside a registered PE image or function table? */
int seh_pc_in_image(DWORD64 pc);

/* ---- unwind.c ---- */
EXCEPTION_ROUTINE WINAPI w32_RtlVirtualUnwind(DWORD type, DWORD64 base, DWORD64 pc, RUNTIME_FUNCTION *fe,
                                              CONTEXT *ctx, PVOID *data, DWORD64 *frame, void *ctxptrs);
/* One step of a stack walk: unwind CTX by one frame (image, host or
 * leaf), filling the DISPATCHER_CONTEXT fields it learns. Returns 0 when
 * CTX is past the end of the walk. */
int seh_step(DWORD type, CONTEXT *ctx, DISPATCHER_CONTEXT *dc, UNWIND_HISTORY_TABLE *hist);

/* ---- hostunwind.c: frames of xeno's own code and host libraries ---- */
/* A RUNTIME_FUNCTION standing for the host function around PC (with or
 * without call frame information), or NULL when PC is not host code. */
RUNTIME_FUNCTION *seh_host_lookup(DWORD64 pc, DWORD64 *base);
int seh_host_entry(const RUNTIME_FUNCTION *fe);
/* asmunwind.c: host code without call frame information. */
int seh_asm_unwind(CONTEXT *ctx);
/* Is PC inside a loaded host (ELF) object? */
int seh_host_known(DWORD64 pc);
/* Unwind CTX through the host frame at its Rip: 0, or -1 if impossible. */
int seh_host_unwind(CONTEXT *ctx);

/* ---- per-thread state (dispatch.c) ---- */
/* A handler call in progress (frame handlers during dispatch or unwind):
 * a nested exception or unwind crossing it learns about it from here. */
struct seh_active {
    struct seh_active *prev;
    DWORD64 rsp;                /* the invoker's stack pointer */
    int unwinding;              /* called by RtlUnwindEx */
    DISPATCHER_CONTEXT *dc;     /* its dispatcher context */
    CONTEXT *ctx;               /* the unwind's current context (unwinding) */
};
extern __thread struct seh_active *seh_active_top;
/* Call a frame handler with a record of its call kept in seh_active_top. */
LONG seh_call_handler(EXCEPTION_RECORD *rec, DWORD64 frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc,
                      int unwinding);
/* Under AddressSanitizer (xeno-asan): stack memory below the frames being
 * abandoned (RtlRestoreContext) or written by the fault redirect may carry
 * stale poison; clear it. Weak: absent from ordinary builds. */
void __asan_unpoison_memory_region(void const volatile *addr, size_t size) __attribute__((weak));
static inline void seh_unpoison(DWORD64 lo, DWORD64 hi)
{
    if (__asan_unpoison_memory_region && hi > lo)
        __asan_unpoison_memory_region((void *)lo, hi - lo);
}
/* Is FRAME an aligned address inside the calling thread's stack (TEB)? */
int seh_frame_ok(DWORD64 frame);
extern __thread int seh_walking;                /* inside one of our walks */

#endif /* __ASSEMBLER__ */
#endif
