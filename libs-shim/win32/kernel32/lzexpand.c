/* lzexpand.c — kernel32's LZ functions (lz32.dll's too on Windows):
 * LZOpenFile(A/W), LZInit, LZRead, LZCopy/CopyLZFile, LZClose and
 * GetExpandedName(A/W), for files made by COMPRESS.EXE ("SZDD"). A
 * compressed file opened for reading is expanded whole into memory and
 * gets an LZ handle (0x400 and up, as on Windows); anything else stays an
 * ordinary file handle. The SZDD format: a 14-byte header (magic, 'A',
 * the name's last character, the expanded size), then groups of a flag
 * byte and eight items, LSB first: a set bit is a literal byte, a clear
 * one a 16-bit (offset, length) reference into a 4096-byte window that
 * starts filled with spaces, writing at 4096 - 16. */
#include <stdlib.h>
#include <string.h>

#include "../paths.h"
#include "../registry.h"
#include "../unicode.h"
#include "k32.h"
#include "lzexpand.h"

#define LZERROR_BADINHANDLE (-1)
#define LZERROR_BADOUTHANDLE (-2)
#define LZERROR_READ (-3)
#define LZERROR_WRITE (-4)
#define LZERROR_GLOBALLOC (-5)
#define LZERROR_BADVALUE_ (-7)
#define LZ_FIRST 0x400
#define LZ_MAX 16
#define OF_READ 0x0
#define OF_WRITE 0x1
#define OF_READWRITE 0x2
#define OF_CREATE 0x1000
#define WINDOW 4096
#define MAX_EXPANDED (1u << 30)

static const uint8_t magic[8] = { 'S', 'Z', 'D', 'D', 0x88, 0xf0, 0x27, 0x33 };

int szdd_header(const uint8_t *p, size_t n, char *last, uint32_t *size)
{
    if (n < SZDD_HEADER || memcmp(p, magic, 8) || p[8] != 'A')
        return 0;
    *last = (char)p[9];
    memcpy(size, p + 10, 4);
    return 1;
}

struct obuf { uint8_t *p; size_t len, cap; };

static int put(struct obuf *o, uint8_t c)
{
    if (o->len == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 4096;
        uint8_t *np = cap <= MAX_EXPANDED ? realloc(o->p, cap) : NULL;
        if (!np)
            return -1;
        o->p = np, o->cap = cap;
    }
    o->p[o->len++] = c;
    return 0;
}

int szdd_expand(const uint8_t *in, size_t n, uint8_t **out, size_t *outlen)
{
    uint8_t win[WINDOW];
    unsigned pos = WINDOW - 16;
    struct obuf o = { NULL, 0, 0 };
    char last;
    uint32_t size;
    if (!szdd_header(in, n, &last, &size))
        return -1;
    memset(win, ' ', sizeof win);
    for (size_t i = SZDD_HEADER; i < n;) {
        unsigned flags = in[i++];
        for (int bit = 0; bit < 8 && i < n; bit++) {
            if (flags & (1u << bit)) { /* a literal */
                uint8_t c = in[i++];
                win[pos] = c, pos = (pos + 1) % WINDOW;
                if (put(&o, c))
                    goto oom;
                continue;
            }
            if (i + 1 >= n)
                break;
            unsigned off = in[i] | (in[i + 1] & 0xf0u) << 4, len = (in[i + 1] & 0x0fu) + 3;
            i += 2;
            for (unsigned k = 0; k < len; k++) {
                uint8_t c = win[(off + k) % WINDOW];
                win[pos] = c, pos = (pos + 1) % WINDOW;
                if (put(&o, c))
                    goto oom;
            }
        }
    }
    *out = o.p, *outlen = o.len;
    return 0;
oom:
    free(o.p);
    return -1;
}

/* ---- handles ---- */
static struct lzfile {
    HANDLE file;
    uint8_t *data;
    size_t len, pos;
    int used;
} lz[LZ_MAX];

typedef HANDLE (WINAPI *create_fn)(LPCSTR, DWORD, DWORD, void *, DWORD, DWORD, HANDLE);
typedef BOOL (WINAPI *rw_fn)(HANDLE, void *, DWORD, DWORD *, void *);
typedef BOOL (WINAPI *close_fn)(HANDLE);
typedef DWORD (WINAPI *fullpath_fn)(LPCSTR, DWORD, LPSTR, LPSTR *);

static void *k32(const char *name) { return w32_builtin_fn("kernel32.dll", name); }
static HANDLE handle_of(INT hf) { return (HANDLE)(intptr_t)hf; }

static struct lzfile *lz_of(INT h)
{
    return h >= LZ_FIRST && h < LZ_FIRST + LZ_MAX && lz[h - LZ_FIRST].used ? &lz[h - LZ_FIRST] : NULL;
}

/* All of file F from where it stands (malloc'd), or NULL. */
static uint8_t *read_all(HANDLE f, size_t *n)
{
    size_t cap = 65536;
    uint8_t *buf = malloc(cap);
    DWORD got = 0;
    *n = 0;
    while (buf && ((rw_fn)k32("ReadFile"))(f, buf + *n, (DWORD)(cap - *n), &got, NULL) && got) {
        *n += got;
        if (*n < cap)
            continue;
        uint8_t *nb = cap < MAX_EXPANDED ? realloc(buf, cap * 2) : NULL;
        if (!nb)
            free(buf);
        buf = nb, cap *= 2;
    }
    return buf;
}

static INT WINAPI w32_LZInit(INT hf)
{
    HANDLE f = handle_of(hf);
    size_t n, outlen;
    uint8_t *raw = read_all(f, &n), *data;
    if (!raw)
        return LZERROR_READ;
    char last;
    uint32_t size;
    if (!szdd_header(raw, n, &last, &size)) { /* not compressed: the file itself, rewound */
        LONG back = -(LONG)n;
        typedef DWORD (WINAPI *seek_fn)(HANDLE, LONG, LONG *, DWORD);
        ((seek_fn)k32("SetFilePointer"))(f, back, NULL, 1 /* FILE_CURRENT */);
        free(raw);
        return hf;
    }
    int r = szdd_expand(raw, n, &data, &outlen);
    free(raw);
    if (r)
        return LZERROR_GLOBALLOC;
    for (int i = 0; i < LZ_MAX; i++)
        if (!lz[i].used) {
            lz[i] = (struct lzfile){ f, data, outlen, 0, 1 };
            return LZ_FIRST + i;
        }
    free(data);
    return LZERROR_GLOBALLOC;
}

typedef struct {
    BYTE cBytes, fFixedDisk;
    WORD nErrCode, Reserved1, Reserved2;
    CHAR szPathName[128];
} OFSTRUCT;

static INT WINAPI w32_LZOpenFileA(LPSTR name, OFSTRUCT *ofs, WORD style)
{
    DWORD access = (style & 3) == OF_WRITE ? GENERIC_WRITE
                 : (style & 3) == OF_READWRITE ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ;
    DWORD disp = style & OF_CREATE ? 2 /* CREATE_ALWAYS */ : 3 /* OPEN_EXISTING */;
    HANDLE f = ((create_fn)k32("CreateFileA"))(name, access, 3, NULL, disp, 0x80, NULL);
    if (ofs) {
        memset(ofs, 0, sizeof *ofs);
        ofs->cBytes = sizeof *ofs;
        ofs->nErrCode = (WORD)(f == INVALID_HANDLE_VALUE ? w32_get_last_error() : 0);
        ((fullpath_fn)k32("GetFullPathNameA"))(name, sizeof ofs->szPathName, ofs->szPathName, NULL);
    }
    if (f == INVALID_HANDLE_VALUE)
        return -1; /* HFILE_ERROR */
    if ((style & 3) != OF_READ || (style & OF_CREATE))
        return (INT)(intptr_t)f;
    INT h = w32_LZInit((INT)(intptr_t)f);
    if (h < 0)
        ((close_fn)k32("CloseHandle"))(f);
    return h;
}

static INT WINAPI w32_LZOpenFileW(LPWSTR name, OFSTRUCT *ofs, WORD style)
{
    char *u = w32_wide_to_utf8(name);
    INT h = u ? w32_LZOpenFileA(u, ofs, style) : -1;
    free(u);
    return h;
}

static INT WINAPI w32_LZRead(INT h, LPSTR buf, INT n)
{
    struct lzfile *z = lz_of(h);
    DWORD got = 0;
    if (n < 0)
        return LZERROR_BADVALUE_;
    if (!z)
        return ((rw_fn)k32("ReadFile"))(handle_of(h), buf, (DWORD)n, &got, NULL) ? (INT)got : LZERROR_READ;
    size_t k = z->len - z->pos < (size_t)n ? z->len - z->pos : (size_t)n;
    memcpy(buf, z->data + z->pos, k);
    z->pos += k;
    return (INT)k;
}

static LONG WINAPI w32_LZCopy(INT src, INT dst)
{
    char buf[65536];
    LONG total = 0;
    if (lz_of(dst))
        return LZERROR_BADOUTHANDLE;
    for (;;) {
        INT n = w32_LZRead(src, buf, sizeof buf);
        DWORD put = 0;
        if (n < 0)
            return n;
        if (n == 0)
            return total;
        if (!((rw_fn)k32("WriteFile"))(handle_of(dst), buf, (DWORD)n, &put, NULL) || put != (DWORD)n)
            return LZERROR_WRITE;
        total += n;
    }
}

static void WINAPI w32_LZClose(INT h)
{
    struct lzfile *z = lz_of(h);
    HANDLE f = z ? z->file : handle_of(h);
    if (z) {
        free(z->data);
        memset(z, 0, sizeof *z);
    }
    ((close_fn)k32("CloseHandle"))(f);
}

/* The original name: a trailing '_' becomes the character the header
 * recorded. A file that is not compressed keeps its name. */
static INT WINAPI w32_GetExpandedNameA(LPSTR src, LPSTR out)
{
    HANDLE f = ((create_fn)k32("CreateFileA"))(src, GENERIC_READ, 3, NULL, 3, 0x80, NULL);
    uint8_t h[SZDD_HEADER];
    DWORD got = 0;
    char last = 0;
    uint32_t size;
    if (f == INVALID_HANDLE_VALUE)
        return LZERROR_BADINHANDLE;
    ((rw_fn)k32("ReadFile"))(f, h, sizeof h, &got, NULL);
    ((close_fn)k32("CloseHandle"))(f);
    strcpy(out, src);
    size_t n = strlen(out);
    if (szdd_header(h, got, &last, &size) && last && n && out[n - 1] == '_')
        out[n - 1] = last;
    return 1;
}

static INT WINAPI w32_GetExpandedNameW(LPWSTR src, LPWSTR out)
{
    char *u = w32_wide_to_utf8(src), buf[MAX_PATH * 4];
    INT r = u && strlen(u) < sizeof buf ? w32_GetExpandedNameA(u, buf) : LZERROR_BADVALUE_;
    if (r == 1)
        w32_utf8_to_utf16(buf, -1, out, MAX_PATH);
    free(u);
    return r;
}

W32_EXPORTS(kernel32) = {
    EXPORT(LZOpenFileA, "ppu:i"), EXPORT(LZOpenFileW, "ppu:i"), EXPORT(LZInit, "i:i"),
    EXPORT(LZRead, "ipi:i"), EXPORT(LZCopy, "ii:i"), EXPORT_AS("CopyLZFile", w32_LZCopy, "ii:i"),
    EXPORT(LZClose, "i:v"), EXPORT(GetExpandedNameA, "sp:i"), EXPORT(GetExpandedNameW, "wp:i"),
};
