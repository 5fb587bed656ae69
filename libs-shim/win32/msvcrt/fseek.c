/* fseek.c — stream positions: fseek/_fseeki64, ftell/_ftelli64,
 * fgetpos/fsetpos (fpos_t is a 64-bit integer on Windows) and rewind.
 * Positions count the bytes in the file, so in text mode a \r\n counts
 * two, as Microsoft's ftell reports it. */
#include "stream.h"

static int seek(MS_FILE *f, int64_t off, int whence, const char *fn)
{
    struct xstream *s = crt_x(f);
    if (!s || whence < 0 || whence > 2)
        return crt_invalid(fn, MS_EINVAL), -1;
    pthread_mutex_lock(&s->lock);
    int r = crt_seek_locked(f, s, off, whence);
    pthread_mutex_unlock(&s->lock);
    return r < 0 ? -1 : 0;
}

static int64_t tell(MS_FILE *f, const char *fn)
{
    struct xstream *s = crt_x(f);
    if (!s)
        return crt_invalid(fn, MS_EINVAL), -1;
    pthread_mutex_lock(&s->lock);
    int64_t r = crt_tell_locked(f, s);
    pthread_mutex_unlock(&s->lock);
    return r;
}

static int WINAPI w32_fseek(MS_FILE *f, int32_t off, int whence) { return seek(f, off, whence, "fseek"); }
static int WINAPI w32__fseeki64(MS_FILE *f, int64_t off, int whence) { return seek(f, off, whence, "_fseeki64"); }
static int64_t WINAPI w32__ftelli64(MS_FILE *f) { return tell(f, "_ftelli64"); }

static int32_t WINAPI w32_ftell(MS_FILE *f)
{
    int64_t r = tell(f, "ftell");
    if (r > INT32_MAX) {
        crt_fail(MS_EINVAL);
        return -1;
    }
    return (int32_t)r;
}

static int WINAPI w32_fgetpos(MS_FILE *f, int64_t *pos)
{
    if (!pos)
        return crt_invalid("fgetpos", MS_EINVAL), -1;
    *pos = tell(f, "fgetpos");
    return *pos < 0 ? -1 : 0;
}

static int WINAPI w32_fsetpos(MS_FILE *f, const int64_t *pos)
{
    if (!pos)
        return crt_invalid("fsetpos", MS_EINVAL), -1;
    return seek(f, *pos, 0, "fsetpos");
}

static void WINAPI w32_rewind(MS_FILE *f)
{
    if (seek(f, 0, 0, "rewind") == 0)
        f->_flag &= ~(MS_IOEOF | MS_IOERR);
}

#define FSEEK_EXPORTS \
    EXPORT(fseek, "pii:i"), EXPORT(_fseeki64, "pqi:i"), EXPORT(ftell, "p:i"), \
    EXPORT(_ftelli64, "p:q"), EXPORT(fgetpos, "pp:i"), EXPORT(fsetpos, "pp:i"), \
    EXPORT(rewind, "p:v"), EXPORT_AS("_fseek_nolock", w32_fseek, "pii:i"), \
    EXPORT_AS("_fseeki64_nolock", w32__fseeki64, "pqi:i"), \
    EXPORT_AS("_ftell_nolock", w32_ftell, "p:i"), EXPORT_AS("_ftelli64_nolock", w32__ftelli64, "p:q")

W32_EXPORTS(msvcrt) = { FSEEK_EXPORTS };
W32_EXPORTS(ucrtbase) = { FSEEK_EXPORTS };
