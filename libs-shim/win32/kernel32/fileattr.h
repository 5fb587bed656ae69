/* fileattr.h — Windows file attributes and times from host metadata. */
#ifndef XENO_K32_FILEATTR_H
#define XENO_K32_FILEATTR_H

#include <sys/stat.h>
#include "../w32.h"

#define FILE_ATTRIBUTE_READONLY 0x1
#define FILE_ATTRIBUTE_HIDDEN 0x2
#define FILE_ATTRIBUTE_SYSTEM 0x4
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define FILE_ATTRIBUTE_ARCHIVE 0x20
#define FILE_ATTRIBUTE_DEVICE 0x40
#define FILE_ATTRIBUTE_NORMAL 0x80
#define FILE_ATTRIBUTE_TEMPORARY 0x100
#define FILE_ATTRIBUTE_REPARSE_POINT 0x400
#define INVALID_FILE_ATTRIBUTES 0xffffffffu

/* A regular file without any write permission bit: FILE_ATTRIBUTE_READONLY. */
int k32_is_readonly(const struct stat *st);
/* The attributes of the file at HOST (described by ST). */
DWORD k32_attrs(const char *host, const struct stat *st);
/* Store HIDDEN/SYSTEM/ARCHIVE (kept in the user.DOSATTRIB extended
 * attribute, as Samba and Wine keep them); best effort. */
void k32_set_dos_attrs(const char *host, DWORD attrs);
/* Times: FILETIME values from stat, with the creation time from statx
 * when the file system records it (else the change time). */
void k32_stat_times(const char *host, int fd, const struct stat *st, uint64_t *create,
                    uint64_t *access, uint64_t *write, uint64_t *change);
uint64_t k32_ts_to_ft(const struct timespec *ts);
/* The volume serial number of the file system holding ST. */
DWORD k32_volume_serial(const struct stat *st);

#endif
