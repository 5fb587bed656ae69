/* ntstatus.c — NTSTATUS ↔ Win32 error: RtlNtStatusToDosError (which
 * also records the status in the TEB's LastStatusValue, as Windows does),
 * RtlNtStatusToDosErrorNoTeb and RtlGetLastNtStatus, and the reverse
 * direction xeno's own Nt* calls use. The pairs are those of Microsoft's
 * published NTSTATUS → Win32 mapping table. */
#include "../ntstatus.h"
#include "../teb.h"
#include "../winerr.h"

#define FACILITY_NTWIN32 0xC0070000u
#define ERROR_MR_MID_NOT_FOUND 317
#define TEB_LAST_STATUS 0x1250      /* TEB.LastStatusValue on x64 */

/* Where several statuses share an error, the first one listed is the one
 * an error is reported as. */
static const struct { ULONG status; DWORD error; } map[] = {
    { 0x00000102u, ERROR_WAIT_TIMEOUT },       /* STATUS_TIMEOUT */
    { 0x00000103u, ERROR_IO_PENDING },         /* STATUS_PENDING */
    { 0x80000005u, ERROR_MORE_DATA },          /* STATUS_BUFFER_OVERFLOW */
    { 0x80000006u, ERROR_NO_MORE_FILES },      /* STATUS_NO_MORE_FILES */
    { 0x8000001Au, ERROR_NO_MORE_ITEMS },      /* STATUS_NO_MORE_ENTRIES */
    { 0xC0000001u, 31 },                       /* STATUS_UNSUCCESSFUL: ERROR_GEN_FAILURE */
    { 0xC0000010u, ERROR_INVALID_FUNCTION },   /* STATUS_INVALID_DEVICE_REQUEST */
    { 0xC0000002u, ERROR_INVALID_FUNCTION },   /* STATUS_NOT_IMPLEMENTED */
    { 0xC000000Du, ERROR_INVALID_PARAMETER },  /* STATUS_INVALID_PARAMETER */
    { 0xC0000003u, ERROR_INVALID_PARAMETER },  /* STATUS_INVALID_INFO_CLASS */
    { 0xC0000004u, 24 },                       /* STATUS_INFO_LENGTH_MISMATCH: ERROR_BAD_LENGTH */
    { 0xC0000005u, ERROR_NOACCESS },           /* STATUS_ACCESS_VIOLATION */
    { 0xC0000008u, ERROR_INVALID_HANDLE },     /* STATUS_INVALID_HANDLE */
    { 0xC0000024u, ERROR_INVALID_HANDLE },     /* STATUS_OBJECT_TYPE_MISMATCH */
    { 0xC0000034u, ERROR_FILE_NOT_FOUND },     /* STATUS_OBJECT_NAME_NOT_FOUND */
    { 0xC000000Fu, ERROR_FILE_NOT_FOUND },     /* STATUS_NO_SUCH_FILE */
    { 0xC000000Eu, ERROR_FILE_NOT_FOUND },     /* STATUS_NO_SUCH_DEVICE */
    { 0xC0000011u, ERROR_HANDLE_EOF },         /* STATUS_END_OF_FILE */
    { 0xC0000017u, ERROR_NOT_ENOUGH_MEMORY },  /* STATUS_NO_MEMORY */
    { 0xC0000022u, ERROR_ACCESS_DENIED },      /* STATUS_ACCESS_DENIED */
    { 0xC0000056u, ERROR_ACCESS_DENIED },      /* STATUS_DELETE_PENDING */
    { 0xC00000BAu, ERROR_ACCESS_DENIED },      /* STATUS_FILE_IS_A_DIRECTORY */
    { 0xC0000121u, ERROR_ACCESS_DENIED },      /* STATUS_CANNOT_DELETE */
    { 0xC000010Au, ERROR_ACCESS_DENIED },      /* STATUS_PROCESS_IS_TERMINATING */
    { 0xC0000023u, ERROR_INSUFFICIENT_BUFFER },/* STATUS_BUFFER_TOO_SMALL */
    { 0xC0000033u, ERROR_INVALID_NAME },       /* STATUS_OBJECT_NAME_INVALID */
    { 0xC0000035u, ERROR_ALREADY_EXISTS },     /* STATUS_OBJECT_NAME_COLLISION */
    { 0xC0000035u, 80 },                       /* (from ERROR_FILE_EXISTS only: the row above wins) */
    { 0xC000003Au, ERROR_PATH_NOT_FOUND },     /* STATUS_OBJECT_PATH_NOT_FOUND */
    { 0xC0000039u, 161 },                      /* STATUS_OBJECT_PATH_INVALID: ERROR_BAD_PATHNAME */
    { 0xC000003Bu, 161 },                      /* STATUS_OBJECT_PATH_SYNTAX_BAD */
    { 0xC0000043u, ERROR_SHARING_VIOLATION },  /* STATUS_SHARING_VIOLATION */
    { 0xC0000054u, ERROR_LOCK_VIOLATION },     /* STATUS_FILE_LOCK_CONFLICT */
    { 0xC0000055u, ERROR_LOCK_VIOLATION },     /* STATUS_LOCK_NOT_GRANTED */
    { 0xC0000061u, ERROR_PRIVILEGE_NOT_HELD }, /* STATUS_PRIVILEGE_NOT_HELD */
    { 0xC000007Bu, 193 },                      /* STATUS_INVALID_IMAGE_FORMAT: ERROR_BAD_EXE_FORMAT */
    { 0xC000007Fu, ERROR_DISK_FULL },          /* STATUS_DISK_FULL */
    { 0xC000009Au, 1450 },                     /* STATUS_INSUFFICIENT_RESOURCES: ERROR_NO_SYSTEM_RESOURCES */
    { 0xC00000B0u, 233 },                      /* STATUS_PIPE_DISCONNECTED: ERROR_PIPE_NOT_CONNECTED */
    { 0xC00000B5u, 121 },                      /* STATUS_IO_TIMEOUT: ERROR_SEM_TIMEOUT */
    { 0xC00000BBu, ERROR_NOT_SUPPORTED },      /* STATUS_NOT_SUPPORTED */
    { 0xC0000101u, ERROR_DIR_NOT_EMPTY },      /* STATUS_DIRECTORY_NOT_EMPTY */
    { 0xC0000103u, ERROR_DIRECTORY },          /* STATUS_NOT_A_DIRECTORY */
    { 0xC0000120u, ERROR_OPERATION_ABORTED },  /* STATUS_CANCELLED */
    { 0xC0000135u, ERROR_MOD_NOT_FOUND },      /* STATUS_DLL_NOT_FOUND */
    { 0xC0000139u, ERROR_PROC_NOT_FOUND },     /* STATUS_ENTRYPOINT_NOT_FOUND */
    { 0xC000014Bu, ERROR_BROKEN_PIPE },        /* STATUS_PIPE_BROKEN */
    { 0xC0000225u, ERROR_NOT_FOUND },          /* STATUS_NOT_FOUND */
    { 0xC0000275u, 4390 },                     /* STATUS_NOT_A_REPARSE_POINT: ERROR_NOT_A_REPARSE_POINT */
};

DWORD w32_status_to_error(NTSTATUS st)
{
    ULONG s = (ULONG)st;
    if (s == 0 || (s & 0x20000000u))
        return s;
    if ((s & 0xffff0000u) == FACILITY_NTWIN32)
        return s & 0xffff;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].status == s)
            return map[i].error;
    return (s >> 30) == 0 ? s : ERROR_MR_MID_NOT_FOUND; /* other success codes pass */
}

NTSTATUS w32_status_from_error(DWORD e)
{
    if (e == 0)
        return 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].error == e)
            return (NTSTATUS)map[i].status;
    return (NTSTATUS)(FACILITY_NTWIN32 | (e & 0xffff));
}

static DWORD WINAPI w32_RtlNtStatusToDosErrorNoTeb(NTSTATUS st)
{
    return w32_status_to_error(st);
}

static DWORD WINAPI w32_RtlNtStatusToDosError(NTSTATUS st)
{
    *(NTSTATUS *)((char *)w32_teb() + TEB_LAST_STATUS) = st;
    return w32_status_to_error(st);
}

static NTSTATUS WINAPI w32_RtlGetLastNtStatus(void)
{
    return *(NTSTATUS *)((char *)w32_teb() + TEB_LAST_STATUS);
}

W32_EXPORTS(ntdll) = {
    EXPORT(RtlNtStatusToDosError, "u:u"),
    EXPORT(RtlNtStatusToDosErrorNoTeb, "u:u"),
    EXPORT(RtlGetLastNtStatus, ":u"),
};
