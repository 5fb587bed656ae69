/* ntstatus.h — NTSTATUS values of ntdll's file and object calls and the
 * translation between them and Win32 error codes (ntdll/ntstatus.c):
 * RtlNtStatusToDosError's table one way, and the NTSTATUS an Nt* call
 * reports for an error kernel32's code found the other way. */
#ifndef XENO_W32_NTSTATUS_H
#define XENO_W32_NTSTATUS_H

#include "w32.h"

#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001)
#define STATUS_NOT_IMPLEMENTED ((NTSTATUS)0xC0000002)
#define STATUS_INVALID_INFO_CLASS ((NTSTATUS)0xC0000003)
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004)
#define STATUS_NT_ACCESS_VIOLATION ((NTSTATUS)0xC0000005)
#define STATUS_NT_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#define STATUS_NT_INVALID_PARAMETER ((NTSTATUS)0xC000000D)
#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011)
#define STATUS_ACCESS_DENIED ((NTSTATUS)0xC0000022)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_NAME_INVALID ((NTSTATUS)0xC0000033)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_NAME_COLLISION ((NTSTATUS)0xC0000035)
#define STATUS_OBJECT_PATH_NOT_FOUND ((NTSTATUS)0xC000003A)
#define STATUS_FILE_IS_A_DIRECTORY ((NTSTATUS)0xC00000BA)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BB)
#define STATUS_NOT_A_DIRECTORY ((NTSTATUS)0xC0000103)
#define STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005)
#define STATUS_NT_PENDING ((NTSTATUS)0x00000103)

/* RtlNtStatusToDosError without touching the TEB: success and
 * customer-defined codes come back unchanged, FACILITY_NTWIN32 codes
 * carry their Win32 error in the low word, unknown ones give
 * ERROR_MR_MID_NOT_FOUND (317). */
DWORD w32_status_to_error(NTSTATUS st);
/* The NTSTATUS that stands for Win32 error E (0 → STATUS_SUCCESS); one
 * without an NTSTATUS of its own is FACILITY_NTWIN32 | E. */
NTSTATUS w32_status_from_error(DWORD e);

#endif
