/* test_ntshim.c — the logic behind the ntdll and kernel32 calls real
 * third-party programs needed (tests/integration/realworld.sh runs the
 * programs themselves): NTSTATUS ↔ Win32 error translation
 * (RtlNtStatusToDosError's rules) and listing a directory through a
 * handle (GetFileInformationByHandleEx's directory classes: entries
 * chained by NextEntryOffset, continuing across calls, Restart, the
 * end, a buffer too small for one entry). */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"
#include "win32/kernel32/dirinfo.h"
#include "win32/kernel32/fileobj.h"
#include "win32/ntstatus.h"
#include "win32/winerr.h"

START_TEST(status_to_error)
{
    ck_assert_uint_eq(w32_status_to_error(0), 0);
    ck_assert_uint_eq(w32_status_to_error(STATUS_OBJECT_NAME_NOT_FOUND), ERROR_FILE_NOT_FOUND);
    ck_assert_uint_eq(w32_status_to_error(STATUS_OBJECT_PATH_NOT_FOUND), ERROR_PATH_NOT_FOUND);
    ck_assert_uint_eq(w32_status_to_error(STATUS_ACCESS_DENIED), ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(w32_status_to_error(STATUS_FILE_IS_A_DIRECTORY), ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(w32_status_to_error(STATUS_END_OF_FILE), ERROR_HANDLE_EOF);
    ck_assert_uint_eq(w32_status_to_error((NTSTATUS)0xC000014B), ERROR_BROKEN_PIPE);
    ck_assert_uint_eq(w32_status_to_error(STATUS_BUFFER_OVERFLOW), ERROR_MORE_DATA);
    ck_assert_uint_eq(w32_status_to_error(STATUS_NT_PENDING), ERROR_IO_PENDING);
    ck_assert_uint_eq(w32_status_to_error(STATUS_NOT_A_DIRECTORY), ERROR_DIRECTORY);
    /* FACILITY_NTWIN32 carries a Win32 error; customer codes pass as they are */
    ck_assert_uint_eq(w32_status_to_error((NTSTATUS)0xC0070020), 32);
    ck_assert_uint_eq(w32_status_to_error((NTSTATUS)0xE0001234), 0xE0001234u);
    /* an error status without a mapping: ERROR_MR_MID_NOT_FOUND */
    ck_assert_uint_eq(w32_status_to_error((NTSTATUS)0xC0DE0001), 317);
}
END_TEST

START_TEST(error_to_status)
{
    ck_assert_int_eq(w32_status_from_error(0), 0);
    ck_assert_uint_eq((ULONG)w32_status_from_error(ERROR_FILE_NOT_FOUND), 0xC0000034u);
    ck_assert_uint_eq((ULONG)w32_status_from_error(ERROR_PATH_NOT_FOUND), 0xC000003Au);
    ck_assert_uint_eq((ULONG)w32_status_from_error(ERROR_ACCESS_DENIED), 0xC0000022u);
    ck_assert_uint_eq((ULONG)w32_status_from_error(ERROR_INVALID_PARAMETER), 0xC000000Du);
    ck_assert_uint_eq((ULONG)w32_status_from_error(ERROR_INVALID_HANDLE), 0xC0000008u);
    /* no status of its own: FACILITY_NTWIN32, and back again */
    ck_assert_uint_eq((ULONG)w32_status_from_error(ERROR_ENVVAR_NOT_FOUND), 0xC00700CBu);
    ck_assert_uint_eq(w32_status_to_error(w32_status_from_error(ERROR_ENVVAR_NOT_FOUND)),
                      ERROR_ENVVAR_NOT_FOUND);
    /* every error that has a status maps back to itself */
    static const DWORD errs[] = { ERROR_FILE_NOT_FOUND, ERROR_SHARING_VIOLATION, ERROR_DISK_FULL,
                                  ERROR_DIR_NOT_EMPTY, ERROR_ALREADY_EXISTS, ERROR_NOACCESS };
    for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++)
        ck_assert_uint_eq(w32_status_to_error(w32_status_from_error(errs[i])), errs[i]);
}
END_TEST

/* A directory with N files f000 … */
static struct w32_file *dir_with(char *path, int n)
{
    strcpy(path, "/tmp/xeno-dirinfo.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(path));
    for (int i = 0; i < n; i++) {
        char f[300];
        snprintf(f, sizeof f, "%s/f%03d", path, i);
        int fd = open(f, O_CREAT | O_WRONLY, 0644);
        ck_assert_int_ge(fd, 0);
        ck_assert_int_eq(write(fd, "abc", (size_t)(i % 4)), i % 4);
        close(fd);
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    ck_assert_int_ge(fd, 0);
    struct w32_file *f = k32_file_new(fd, 0x80000000u, path);
    ck_assert_ptr_nonnull(f);
    f->is_dir = 1;
    return f;
}

static void remove_dir(const char *path, int n)
{
    for (int i = 0; i < n; i++) {
        char f[300];
        snprintf(f, sizeof f, "%s/f%03d", path, i);
        unlink(f);
    }
    rmdir(path);
}

/* Walk one buffer of FILE_FULL_DIR_INFO entries: how many, checking each. */
static int walk(const char *buf, int *seen)
{
    int count = 0;
    for (DWORD off = 0;; count++) {
        DWORD next, attrs, nlen;
        uint64_t size;
        memcpy(&next, buf + off, 4);
        memcpy(&size, buf + off + 40, 8);
        memcpy(&attrs, buf + off + 56, 4);
        memcpy(&nlen, buf + off + 60, 4);
        ck_assert_uint_eq(next % 8, 0);
        const WCHAR *name = (const WCHAR *)(buf + off + 68);
        if (nlen == 8 && name[0] == 'f') {            /* fNNN */
            int k = (name[1] - '0') * 100 + (name[2] - '0') * 10 + (name[3] - '0');
            ck_assert_int_lt(k, 40);
            seen[k]++;
            ck_assert_uint_eq(size, (uint64_t)(k % 4));
            ck_assert_uint_eq(attrs & 0x10, 0);
        } else {
            ck_assert_uint_ne(attrs & 0x10, 0);           /* "." and ".." */
        }
        if (!next)
            return count + 1;
        off += next;
    }
}

START_TEST(dir_listing_continues)
{
    char path[64];
    int seen[40] = { 0 }, total = 0, calls = 0;
    struct w32_file *f = dir_with(path, 40);
    char buf[400];                      /* a few entries per call */
    DWORD e;
    while ((e = k32_dir_info(f, calls ? 14 : 15, buf, sizeof buf)) == 0) {
        total += walk(buf, seen);
        calls++;
    }
    ck_assert_uint_eq(e, ERROR_NO_MORE_FILES);
    ck_assert_int_eq(total, 42);        /* 40 files, ".", ".." */
    ck_assert_int_gt(calls, 5);
    for (int i = 0; i < 40; i++)
        ck_assert_int_eq(seen[i], 1);
    /* Restart starts over; a buffer too small for one entry says so */
    ck_assert_uint_eq(k32_dir_info(f, 15, buf, sizeof buf), 0);
    ck_assert_uint_eq(k32_dir_info(f, 14, buf, 70), ERROR_MORE_DATA);
    ck_assert_uint_eq(k32_dir_info(f, 14, buf, 16), 24 /* ERROR_BAD_LENGTH */);
    ck_assert_uint_eq(k32_dir_info(f, 7, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    f->o.destroy(&f->o);
    remove_dir(path, 40);
}
END_TEST

START_TEST(dir_listing_id_both)
{
    char path[64];
    struct w32_file *f = dir_with(path, 3);
    char buf[4096];
    ck_assert_uint_eq(k32_dir_info(f, 11, buf, sizeof buf), 0);
    int files = 0;
    for (DWORD off = 0;;) {
        DWORD next, nlen;
        uint64_t id;
        memcpy(&next, buf + off, 4);
        memcpy(&nlen, buf + off + 60, 4);
        memcpy(&id, buf + off + 96, 8);
        ck_assert_uint_ne(id, 0);       /* FileId: the inode */
        if (nlen == 8 && ((WCHAR *)(buf + off + 104))[0] == 'f')
            files++;
        if (!next)
            break;
        off += next;
    }
    ck_assert_int_eq(files, 3);
    ck_assert_uint_eq(k32_dir_info(f, 10, buf, sizeof buf), ERROR_NO_MORE_FILES);
    f->is_dir = 0;                      /* not a directory: refused */
    ck_assert_uint_eq(k32_dir_info(f, 11, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    f->o.destroy(&f->o);
    remove_dir(path, 3);
}
END_TEST

Suite *suite_ntshim(void)
{
    Suite *s = suite_create("ntshim");
    TCase *t = tcase_create("rules");
    tcase_add_test(t, status_to_error);
    tcase_add_test(t, error_to_status);
    tcase_add_test(t, dir_listing_continues);
    tcase_add_test(t, dir_listing_id_both);
    suite_add_tcase(s, t);
    return s;
}
