/* filemap.c — file mappings (sections) on host mmap: CreateFileMapping(A/W),
 * OpenFileMapping(A/W), MapViewOfFile(Ex), UnmapViewOfFile and
 * FlushViewOfFile. A mapping of a file keeps its own descriptor; one backed
 * by the paging file (INVALID_HANDLE_VALUE) is a memfd, so that every view
 * of it, through any handle or name, shares the same bytes as on Windows.
 * Views start on the 64 KiB allocation granularity, as Windows places
 * them. SEC_IMAGE (mapping a PE file as an image) is not supported and
 * fails with ERROR_NOT_SUPPORTED. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../handles.h"
#include "../unicode.h"
#include "fileobj.h"
#include "k32.h"

#define GRAN 0x10000ull
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04
#define PAGE_WRITECOPY 0x08
#define PAGE_EXECUTE_READ 0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define SEC_IMAGE 0x1000000u
#define FILE_MAP_COPY 0x1u
#define FILE_MAP_WRITE 0x2u
#define FILE_MAP_READ 0x4u
#define FILE_MAP_EXECUTE 0x20u
#define ERROR_FILE_INVALID 1006
#define ERROR_MAPPED_ALIGNMENT 1132
#define ERROR_NOT_SUPPORTED_FM 50

struct section {
    struct w32_object o;
    int fd;
    uint64_t size;
    DWORD prot;              /* PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY (+EXECUTE) */
};

struct view {
    uint64_t base, size;
    struct view *next;
};

static struct view *views;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void destroy(struct w32_object *o)
{
    struct section *s = (struct section *)o;
    k32_name_remove(o);
    close(s->fd);
    free(s);
}

static int can_write(DWORD prot) { return prot == PAGE_READWRITE || prot == PAGE_EXECUTE_READWRITE; }
static int can_copy(DWORD prot) { return can_write(prot) || prot == PAGE_WRITECOPY || prot == PAGE_EXECUTE_WRITECOPY; }

/* The descriptor and size of the section for FILE (or the paging file):
 * 0, or a Win32 error. */
static DWORD backing(HANDLE file, DWORD prot, uint64_t want, int *fd, uint64_t *size)
{
    if (file == INVALID_HANDLE_VALUE) {
        if (!want)
            return ERROR_INVALID_PARAMETER;
        *fd = memfd_create("xeno-section", MFD_CLOEXEC);
        if (*fd < 0 || ftruncate(*fd, (off_t)want) < 0)
            return *fd >= 0 ? (close(*fd), ERROR_NOT_ENOUGH_MEMORY) : ERROR_NOT_ENOUGH_MEMORY;
        *size = want;
        return 0;
    }
    struct w32_file *f = w32_file_get(file);
    if (!f)
        return ERROR_INVALID_HANDLE;
    struct stat st;
    DWORD e = 0;
    *fd = fstat(f->fd, &st) == 0 ? fcntl(f->fd, F_DUPFD_CLOEXEC, 0) : -1;
    if (*fd < 0)
        e = ERROR_INVALID_HANDLE;
    else if ((can_write(prot) && !(f->rights & FILE_WRITE_DATA)) || !(f->rights & FILE_READ_DATA))
        e = ERROR_ACCESS_DENIED;          /* the handle must allow what the section does */
    else if (!want && st.st_size == 0)
        e = ERROR_FILE_INVALID;           /* an empty file and no size */
    else if (want > (uint64_t)st.st_size && !can_write(prot))
        e = ERROR_NOT_ENOUGH_MEMORY;      /* STATUS_SECTION_TOO_BIG */
    else if (want > (uint64_t)st.st_size && ftruncate(*fd, (off_t)want) < 0)
        e = ERROR_DISK_FULL;              /* a writable mapping grows its file */
    *size = want ? want : (uint64_t)st.st_size;
    if (e && *fd >= 0)
        close(*fd);
    w32_obj_put(&f->o);
    return e;
}

static HANDLE WINAPI w32_CreateFileMappingW(HANDLE file, const SECURITY_ATTRIBUTES *sa, DWORD flags,
                                            DWORD hi, DWORD lo, LPCWSTR name)
{
    DWORD prot = flags & 0xff, e;
    int fd, found;
    uint64_t size;
    if (flags & SEC_IMAGE)
        return w32_set_last_error(ERROR_NOT_SUPPORTED_FM), NULL;
    if (!can_copy(prot) && prot != PAGE_READONLY && prot != PAGE_EXECUTE_READ)
        return w32_set_last_error(ERROR_INVALID_PARAMETER), NULL;
    if (name && *name) { /* an existing section of that name is opened, not made */
        HANDLE h = k32_open_existing(name, W32_H_SECTION, &found);
        if (found)
            return h;
    }
    if ((e = backing(file, prot, (uint64_t)hi << 32 | lo, &fd, &size)))
        return w32_set_last_error(e), NULL;
    struct section *s = calloc(1, sizeof *s);
    if (!s) {
        close(fd);
        return w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY), NULL;
    }
    s->o.type = W32_H_SECTION, s->o.destroy = destroy;
    s->fd = fd, s->size = size, s->prot = prot;
    if (name && *name)
        k32_name_add(&s->o, name);
    HANDLE h = k32_handle_for(&s->o, sa);
    if (!h)
        destroy(&s->o);
    else
        w32_set_last_error(ERROR_SUCCESS);
    return h;
}

static HANDLE WINAPI w32_CreateFileMappingA(HANDLE file, const SECURITY_ATTRIBUTES *sa, DWORD flags,
                                            DWORD hi, DWORD lo, LPCSTR name)
{
    WCHAR *w = name ? w32_utf8_to_wide(name) : NULL;
    HANDLE h = w32_CreateFileMappingW(file, sa, flags, hi, lo, w);
    free(w);
    return h;
}

static HANDLE WINAPI w32_OpenFileMappingW(DWORD access, BOOL inherit, LPCWSTR name)
{
    (void)access;
    struct w32_object *o = name ? k32_name_lookup(name) : NULL;
    HANDLE h = NULL;
    if (!o)
        w32_set_last_error(name ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_PARAMETER);
    else if (o->type != W32_H_SECTION)
        w32_set_last_error(ERROR_INVALID_HANDLE);
    else if ((h = w32_handle_new(o)) && inherit)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    if (o)
        w32_obj_put(o);
    return h;
}

static HANDLE WINAPI w32_OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR *w = name ? w32_utf8_to_wide(name) : NULL;
    HANDLE h = w32_OpenFileMappingW(access, inherit, w);
    free(w);
    return h;
}

/* Host protection and sharing for a view with ACCESS of section S, or -1
 * (the access is more than the section allows). */
static int view_prot(const struct section *s, DWORD access, int *flags)
{
    int p = PROT_READ;
    *flags = MAP_SHARED;
    if (access & FILE_MAP_WRITE) {        /* FILE_MAP_ALL_ACCESS has the COPY bit too */
        if (!can_write(s->prot))
            return -1;
        p |= PROT_WRITE;
    } else if (access & FILE_MAP_COPY) {
        if (!can_copy(s->prot))
            return -1;
        p |= PROT_WRITE, *flags = MAP_PRIVATE;
    }
    if (s->prot == PAGE_WRITECOPY || s->prot == PAGE_EXECUTE_WRITECOPY)
        *flags = MAP_PRIVATE;
    if (access & FILE_MAP_EXECUTE) {
        if (!(s->prot & (PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)))
            return -1;
        p |= PROT_EXEC;
    }
    return p;
}

/* N bytes at a 64 KiB-aligned address (or exactly at WANT). */
static void *place(void *want, uint64_t n, int prot, int flags, int fd, uint64_t off)
{
    if (want)
        return mmap(want, n, prot, flags | MAP_FIXED_NOREPLACE, fd, (off_t)off);
    uint8_t *r = mmap(NULL, n + GRAN, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r == MAP_FAILED)
        return r;
    uint8_t *a = (uint8_t *)(((uintptr_t)r + GRAN - 1) & ~(uintptr_t)(GRAN - 1));
    if (a > r)
        munmap(r, (size_t)(a - r));
    munmap(a + n, (size_t)(r + n + GRAN - a - n));
    return mmap(a, n, prot, flags | MAP_FIXED, fd, (off_t)off);
}

static PVOID WINAPI w32_MapViewOfFileEx(HANDLE h, DWORD access, DWORD hi, DWORD lo, SIZE_T n,
                                        PVOID want)
{
    uint64_t off = (uint64_t)hi << 32 | lo;
    struct section *s = (struct section *)w32_handle_get(h, W32_H_SECTION);
    if (!s)
        return NULL;
    int flags, prot = view_prot(s, access, &flags);
    DWORD e = 0;
    if (off % GRAN || ((uintptr_t)want % GRAN))
        e = ERROR_MAPPED_ALIGNMENT;
    else if (prot < 0)
        e = ERROR_ACCESS_DENIED;
    else if (off > s->size || (n ? n > s->size - off : off == s->size))
        e = ERROR_ACCESS_DENIED;          /* STATUS_INVALID_VIEW_SIZE */
    uint64_t len = n ? n : s->size - off;
    void *p = e ? MAP_FAILED : place(want, len, prot, flags, s->fd, off);
    struct view *v = p != MAP_FAILED ? malloc(sizeof *v) : NULL;
    if (v) {
        v->base = (uint64_t)p, v->size = len;
        pthread_mutex_lock(&lock);
        v->next = views, views = v;
        pthread_mutex_unlock(&lock);
    } else if (p != MAP_FAILED) {
        munmap(p, len), e = ERROR_NOT_ENOUGH_MEMORY;
    } else if (!e) {
        e = want && errno == EEXIST ? ERROR_INVALID_ADDRESS
          : errno == EACCES ? ERROR_ACCESS_DENIED : ERROR_NOT_ENOUGH_MEMORY;
    }
    w32_obj_put(&s->o);
    if (e)
        w32_set_last_error(e);
    return e ? NULL : p;
}

static PVOID WINAPI w32_MapViewOfFile(HANDLE h, DWORD access, DWORD hi, DWORD lo, SIZE_T n)
{
    return w32_MapViewOfFileEx(h, access, hi, lo, n, NULL);
}

/* Lock held: the view containing ADDR (its link), or NULL. */
static struct view **find(uint64_t addr)
{
    for (struct view **pp = &views; *pp; pp = &(*pp)->next)
        if (addr >= (*pp)->base && addr < (*pp)->base + (*pp)->size)
            return pp;
    return NULL;
}

static BOOL WINAPI w32_UnmapViewOfFile(LPCVOID addr)
{
    pthread_mutex_lock(&lock);
    struct view **pp = find((uint64_t)addr), *v = pp ? *pp : NULL;
    if (v)
        *pp = v->next;
    pthread_mutex_unlock(&lock);
    if (!v)
        return w32_set_last_error(ERROR_INVALID_ADDRESS), FALSE;
    munmap((void *)v->base, v->size);
    free(v);
    return TRUE;
}

static BOOL WINAPI w32_FlushViewOfFile(LPCVOID addr, SIZE_T n)
{
    pthread_mutex_lock(&lock);
    struct view **pp = find((uint64_t)addr);
    uint64_t end = pp ? (*pp)->base + (*pp)->size : 0;
    pthread_mutex_unlock(&lock);
    if (!pp)
        return w32_set_last_error(ERROR_INVALID_ADDRESS), FALSE;
    uint64_t a = (uint64_t)addr & ~4095ull, e = n ? (uint64_t)addr + n : end;
    if (e > end)
        e = end;
    return msync((void *)a, e - a, MS_SYNC) == 0 ? TRUE : (w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY), FALSE);
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateFileMappingW, "ppuuuw:p"),
    EXPORT(CreateFileMappingA, "ppuuus:p"),
    EXPORT(OpenFileMappingW, "uiw:p"),
    EXPORT(OpenFileMappingA, "uis:p"),
    EXPORT(MapViewOfFile, "puuuq:p"),
    EXPORT(MapViewOfFileEx, "puuuqp:p"),
    EXPORT(UnmapViewOfFile, "p:i"),
    EXPORT(FlushViewOfFile, "pq:i"),
};
