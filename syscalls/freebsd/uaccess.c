/* uaccess.c — reading and writing guest memory from handlers: a bad
 * pointer becomes EFAULT for the guest instead of a crash in xeno. */
#include <errno.h>

#include "fbsd.h"

int fbsd_copyin(void *dst, uint64_t src, size_t n)
{
    if (n == 0)
        return 0;
    if (src == 0 || src + n < src)
        return -EFAULT;
    return xeno_safe_copy(dst, (const void *)src, n);
}

int fbsd_copyout(uint64_t dst, const void *src, size_t n)
{
    if (n == 0)
        return 0;
    if (dst == 0 || dst + n < dst)
        return -EFAULT;
    return xeno_safe_copy((void *)dst, src, n);
}

int fbsd_copyinstr(char *buf, uint64_t src, size_t n)
{
    if (src == 0)
        return -EFAULT;
    long r = xeno_safe_strcpy(buf, (const char *)src, n);
    return r < 0 ? (int)r : 0;
}
