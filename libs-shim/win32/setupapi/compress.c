/* compress.c — setupapi.dll's SetupGetFileCompressionInfoEx(A/W): how a
 * file on installation media is compressed and how big it is expanded.
 * The file is looked for under its name, then under its compressed name
 * (the extension's last character replaced by '_', "name._" without one).
 * "SZDD" files are FILE_COMPRESSION_WINLZA (expanded size from the
 * header); cabinets ("MSCF") FILE_COMPRESSION_MSZIP or, for LZX folders,
 * FILE_COMPRESSION_NTCAB (expanded size: the first file's); anything else
 * FILE_COMPRESSION_NONE. expand.exe calls it. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../kernel32/lzexpand.h"
#include "../paths.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define FILE_COMPRESSION_NONE 0
#define FILE_COMPRESSION_WINLZA 1
#define FILE_COMPRESSION_MSZIP 2
#define FILE_COMPRESSION_NTCAB 3
#define CAB_RESERVE_PRESENT 0x4

static uint32_t le32(const uint8_t *p) { return (uint32_t)p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* Compression type and expanded size of the N first bytes H of a file of SIZE bytes. */
static UINT kind_of(const uint8_t *h, size_t n, uint32_t size, uint32_t *target)
{
    char last;
    *target = size;
    if (szdd_header(h, n, &last, target))
        return FILE_COMPRESSION_WINLZA;
    if (n < 36 || memcmp(h, "MSCF", 4))
        return FILE_COMPRESSION_NONE;
    uint32_t folder = 36, files = le32(h + 16);
    if (le16(h + 30) & CAB_RESERVE_PRESENT)
        folder += 4 + le16(h + 36);
    if (files + 4 <= n)
        *target = le32(h + files);
    return folder + 8 <= n && (h[folder + 6] & 0x0f) == 3 ? FILE_COMPRESSION_NTCAB : FILE_COMPRESSION_MSZIP;
}

/* NAME, or its compressed form, as found: the Windows name into FOUND. */
static FILE *open_either(const char *name, char *found, size_t n, struct stat *st)
{
    char host[PATH_MAX];
    snprintf(found, n, "%s", name);
    for (int pass = 0; pass < 2; pass++) {
        if (pass) {
            char *dot = strrchr(found, '.'), *sep = strrchr(found, '\\');
            size_t len = strlen(found);
            if (!dot || (sep && dot < sep))
                snprintf(found + len, n - len, "._");
            else if (dot[1] && len + 1 < n)
                found[len - 1] = '_';
            else if (len + 1 < n)
                found[len] = '_', found[len + 1] = 0;
        }
        FILE *f = w32_path_to_host(found, host, sizeof host) ? NULL : fopen(host, "rb");
        if (f && !fstat(fileno(f), st) && S_ISREG(st->st_mode))
            return f;
        if (f)
            fclose(f);
    }
    return NULL;
}

static BOOL info(const char *src, char *actual, DWORD len, DWORD *req, DWORD *srcsize,
                 DWORD *target, UINT *type)
{
    char found[PATH_MAX];
    struct stat st;
    uint8_t h[512];
    FILE *f = src ? open_either(src, found, sizeof found, &st) : NULL;
    if (!f) {
        w32_set_last_error(src ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    uint32_t tsize;
    UINT kind = kind_of(h, n, (uint32_t)st.st_size, &tsize);
    DWORD need = (DWORD)strlen(found) + 1;
    if (req)
        *req = need;
    if (actual && len < need) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    if (actual)
        memcpy(actual, found, need);
    if (srcsize)
        *srcsize = (DWORD)st.st_size;
    if (target)
        *target = tsize;
    if (type)
        *type = kind;
    return TRUE;
}

static BOOL WINAPI w32_SetupGetFileCompressionInfoExA(LPCSTR src, LPSTR actual, DWORD len, DWORD *req,
                                                      DWORD *srcsize, DWORD *target, UINT *type)
{
    return info(src, actual, len, req, srcsize, target, type);
}

/* The wide form: LEN and *REQ count UTF-16 units. */
static BOOL WINAPI w32_SetupGetFileCompressionInfoExW(LPCWSTR src, LPWSTR actual, DWORD len, DWORD *req,
                                                      DWORD *srcsize, DWORD *target, UINT *type)
{
    char *u = src ? w32_wide_to_utf8(src) : NULL, found[PATH_MAX * 2];
    DWORD need = 0;
    BOOL ok = info(u, found, sizeof found, &need, srcsize, target, type);
    free(u);
    if (!ok)
        return FALSE;
    need = (DWORD)w32_utf8_to_utf16(found, -1, NULL, 0) + 1;
    if (req)
        *req = need;
    if (actual && len < need) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    if (actual)
        w32_utf8_to_utf16(found, -1, actual, len);
    return TRUE;
}

W32_EXPORTS(setupapi) = {
    EXPORT(SetupGetFileCompressionInfoExA, "sppuppp:i"),
    EXPORT(SetupGetFileCompressionInfoExW, "wppuppp:i"),
};
