/* backtrace.c — RtlCaptureStackBackTrace (CaptureStackBackTrace): the
 * return addresses of the caller's frames, found with the same stack walk
 * as exception dispatch (.pdata for the program, DWARF for host code). */
#include <string.h>

#include "seh.h"

static USHORT WINAPI w32_RtlCaptureStackBackTrace(ULONG skip, ULONG count, PVOID *trace, ULONG *hash)
{
    CONTEXT c;
    DISPATCHER_CONTEXT dc;
    USHORT n = 0;
    ULONG sum = 0;
    w32_RtlCaptureContext(&c);
    seh_walking = 1;
    int more = seh_step(UNW_FLAG_NHANDLER, &c, &dc, NULL);   /* this function's own frame */
    while (more && c.Rip && n < count) {
        if (skip)
            skip--;
        else {
            trace[n++] = (PVOID)c.Rip;
            sum += (ULONG)c.Rip;
        }
        more = seh_step(UNW_FLAG_NHANDLER, &c, &dc, NULL);
    }
    seh_walking = 0;
    if (hash)
        *hash = sum;
    return n;
}

W32_EXPORTS(ntdll) = {
    EXPORT(RtlCaptureStackBackTrace, "uupp:u"),
};
W32_EXPORTS(kernel32) = {
    EXPORT(RtlCaptureStackBackTrace, "uupp:u"),
    EXPORT_AS("CaptureStackBackTrace", w32_RtlCaptureStackBackTrace, "uupp:u"),
};
