/* fileio.h — file I/O shared by kernel32's files: the OVERLAPPED record
 * and one read/write path for ReadFile, WriteFile and the console. */
#ifndef XENO_K32_FILEIO_H
#define XENO_K32_FILEIO_H

#include "../w32.h"

typedef struct {
    ULONG_PTR Internal, InternalHigh;
    DWORD Offset, OffsetHigh;
    HANDLE hEvent;
} OVERLAPPED;

/* Read (WR 0) or write N bytes through handle H: 0 or a Win32 error,
 * *DONE the bytes moved. */
DWORD k32_file_io(HANDLE h, void *buf, DWORD n, DWORD *done, OVERLAPPED *ovl, int wr);
int k32_is_stream(int fd);
/* GetFileInformationByHandleEx and SetFileInformationByHandle without
 * the last-error convention (ntdll's file calls use them): 0 or a Win32
 * error. CLS is a FILE_INFO_BY_HANDLE_CLASS. */
DWORD k32_file_info(HANDLE h, int cls, PVOID buf, DWORD n);
DWORD k32_file_set_info(HANDLE h, int cls, PVOID buf, DWORD n);
/* SetEvent for internal callers. */
BOOL k32_set_event_handle(HANDLE h);
/* Queue FN(DATA) as an APC of the calling thread. */
void k32_queue_apc_self(void (WINAPI *fn)(ULONG_PTR), ULONG_PTR data);

#endif
