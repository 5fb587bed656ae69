/* tls.c — thread-local storage slots (TlsAlloc …) in the TEB: 64 direct
 * slots, then the expansion array, as Windows lays them out. */
#include <pthread.h>
#include <stdlib.h>

#include "../teb.h"
#include "../w32.h"
#include "../winerr.h"

#define TLS_MAX (TEB_TLS_SLOTS + 1024)
#define TLS_OUT_OF_INDEXES 0xffffffffu

static uint8_t used[TLS_MAX];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static PVOID *slot(DWORD i, int create)
{
    TEB *t = w32_teb();
    if (i < TEB_TLS_SLOTS)
        return &t->TlsSlots[i];
    if (!t->TlsExpansionSlots) {
        if (!create)
            return NULL;
        t->TlsExpansionSlots = calloc(1024, sizeof(PVOID));
        if (!t->TlsExpansionSlots)
            return NULL;
    }
    return &t->TlsExpansionSlots[i - TEB_TLS_SLOTS];
}

static DWORD WINAPI w32_TlsAlloc(void)
{
    pthread_mutex_lock(&lock);
    for (DWORD i = 0; i < TLS_MAX; i++) {
        if (!used[i]) {
            used[i] = 1;
            pthread_mutex_unlock(&lock);
            PVOID *p = slot(i, 1);
            if (p)
                *p = NULL;
            return i;
        }
    }
    pthread_mutex_unlock(&lock);
    w32_set_last_error(ERROR_NO_MORE_ITEMS);
    return TLS_OUT_OF_INDEXES;
}

static BOOL WINAPI w32_TlsFree(DWORD i)
{
    if (i >= TLS_MAX || !used[i]) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    used[i] = 0;
    return TRUE;
}

static PVOID WINAPI w32_TlsGetValue(DWORD i)
{
    if (i >= TLS_MAX) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    PVOID *p = slot(i, 0);
    w32_set_last_error(ERROR_SUCCESS); /* callers tell NULL from failure this way */
    return p ? *p : NULL;
}

static BOOL WINAPI w32_TlsSetValue(DWORD i, PVOID v)
{
    PVOID *p = i < TLS_MAX ? slot(i, 1) : NULL;
    if (!p) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *p = v;
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(TlsAlloc, ":u"),
    EXPORT(TlsFree, "u:i"),
    EXPORT(TlsGetValue, "u:p"),
    EXPORT(TlsSetValue, "up:i"),
};
