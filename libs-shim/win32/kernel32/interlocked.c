/* interlocked.c — the Interlocked* functions kernel32 exports (x64
 * compilers inline most of them, but programs may import or look them
 * up) and the interlocked singly linked list (SLIST_HEADER, 16 bytes:
 * depth and sequence in the first quadword, the first entry's address |
 * HeaderType 1 in the second), updated with cmpxchg16b. */
#include "k32.h"

typedef struct slist_entry { struct slist_entry *Next; } SLIST_ENTRY;
typedef struct __attribute__((aligned(16))) { uint64_t lo, hi; } SLIST_HEADER;

static LONG WINAPI w32_InterlockedIncrement(LONG volatile *p) { return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST); }
static LONG WINAPI w32_InterlockedDecrement(LONG volatile *p) { return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST); }
static LONG WINAPI w32_InterlockedExchange(LONG volatile *p, LONG v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
static LONG WINAPI w32_InterlockedExchangeAdd(LONG volatile *p, LONG v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }

static LONG WINAPI w32_InterlockedCompareExchange(LONG volatile *p, LONG v, LONG cmp)
{
    __atomic_compare_exchange_n(p, &cmp, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return cmp;
}

static LONGLONG WINAPI w32_InterlockedCompareExchange64(LONGLONG volatile *p, LONGLONG v, LONGLONG cmp)
{
    __atomic_compare_exchange_n(p, &cmp, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return cmp;
}

static int cas16(SLIST_HEADER *h, SLIST_HEADER *old, uint64_t lo, uint64_t hi)
{
    unsigned char ok;
    __asm__ volatile("lock cmpxchg16b %1; sete %0"
                     : "=q"(ok), "+m"(*h), "+a"(old->lo), "+d"(old->hi)
                     : "b"(lo), "c"(hi)
                     : "memory", "cc");
    return ok;
}

static SLIST_HEADER snapshot(SLIST_HEADER *h)
{
    SLIST_HEADER s;
    s.lo = __atomic_load_n(&h->lo, __ATOMIC_ACQUIRE);
    s.hi = __atomic_load_n(&h->hi, __ATOMIC_ACQUIRE);
    return s;
}

static SLIST_ENTRY *first(const SLIST_HEADER *s) { return (SLIST_ENTRY *)(uintptr_t)(s->hi & ~15ull); }
static uint64_t depth(const SLIST_HEADER *s) { return s->lo & 0xffff; }
static uint64_t next_seq(const SLIST_HEADER *s) { return (s->lo + 0x10000) & ~0xffffull; }

static void WINAPI w32_InitializeSListHead(SLIST_HEADER *h)
{
    h->lo = 0;
    h->hi = 1; /* HeaderType: the 16-byte x64 header */
}

static SLIST_ENTRY *WINAPI w32_InterlockedPushListSListEx(SLIST_HEADER *h, SLIST_ENTRY *list,
                                                           SLIST_ENTRY *end, ULONG count)
{
    SLIST_HEADER old = snapshot(h);
    do
        end->Next = first(&old);
    while (!cas16(h, &old, next_seq(&old) | ((depth(&old) + count) & 0xffff),
                  (uint64_t)(uintptr_t)list | 1));
    return first(&old);
}

static SLIST_ENTRY *WINAPI w32_InterlockedPushEntrySList(SLIST_HEADER *h, SLIST_ENTRY *e)
{
    return w32_InterlockedPushListSListEx(h, e, e, 1);
}

static SLIST_ENTRY *WINAPI w32_InterlockedPopEntrySList(SLIST_HEADER *h)
{
    SLIST_HEADER old = snapshot(h);
    for (;;) {
        SLIST_ENTRY *e = first(&old);
        if (!e)
            return NULL;
        if (cas16(h, &old, next_seq(&old) | ((depth(&old) - 1) & 0xffff),
                  (uint64_t)(uintptr_t)e->Next | 1))
            return e;
    }
}

static SLIST_ENTRY *WINAPI w32_InterlockedFlushSList(SLIST_HEADER *h)
{
    SLIST_HEADER old = snapshot(h);
    while (first(&old) && !cas16(h, &old, next_seq(&old), 1))
        ;
    return first(&old);
}

static USHORT WINAPI w32_QueryDepthSList(SLIST_HEADER *h)
{
    return (USHORT)(__atomic_load_n(&h->lo, __ATOMIC_ACQUIRE) & 0xffff);
}

static SLIST_ENTRY *WINAPI w32_RtlFirstEntrySList(const SLIST_HEADER *h)
{
    return first(h);
}

W32_EXPORTS(kernel32) = {
    EXPORT(InterlockedIncrement, "p:i"),
    EXPORT(InterlockedDecrement, "p:i"),
    EXPORT(InterlockedExchange, "pi:i"),
    EXPORT(InterlockedExchangeAdd, "pi:i"),
    EXPORT(InterlockedCompareExchange, "pii:i"),
    EXPORT(InterlockedCompareExchange64, "pqq:q"),
    EXPORT(InitializeSListHead, "p:v"),
    EXPORT(InterlockedPushEntrySList, "pp:p"),
    EXPORT(InterlockedPushListSListEx, "pppu:p"),
    EXPORT(InterlockedPopEntrySList, "p:p"),
    EXPORT(InterlockedFlushSList, "p:p"),
    EXPORT(QueryDepthSList, "p:u"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlInitializeSListHead", w32_InitializeSListHead, "p:v"),
    EXPORT_AS("RtlInterlockedPushEntrySList", w32_InterlockedPushEntrySList, "pp:p"),
    EXPORT_AS("RtlInterlockedPopEntrySList", w32_InterlockedPopEntrySList, "p:p"),
    EXPORT_AS("RtlInterlockedFlushSList", w32_InterlockedFlushSList, "p:p"),
    EXPORT_AS("RtlQueryDepthSList", w32_QueryDepthSList, "p:u"),
    EXPORT(RtlFirstEntrySList, "p:p"),
};
