/* procattr.c — process/thread attribute lists for CreateProcess with
 * EXTENDED_STARTUPINFO_PRESENT: InitializeProcThreadAttributeList,
 * UpdateProcThreadAttribute, DeleteProcThreadAttributeList. The list is
 * the caller's memory; xeno keeps a small header and the (attribute,
 * value, size) entries in it. CreateProcess honours
 * PROC_THREAD_ATTRIBUTE_HANDLE_LIST (only those handles are inherited);
 * the other attributes are accepted and have no effect. */
#include <string.h>

#include "k32.h"
#include "procattr.h"

#define LIST_MAGIC 0x58504c54u

struct entry {
    ULONG_PTR attr;
    PVOID value;
    SIZE_T size;
};

struct list {
    DWORD magic, count, max, pad;
    struct entry e[];
};

static BOOL WINAPI w32_InitializeProcThreadAttributeList(struct list *l, DWORD count, DWORD flags, SIZE_T *size)
{
    SIZE_T need = sizeof *l + (SIZE_T)count * sizeof(struct entry);
    if (flags || !size) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!l || *size < need) {
        *size = need;
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    l->magic = LIST_MAGIC;
    l->count = 0;
    l->max = count;
    *size = need;
    return TRUE;
}

static BOOL WINAPI w32_UpdateProcThreadAttribute(struct list *l, DWORD flags, ULONG_PTR attr, PVOID value,
                                                 SIZE_T size, PVOID prev, SIZE_T *ret)
{
    (void)prev, (void)ret;
    if (!l || l->magic != LIST_MAGIC || flags || l->count >= l->max) {
        w32_set_last_error(l && l->count >= l->max ? ERROR_GEN_FAILURE : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    l->e[l->count++] = (struct entry){ attr, value, size };
    return TRUE;
}

static void WINAPI w32_DeleteProcThreadAttributeList(struct list *l)
{
    if (l && l->magic == LIST_MAGIC)
        l->magic = 0;
}

int k32_attr_handle_list(const void *list, const HANDLE **handles, size_t *n)
{
    const struct list *l = list;
    if (!l || l->magic != LIST_MAGIC)
        return 0;
    for (DWORD i = 0; i < l->count; i++)
        if (l->e[i].attr == K32_PROC_THREAD_ATTRIBUTE_HANDLE_LIST) {
            *handles = l->e[i].value;
            *n = l->e[i].size / sizeof(HANDLE);
            return 1;
        }
    return 0;
}

W32_EXPORTS(kernel32) = {
    EXPORT(InitializeProcThreadAttributeList, "puup:i"),
    EXPORT(UpdateProcThreadAttribute, "puqpqpp:i"),
    EXPORT(DeleteProcThreadAttributeList, "p:v"),
};
