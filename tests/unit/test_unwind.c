/* test_unwind.c — RtlVirtualUnwind and RtlLookupFunctionEntry on
 * hand-made x64 unwind data (Microsoft's UNWIND_INFO/UNWIND_CODE format):
 * every operation, a partly executed prolog, frame registers, chained
 * info, machine frames, epilogs recognised from their instructions, and
 * the language handler returned for the phase asked. Also the DWARF
 * walk through host frames (hostunwind.c) on this test's own stack. */
#include <check.h>
#include <signal.h>
#include <string.h>

#include "suites.h"
#include "win32/ntdll/seh.h"

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };
enum { PUSH = 0, ALLOC_L = 1, ALLOC_S = 2, SET_FP = 3, SAVE = 4, SAVE_FAR = 5, XMM = 8, XMM_FAR = 9,
       MACH = 10 };

#define FN 0x100                 /* code of the function under test */
#define FN_END 0x300
#define UI 0x800                 /* its UNWIND_INFO */
#define UI2 0x900                /* a second one (chained) */
#define RF 0xa00                 /* RUNTIME_FUNCTIONs */

static uint8_t img[0x1000] __attribute__((aligned(16)));
static DWORD64 stack[64] __attribute__((aligned(16)));
#define BASE ((DWORD64)img)

static uint16_t code(unsigned off, unsigned op, unsigned info)
{
    return (uint16_t)(off | (op | info << 4) << 8);
}

/* An UNWIND_INFO at AT: flags, prolog size, frame register/offset, the
 * code slots, and a handler RVA (or chained entry) after them. */
static void put_info(unsigned at, unsigned flags, unsigned prolog, unsigned freg, unsigned foff,
                     const uint16_t *slots, unsigned n, DWORD extra)
{
    img[at] = (uint8_t)(1 | flags << 3);
    img[at + 1] = (uint8_t)prolog;
    img[at + 2] = (uint8_t)n;
    img[at + 3] = (uint8_t)(freg | foff << 4);
    memcpy(img + at + 4, slots, n * 2);
    memcpy(img + at + 4 + ((n + 1) & ~1u) * 2, &extra, 4);
}

static RUNTIME_FUNCTION *put_rf(unsigned at, DWORD begin, DWORD end, DWORD info)
{
    RUNTIME_FUNCTION *f = (RUNTIME_FUNCTION *)(img + at);
    f->BeginAddress = begin, f->EndAddress = end, f->UnwindData = info;
    return f;
}

static void reset(CONTEXT *c)
{
    memset(img, 0x90, sizeof img);              /* nops: never an epilog */
    memset(stack, 0, sizeof stack);
    memset(c, 0, sizeof *c);
    c->Rsp = (DWORD64)stack;
}

static EXCEPTION_ROUTINE vunwind(DWORD type, DWORD pc_off, RUNTIME_FUNCTION *f, CONTEXT *c, DWORD64 *frame,
                                 PVOID *data)
{
    return w32_RtlVirtualUnwind(type, BASE, BASE + pc_off, f, c, data, frame, NULL);
}

/* push rbp; push rbx; sub rsp, 0x28 */
static RUNTIME_FUNCTION *push_alloc_fn(unsigned flags)
{
    const uint16_t s[] = { code(6, ALLOC_S, 4), code(2, PUSH, RBX), code(1, PUSH, RBP) };
    put_info(UI, flags, 6, 0, 0, s, 3, 0x280);
    return put_rf(RF, FN, FN_END, UI);
}

START_TEST(push_and_alloc_in_body)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    reset(&c);
    RUNTIME_FUNCTION *f = push_alloc_fn(UNW_FLAG_EHANDLER);
    stack[5] = 0xbbb, stack[6] = 0x5b5b, stack[7] = 0x1234;   /* rbx, rbp, return address */
    EXCEPTION_ROUTINE h = vunwind(UNW_FLAG_EHANDLER, FN + 0x20, f, &c, &frame, &data);
    ck_assert_uint_eq(frame, (DWORD64)stack);
    ck_assert_uint_eq(c.Rbx, 0xbbb);
    ck_assert_uint_eq(c.Rbp, 0x5b5b);
    ck_assert_uint_eq(c.Rip, 0x1234);
    ck_assert_uint_eq(c.Rsp, (DWORD64)&stack[8]);
    ck_assert_ptr_eq((void *)h, (void *)(BASE + 0x280));
    ck_assert_ptr_eq(data, img + UI + 4 + 4 * 2 + 4);
    /* the same function asked for an unwind handler: none */
    reset(&c);
    f = push_alloc_fn(UNW_FLAG_EHANDLER);
    ck_assert_ptr_null((void *)vunwind(UNW_FLAG_UHANDLER, FN + 0x20, f, &c, &frame, &data));
}
END_TEST

START_TEST(partial_prolog)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    reset(&c);
    RUNTIME_FUNCTION *f = push_alloc_fn(UNW_FLAG_EHANDLER);
    stack[0] = 0xbbb, stack[1] = 0x5b5b, stack[2] = 0x4321; /* both pushes ran, not the sub */
    EXCEPTION_ROUTINE h = vunwind(UNW_FLAG_EHANDLER, FN + 2, f, &c, &frame, &data);
    ck_assert_ptr_null((void *)h);              /* no handler inside a prolog */
    ck_assert_uint_eq(c.Rbx, 0xbbb);
    ck_assert_uint_eq(c.Rbp, 0x5b5b);
    ck_assert_uint_eq(c.Rip, 0x4321);
    ck_assert_uint_eq(c.Rsp, (DWORD64)&stack[3]);
    reset(&c);
    f = push_alloc_fn(0);
    stack[0] = 0x5b5b, stack[1] = 0x777;        /* only push rbp ran */
    c.Rbx = 42;
    vunwind(0, FN + 1, f, &c, &frame, &data);
    ck_assert_uint_eq(c.Rbx, 42);
    ck_assert_uint_eq(c.Rbp, 0x5b5b);
    ck_assert_uint_eq(c.Rip, 0x777);
}
END_TEST

/* push rbp; sub rsp, 0x40; lea rbp, [rsp+0x20]; mov [rsp+0x30], rsi;
 * movaps [rsp+0x10], xmm6 — then the body moved rsp (alloca). */
START_TEST(frame_register_and_saves)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    reset(&c);
    const uint16_t s[] = { code(16, XMM, 6), 1, code(11, SAVE, RSI), 6, code(6, SET_FP, 0),
                           code(5, ALLOC_S, 7), code(1, PUSH, RBP) };
    put_info(UI, 0, 16, RBP, 2, s, 7, 0);
    RUNTIME_FUNCTION *f = put_rf(RF, FN, FN_END, UI);
    DWORD64 *est = &stack[16];                  /* rsp after the prolog */
    c.Rbp = (DWORD64)est + 0x20;
    c.Rsp = (DWORD64)&stack[2];                 /* alloca moved it */
    est[6] = 0x51;                              /* rsi at +0x30 */
    est[2] = 0x1111, est[3] = 0x2222;           /* xmm6 at +0x10 */
    est[8] = 0xfb;                              /* saved rbp */
    est[9] = 0xabc;                             /* return address */
    vunwind(0, FN + 0x40, f, &c, &frame, &data);
    ck_assert_uint_eq(frame, (DWORD64)est);
    ck_assert_uint_eq(c.Rsi, 0x51);
    ck_assert_uint_eq(c.FltSave.XmmRegisters[6].Low, 0x1111);
    ck_assert_uint_eq((DWORD64)c.FltSave.XmmRegisters[6].High, 0x2222);
    ck_assert_uint_eq(c.Rbp, 0xfb);
    ck_assert_uint_eq(c.Rip, 0xabc);
    ck_assert_uint_eq(c.Rsp, (DWORD64)&est[10]);
}
END_TEST

/* sub rsp, 0x100 (ALLOC_LARGE, scaled); mov [rsp+0x80], r12 (SAVE_FAR);
 * movaps [rsp+0x40], xmm15 (XMM128_FAR); and a 32-bit ALLOC_LARGE. */
START_TEST(large_and_far_forms)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    reset(&c);
    const uint16_t s[] = { code(20, XMM_FAR, 15), 0x40, 0, code(12, SAVE_FAR, R12), 0x80, 0,
                           code(7, ALLOC_L, 0), 0x100 / 8 };
    put_info(UI, 0, 20, 0, 0, s, 8, 0);
    RUNTIME_FUNCTION *f = put_rf(RF, FN, FN_END, UI);
    stack[0x80 / 8] = 0x1212;
    stack[0x40 / 8] = 0xf0f0;
    stack[0x100 / 8] = 0x999;
    vunwind(0, FN + 0x30, f, &c, &frame, &data);
    ck_assert_uint_eq(c.R12, 0x1212);
    ck_assert_uint_eq(c.FltSave.XmmRegisters[15].Low, 0xf0f0);
    ck_assert_uint_eq(c.Rip, 0x999);
    ck_assert_uint_eq(c.Rsp, (DWORD64)&stack[0x100 / 8 + 1]);

    reset(&c);
    const uint16_t s2[] = { code(7, ALLOC_L, 1), 0x88, 0 };
    put_info(UI, 0, 7, 0, 0, s2, 3, 0);
    f = put_rf(RF, FN, FN_END, UI);
    stack[0x88 / 8] = 0x5150;
    vunwind(0, FN + 0x30, f, &c, &frame, &data);
    ck_assert_uint_eq(c.Rip, 0x5150);
}
END_TEST

START_TEST(machine_frame)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    for (unsigned err = 0; err < 2; err++) {
        reset(&c);
        const uint16_t s[] = { code(0, MACH, err) };
        put_info(UI, 0, 0, 0, 0, s, 1, 0);
        RUNTIME_FUNCTION *f = put_rf(RF, FN, FN_END, UI);
        DWORD64 *m = &stack[err];               /* rip, cs, eflags, rsp, ss */
        m[0] = 0x7000, m[1] = 0x33, m[2] = 0x246, m[3] = 0xdead0, m[4] = 0x2b;
        vunwind(0, FN + 4, f, &c, &frame, &data);
        ck_assert_uint_eq(c.Rip, 0x7000);
        ck_assert_uint_eq(c.Rsp, 0xdead0);
        ck_assert_uint_eq(c.EFlags, 0x246);
    }
}
END_TEST

START_TEST(chained_info)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    reset(&c);
    /* the main part: push rdi; a fragment [FN+0x100, FN+0x180): sub rsp, 0x18 */
    const uint16_t main_codes[] = { code(1, PUSH, RDI) };
    put_info(UI, UNW_FLAG_EHANDLER, 1, 0, 0, main_codes, 1, 0x2c0);
    RUNTIME_FUNCTION *mainf = put_rf(RF, FN, FN + 0x80, UI);
    const uint16_t frag[] = { code(4, ALLOC_S, 2) };
    put_info(UI2, UNW_FLAG_CHAININFO, 0, 0, 0, frag, 1, 0);
    memcpy(img + UI2 + 8, mainf, sizeof *mainf); /* the chained entry */
    RUNTIME_FUNCTION *f = put_rf(RF + 12, FN + 0x100, FN + 0x180, UI2);
    stack[3] = 0xd1d1, stack[4] = 0x8888;
    EXCEPTION_ROUTINE h = vunwind(UNW_FLAG_EHANDLER, FN + 0x120, f, &c, &frame, &data);
    ck_assert_uint_eq(c.Rdi, 0xd1d1);
    ck_assert_uint_eq(c.Rip, 0x8888);
    ck_assert_ptr_eq((void *)h, (void *)(BASE + 0x2c0)); /* the main part's handler */
}
END_TEST

static void put_bytes(unsigned at, const char *hex)
{
    for (; *hex; hex += 2)
        img[at++] = (uint8_t)((hex[0] <= '9' ? hex[0] - '0' : hex[0] - 'a' + 10) << 4 |
                              (hex[1] <= '9' ? hex[1] - '0' : hex[1] - 'a' + 10));
}

START_TEST(epilogs)
{
    CONTEXT c;
    DWORD64 frame;
    PVOID data;
    /* add rsp, 0x28; pop rbx; pop rbp; ret — at each instruction */
    static const struct { unsigned at, sp; } steps[] = { { 0, 0 }, { 4, 5 }, { 5, 6 }, { 6, 7 } };
    for (unsigned i = 0; i < 4; i++) {
        reset(&c);
        RUNTIME_FUNCTION *f = push_alloc_fn(UNW_FLAG_EHANDLER);
        put_bytes(FN + 0x50, "4883c4285b5dc3");
        stack[5] = 0xbbb, stack[6] = 0x5b5b, stack[7] = 0x1234;
        c.Rsp = (DWORD64)&stack[steps[i].sp];
        c.Rbx = i >= 2 ? 0xbbb : 1;
        c.Rbp = i >= 3 ? 0x5b5b : 2;
        EXCEPTION_ROUTINE h = vunwind(UNW_FLAG_EHANDLER, FN + 0x50 + steps[i].at, f, &c, &frame, &data);
        ck_assert_ptr_null((void *)h);
        ck_assert_uint_eq(c.Rbx, 0xbbb);
        ck_assert_uint_eq(c.Rbp, 0x5b5b);
        ck_assert_uint_eq(c.Rip, 0x1234);
        ck_assert_uint_eq(c.Rsp, (DWORD64)&stack[8]);
    }
    /* lea rsp, [rbp+0x10]; pop r12; jmp to another function (tail call) */
    reset(&c);
    const uint16_t s[] = { code(4, SET_FP, 0), code(3, PUSH, R12) };
    put_info(UI, 0, 4, RBP, 0, s, 2, 0);
    RUNTIME_FUNCTION *f = put_rf(RF, FN, FN_END, UI);
    put_bytes(FN + 0x60, "488d6510415ce9");     /* the jmp's rel32 lands before the function */
    put_bytes(FN + 0x67, "00f0ffff");
    c.Rbp = (DWORD64)&stack[4];
    stack[6] = 0xc12, stack[7] = 0x4444;
    vunwind(0, FN + 0x60, f, &c, &frame, &data);
    ck_assert_uint_eq(c.R12, 0xc12);
    ck_assert_uint_eq(c.Rip, 0x4444);
    ck_assert_uint_eq(c.Rsp, (DWORD64)&stack[8]);
    /* pop rbx; jmp back inside the function: body code, not an epilog */
    reset(&c);
    f = push_alloc_fn(0);
    put_bytes(FN + 0x70, "5bebf0");
    stack[5] = 0xbbb, stack[6] = 0x5b5b, stack[7] = 0x1234;
    vunwind(0, FN + 0x70, f, &c, &frame, &data);
    ck_assert_uint_eq(c.Rip, 0x1234);
    ck_assert_uint_eq(c.Rsp, (DWORD64)&stack[8]);
}
END_TEST

START_TEST(lookup)
{
    CONTEXT c;
    reset(&c);
    put_rf(RF, 0x100, 0x140, UI);
    put_rf(RF + 12, 0x140, 0x200, UI2);
    put_rf(RF + 24, 0x300, 0x310, UI);
    seh_register_image(BASE, 0x1000, RF, 36);
    DWORD64 base = 0;
    ck_assert_ptr_eq(w32_RtlLookupFunctionEntry(BASE + 0x150, &base, NULL), img + RF + 12);
    ck_assert_uint_eq(base, BASE);
    ck_assert_ptr_eq(w32_RtlLookupFunctionEntry(BASE + 0x100, &base, NULL), img + RF);
    ck_assert_ptr_eq(w32_RtlLookupFunctionEntry(BASE + 0x30f, &base, NULL), img + RF + 24);
    ck_assert_ptr_null(w32_RtlLookupFunctionEntry(BASE + 0x200, &base, NULL));   /* a leaf */
    ck_assert(seh_pc_in_image(BASE + 0x200));
}
END_TEST

/* Host frames: unwinding this test's own C frames with their DWARF data
 * (while they are live) finds the callers and their saved registers. */
static __attribute__((noinline)) int walk_count(void *self)
{
    CONTEXT c;
    DWORD64 base, frame;
    PVOID data;
    int seen = 0;
    w32_RtlCaptureContext(&c);
    for (int i = 0; i < 12 && c.Rip; i++) {
        RUNTIME_FUNCTION *f = w32_RtlLookupFunctionEntry(c.Rip, &base, NULL);
        if (!f)
            break;
        if (base + f->BeginAddress == (DWORD64)self)
            seen++;
        w32_RtlVirtualUnwind(0, base, c.Rip, f, &c, &data, &frame, NULL);
    }
    return seen;
}

static __attribute__((noinline, noclone)) int host_walk(int depth, volatile DWORD64 *rbx_seen)
{
    if (depth) {
        int r = host_walk(depth - 1, rbx_seen);
        __asm__ volatile("" ::: "memory");
        return r;
    }
    int seen = walk_count((void *)host_walk);
    __asm__ volatile("" ::: "memory");          /* no tail call */
    return seen;
}

START_TEST(host_frames)
{
    volatile DWORD64 dummy = 0;
    ck_assert_int_eq(host_walk(3, &dummy), 4); /* host_walk at depths 0..3 */
}
END_TEST

/* Through a signal frame: glibc describes __restore_rt with DWARF
 * expressions over the saved ucontext. */
static volatile int sig_seen;

static __attribute__((noinline, noclone)) int raiser(void);

static void on_usr1(int sig)
{
    (void)sig;
    sig_seen = walk_count((void *)raiser);
}

static __attribute__((noinline, noclone)) int raiser(void)
{
    raise(SIGUSR1);
    __asm__ volatile("" ::: "memory");
    return sig_seen;
}

START_TEST(signal_frame)
{
    signal(SIGUSR1, on_usr1);
    ck_assert_int_eq(raiser(), 1);
    signal(SIGUSR1, SIG_DFL);
}
END_TEST

Suite *suite_unwind(void)
{
    Suite *s = suite_create("unwind");
    TCase *tc = tcase_create("x64");
    tcase_add_test(tc, push_and_alloc_in_body);
    tcase_add_test(tc, partial_prolog);
    tcase_add_test(tc, frame_register_and_saves);
    tcase_add_test(tc, large_and_far_forms);
    tcase_add_test(tc, machine_frame);
    tcase_add_test(tc, chained_info);
    tcase_add_test(tc, epilogs);
    tcase_add_test(tc, lookup);
    tcase_add_test(tc, host_frames);
    tcase_add_test(tc, signal_frame);
    suite_add_tcase(s, tc);
    return s;
}
