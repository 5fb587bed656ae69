/* vmem.c — virtual memory: VirtualAlloc (reserve, commit inside a
 * reservation, reserve+commit), VirtualQuery with every
 * MEMORY_BASIC_INFORMATION field printed (addresses relative to the
 * allocation) as regions split and merge, zero-filled commits,
 * VirtualProtect (old protection, read-only then a write fault fixed up by
 * a vectored handler, PAGE_GUARD raising STATUS_GUARD_PAGE_VIOLATION once),
 * MEM_DECOMMIT and MEM_RELEASE, ERROR_INVALID_PARAMETER for a bad release,
 * VirtualQuery of image sections, the stack, and a large allocation.
 * Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds), except one line: a
 * written page of the image's .data is PAGE_READWRITE (0x4) on Windows, the
 * private copy made on the first write; Wine 8.0 keeps reporting
 * PAGE_WRITECOPY (0x8).  Expected output:
 * reserve 1 MiB: ok, 64 KiB aligned: yes
 * reserved: base +0 alloc base = alloc protect 0x1 size 0x100000 state 0x2000 protect 0 type 0x20000
 * commit 3 pages at +64K: at the requested address
 *   before: base +0 alloc base = alloc protect 0x1 size 0x10000 state 0x2000 protect 0 type 0x20000
 *   commit: base +0x10000 alloc base = alloc protect 0x1 size 0x3000 state 0x1000 protect 0x4 type 0x20000
 *   after : base +0x13000 alloc base = alloc protect 0x1 size 0xed000 state 0x2000 protect 0 type 0x20000
 * committed memory is zero: yes
 * VirtualProtect middle page read-only: 1 old 0x4
 *   page 1: base +0x10000 alloc base = alloc protect 0x1 size 0x1000 state 0x1000 protect 0x4 type 0x20000
 *   page 2: base +0x11000 alloc base = alloc protect 0x1 size 0x1000 state 0x1000 protect 0x2 type 0x20000
 *   page 3: base +0x12000 alloc base = alloc protect 0x1 size 0x1000 state 0x1000 protect 0x4 type 0x20000
 * read from the read-only page: 1
 * write fault: code 0xc0000005 kind 1 at +0x11010, retried after the handler fixed it: 99
 *   page 2: base +0x11000 alloc base = alloc protect 0x1 size 0x2000 state 0x1000 protect 0x4 type 0x20000
 *   guard : base +0x12000 alloc base = alloc protect 0x1 size 0x1000 state 0x1000 protect 0x104 type 0x20000
 * guard page: code 0x80000001 kind 0 at +0x12005, value read on retry 5
 * second touch faults: no
 *   guard gone: base +0x12000 alloc base = alloc protect 0x1 size 0x1000 state 0x1000 protect 0x4 type 0x20000
 * decommit page 2: 1
 *   page 2: base +0x11000 alloc base = alloc protect 0x1 size 0x1000 state 0x2000 protect 0 type 0x20000
 * release with a size: 0 error 87
 * release: 1
 * after release: state 0x10000
 * 64 MiB reserve+commit: region 0x4000000 state 0x1000, page sum -8192, release 1
 * image code: alloc base is the image yes, alloc protect 0x80, state 0x1000 protect 0x20 type 0x1000000
 * image read-only data: alloc base is the image yes, alloc protect 0x80, state 0x1000 protect 0x2 type 0x1000000
 * image written data: alloc base is the image yes, alloc protect 0x80, state 0x1000 protect 0x4 type 0x1000000
 * stack: state 0x1000 protect 0x4 type 0x20000, allocation below: yes
 */
#include <windows.h>
#include <stdio.h>

#define KB 1024
static char *base;
static volatile DWORD fault_code;
static volatile ULONG_PTR fault_kind, fault_offset;
static volatile int fix_protection;
int writable_global = 1;
const int readonly_global = 2;

static void show(const char *label, void *addr)
{
    MEMORY_BASIC_INFORMATION m;
    SIZE_T n = VirtualQuery(addr, &m, sizeof m);
    if (n != sizeof m) {
        printf("%s: VirtualQuery returned %llu\n", label, (unsigned long long)n);
        return;
    }
    printf("%s: base +%#llx alloc base %s alloc protect %#lx size %#llx state %#lx protect %#lx type %#lx\n", label,
           (unsigned long long)((char *)m.BaseAddress - base), m.AllocationBase == base ? "=" : "other",
           m.AllocationProtect, (unsigned long long)m.RegionSize, m.State, m.Protect, m.Type);
}

static LONG CALLBACK on_fault(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    if (r->ExceptionCode != EXCEPTION_ACCESS_VIOLATION && r->ExceptionCode != STATUS_GUARD_PAGE_VIOLATION)
        return EXCEPTION_CONTINUE_SEARCH;
    fault_code = r->ExceptionCode;
    fault_kind = r->ExceptionInformation[0];
    fault_offset = (ULONG_PTR)((char *)r->ExceptionInformation[1] - base);
    if (r->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        if (!fix_protection)
            return EXCEPTION_CONTINUE_SEARCH;
        DWORD old;
        VirtualProtect((void *)r->ExceptionInformation[1], 1, PAGE_READWRITE, &old);
    }
    return EXCEPTION_CONTINUE_EXECUTION;        /* retry the instruction */
}

int main(void)
{
    AddVectoredExceptionHandler(1, on_fault);
    base = VirtualAlloc(NULL, 1024 * KB, MEM_RESERVE, PAGE_NOACCESS);
    printf("reserve 1 MiB: %s, 64 KiB aligned: %s\n", base ? "ok" : "failed",
           ((ULONG_PTR)base & 0xffff) == 0 ? "yes" : "no");
    show("reserved", base);

    char *c = VirtualAlloc(base + 64 * KB, 12 * KB, MEM_COMMIT, PAGE_READWRITE);
    printf("commit 3 pages at +64K: %s\n", c == base + 64 * KB ? "at the requested address" : "elsewhere");
    show("  before", base);
    show("  commit", c);
    show("  after ", c + 12 * KB);
    int zero = 1;
    for (int i = 0; i < 12 * KB; i++)
        zero &= c[i] == 0;
    printf("committed memory is zero: %s\n", zero ? "yes" : "no");
    for (int i = 0; i < 12 * KB; i++)
        c[i] = (char)i;

    DWORD old = 0;
    BOOL ok = VirtualProtect(c + 4 * KB, 4 * KB, PAGE_READONLY, &old);
    printf("VirtualProtect middle page read-only: %d old %#lx\n", ok, old);
    show("  page 1", c);
    show("  page 2", c + 4 * KB);
    show("  page 3", c + 8 * KB);
    volatile char *vc = c;                      /* faulting accesses stay in order */
    printf("read from the read-only page: %d\n", vc[4 * KB + 1]);
    fix_protection = 1;
    vc[4 * KB + 16] = 99;
    printf("write fault: code %#lx kind %llu at +%#llx, retried after the handler fixed it: %d\n", fault_code,
           (unsigned long long)fault_kind, (unsigned long long)fault_offset, c[4 * KB + 16]);
    show("  page 2", c + 4 * KB);

    fault_code = 0;
    ok = VirtualProtect(c + 8 * KB, 4 * KB, PAGE_READWRITE | PAGE_GUARD, &old);
    show("  guard ", c + 8 * KB);
    volatile char touched = vc[8 * KB + 5];
    printf("guard page: code %#lx kind %llu at +%#llx, value read on retry %d\n", fault_code,
           (unsigned long long)fault_kind, (unsigned long long)fault_offset, touched);
    fault_code = 0;
    touched = vc[8 * KB + 6];
    printf("second touch faults: %s\n", fault_code ? "yes" : "no");
    show("  guard gone", c + 8 * KB);

    ok = VirtualFree(c + 4 * KB, 4 * KB, MEM_DECOMMIT);
    printf("decommit page 2: %d\n", ok);
    show("  page 2", c + 4 * KB);
    SetLastError(0);
    ok = VirtualFree(base, 4 * KB, MEM_RELEASE);
    printf("release with a size: %d error %lu\n", ok, GetLastError());
    ok = VirtualFree(base, 0, MEM_RELEASE);
    printf("release: %d\n", ok);
    MEMORY_BASIC_INFORMATION m;
    VirtualQuery(base, &m, sizeof m);
    printf("after release: state %#lx\n", m.State);

    char *both = VirtualAlloc(NULL, 64 * 1024 * KB, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    long long sum = 0;
    for (SIZE_T i = 0; i < 64 * 1024 * KB; i += 4 * KB) {
        both[i] = (char)(i >> 12);
        sum += both[i];
    }
    VirtualQuery(both, &m, sizeof m);
    printf("64 MiB reserve+commit: region %#llx state %#lx, page sum %lld, release %d\n",
           (unsigned long long)m.RegionSize, m.State, sum, VirtualFree(both, 0, MEM_RELEASE));

    HMODULE image = GetModuleHandleW(NULL);
    writable_global = 3;
    void *where[3] = { (void *)main, (void *)&readonly_global, (void *)&writable_global };
    const char *names[3] = { "code", "read-only data", "written data" };
    for (int i = 0; i < 3; i++) {
        VirtualQuery(where[i], &m, sizeof m);
        printf("image %s: alloc base is the image %s, alloc protect %#lx, state %#lx protect %#lx type %#lx\n",
               names[i], m.AllocationBase == (void *)image ? "yes" : "no", m.AllocationProtect, m.State, m.Protect,
               m.Type);
    }
    int local = 0;
    VirtualQuery(&local, &m, sizeof m);
    printf("stack: state %#lx protect %#lx type %#lx, allocation below: %s\n", m.State, m.Protect, m.Type,
           (char *)m.AllocationBase < (char *)&local ? "yes" : "no");
    return 0;
}
