/* test_fbsd_sig.c — FreeBSD signal numbers, sigsets, sigaction, si_code,
 * siginfo, sigaltstack, wait status and amd64 mcontext/ucontext layouts. */
#include <check.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "freebsd/fbsd_abi.h"
#include "suites.h"

/* sys/sys/signal.h: FreeBSD number, name, Linux number on this host */
static const struct {
    int f;
    const char *name;
    int l;
} sigs[] = {
    {1, "SIGHUP", SIGHUP},      {2, "SIGINT", SIGINT},       {3, "SIGQUIT", SIGQUIT},
    {4, "SIGILL", SIGILL},      {5, "SIGTRAP", SIGTRAP},     {6, "SIGABRT", SIGABRT},
    {7, "SIGEMT", 37},          {8, "SIGFPE", SIGFPE},       {9, "SIGKILL", SIGKILL},
    {10, "SIGBUS", SIGBUS},     {11, "SIGSEGV", SIGSEGV},    {12, "SIGSYS", SIGSYS},
    {13, "SIGPIPE", SIGPIPE},   {14, "SIGALRM", SIGALRM},    {15, "SIGTERM", SIGTERM},
    {16, "SIGURG", SIGURG},     {17, "SIGSTOP", SIGSTOP},    {18, "SIGTSTP", SIGTSTP},
    {19, "SIGCONT", SIGCONT},   {20, "SIGCHLD", SIGCHLD},    {21, "SIGTTIN", SIGTTIN},
    {22, "SIGTTOU", SIGTTOU},   {23, "SIGIO", SIGIO},        {24, "SIGXCPU", SIGXCPU},
    {25, "SIGXFSZ", SIGXFSZ},   {26, "SIGVTALRM", SIGVTALRM}, {27, "SIGPROF", SIGPROF},
    {28, "SIGWINCH", SIGWINCH}, {29, "SIGINFO", 36},         {30, "SIGUSR1", SIGUSR1},
    {31, "SIGUSR2", SIGUSR2},   {32, "SIGTHR", 34},          {33, "SIGLIBRT", 35},
};

START_TEST(signal_numbers)
{
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        ck_assert_str_eq(fbsd_sig_name(sigs[i].f), sigs[i].name);
        ck_assert_int_eq(fbsd_sig_to_linux(sigs[i].f), sigs[i].l);
        ck_assert_int_eq(fbsd_sig_from_linux(sigs[i].l), sigs[i].f);
    }
    /* SIGRTMIN 65 .. SIGRTMAX 126: 65..91 fit the host's 38..64 */
    ck_assert_int_eq(FBSD_SIGRTMIN, 65);
    ck_assert_int_eq(FBSD_SIGRTMAX, 126);
    ck_assert_int_eq(fbsd_sig_to_linux(65), 38);
    ck_assert_int_eq(fbsd_sig_to_linux(91), 64);
    ck_assert_int_eq(fbsd_sig_to_linux(92), 0);
    ck_assert_int_eq(fbsd_sig_to_linux(126), 0);
    ck_assert_int_le(SIGRTMIN, FBSD_LINUX_SIGTHR); /* above glibc's own RT signals */
    for (int f = 65; f <= 91; f++)
        ck_assert_int_eq(fbsd_sig_from_linux(fbsd_sig_to_linux(f)), f);
    ck_assert_int_eq(fbsd_sig_to_linux(0), 0);
    ck_assert_int_eq(fbsd_sig_to_linux(34), 0);
    ck_assert_int_eq(fbsd_sig_to_linux(64), 0);
    ck_assert_int_eq(fbsd_sig_to_linux(127), 0);
    ck_assert_int_eq(fbsd_sig_from_linux(SIGSTKFLT), 0);
    ck_assert_int_eq(fbsd_sig_from_linux(SIGPWR), 0);
    ck_assert_int_eq(fbsd_sig_from_linux(32), 0);
    ck_assert_int_eq(fbsd_sig_from_linux(33), 0);
    ck_assert_int_eq(fbsd_sig_from_linux(0), 0);
    ck_assert_int_eq(fbsd_sig_from_linux(65), 0);
}
END_TEST

START_TEST(signal_format)
{
    char buf[32];
    fbsd_sig_format(11, buf, sizeof buf);
    ck_assert_str_eq(buf, "SIGSEGV");
    fbsd_sig_format(65, buf, sizeof buf);
    ck_assert_str_eq(buf, "SIGRTMIN");
    fbsd_sig_format(68, buf, sizeof buf);
    ck_assert_str_eq(buf, "SIGRTMIN+3");
    fbsd_sig_format(126, buf, sizeof buf);
    ck_assert_str_eq(buf, "SIGRTMAX");
    ck_assert_uint_eq(fbsd_sig_format(40, buf, sizeof buf), 2);
    ck_assert_str_eq(buf, "40");
    ck_assert_ptr_null(fbsd_sig_name(40));
}
END_TEST

static void fset(fbsd_sigset_t *s, int sig)
{
    s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
}

START_TEST(sigsets)
{
    fbsd_sigset_t f, back;
    uint64_t l;
    memset(&f, 0, sizeof f);
    fset(&f, 30); /* SIGUSR1 */
    fset(&f, 20); /* SIGCHLD */
    fset(&f, 32); /* SIGTHR */
    fset(&f, 65); /* SIGRTMIN */
    fset(&f, 100);
    ck_assert_int_eq(fbsd_sigset_to_linux(&f, &l), 1);
    ck_assert_uint_eq(l, (1ull << (SIGUSR1 - 1)) | (1ull << (SIGCHLD - 1)) | (1ull << 33) |
                             (1ull << 37));
    ck_assert_int_eq(fbsd_sigset_from_linux(l, &back), 0);
    ck_assert_uint_eq(back.bits[0], f.bits[0]);
    ck_assert_uint_eq(back.bits[1], 0);
    ck_assert_uint_eq(back.bits[2], 1); /* 65 is bit 64 */
    ck_assert_uint_eq(back.bits[3], 0);
    /* a full FreeBSD set: 128 - 33 - 27 signals have no host twin */
    memset(&f, 0xff, sizeof f);
    ck_assert_int_eq(fbsd_sigset_to_linux(&f, &l), 128 - 33 - 27);
    ck_assert_uint_eq(l, ~((1ull << (SIGSTKFLT - 1)) | (1ull << (SIGPWR - 1)) | (1ull << 31) |
                           (1ull << 32)));
    ck_assert_int_eq(fbsd_sigset_from_linux(~0ull, &back), 4); /* STKFLT, PWR, 32, 33 */
}
END_TEST

START_TEST(sigprocmask_how)
{
    /* sys/sys/signal.h: SIG_BLOCK 1, SIG_UNBLOCK 2, SIG_SETMASK 3 */
    ck_assert_int_eq(fbsd_sigprocmask_how_to_linux(1), SIG_BLOCK);
    ck_assert_int_eq(fbsd_sigprocmask_how_to_linux(2), SIG_UNBLOCK);
    ck_assert_int_eq(fbsd_sigprocmask_how_to_linux(3), SIG_SETMASK);
    ck_assert_int_eq(fbsd_sigprocmask_how_to_linux(0), -1);
    ck_assert_int_eq(fbsd_sigprocmask_how_to_linux(4), -1);
    ck_assert_int_eq(fbsd_sigprocmask_how_from_linux(SIG_SETMASK), 3);
    ck_assert_int_eq(fbsd_sigprocmask_how_from_linux(7), -1);
}
END_TEST

START_TEST(sigactions)
{
    /* SA_ONSTACK 1, SA_RESTART 2, SA_RESETHAND 4, SA_NOCLDSTOP 8, SA_NODEFER 0x10,
     * SA_NOCLDWAIT 0x20, SA_SIGINFO 0x40; struct sigaction = {handler, int flags, mask} */
    ck_assert_uint_eq(sizeof(struct fbsd_sigaction), 32);
    ck_assert_uint_eq(offsetof(struct fbsd_sigaction, sa_mask), 12);
    struct fbsd_sigaction fa, back;
    struct fbsd_linux_ksigaction la;
    memset(&fa, 0, sizeof fa);
    fa.sa_func = 0x401000;
    fa.sa_flags = 0x40 | 0x1 | 0x2;
    fset(&fa.sa_mask, 2);
    fset(&fa.sa_mask, 30);
    ck_assert_int_eq(fbsd_sigaction_to_linux(&fa, &la), 0);
    ck_assert_uint_eq(la.handler, 0x401000);
    ck_assert_uint_eq(la.flags, SA_SIGINFO | SA_ONSTACK | SA_RESTART);
    ck_assert_uint_eq(la.mask, (1ull << (SIGINT - 1)) | (1ull << (SIGUSR1 - 1)));
    ck_assert_uint_eq(la.restorer, 0);
    fa.sa_flags = 0x4 | 0x8 | 0x10 | 0x20;
    ck_assert_int_eq(fbsd_sigaction_to_linux(&fa, &la), 0);
    ck_assert_uint_eq(la.flags, SA_RESETHAND | SA_NOCLDSTOP | SA_NODEFER | SA_NOCLDWAIT);
    fa.sa_flags = 0x80;
    ck_assert_int_eq(fbsd_sigaction_to_linux(&fa, &la), FBSD_EINVAL);
    la.flags = SA_SIGINFO | 0x04000000 /* SA_RESTORER */;
    la.mask = 1ull << (SIGTERM - 1);
    fbsd_sigaction_from_linux(&la, &back);
    ck_assert_int_eq(back.sa_flags, 0x40);
    ck_assert_uint_eq(back.sa_mask.bits[0], 1u << 14);
    char buf[64];
    fbsd_flags_format(fbsd_sa_flags, 0x43, buf, sizeof buf);
    ck_assert_str_eq(buf, "SA_ONSTACK|SA_RESTART|SA_SIGINFO");
}
END_TEST

START_TEST(sigaltstacks)
{
    /* stack_t: {ss_sp, ss_size, ss_flags}; SS_ONSTACK 1, SS_DISABLE 4 */
    ck_assert_uint_eq(offsetof(struct fbsd_stack, ss_size), 8);
    ck_assert_uint_eq(offsetof(struct fbsd_stack, ss_flags), 16);
    struct fbsd_stack f = {0x7000000, 65536, 0x4}, back;
    stack_t l;
    ck_assert_int_eq(fbsd_stack_to_linux(&f, &l), 0);
    ck_assert_ptr_eq(l.ss_sp, (void *)0x7000000);
    ck_assert_uint_eq(l.ss_size, 65536);
    ck_assert_int_eq(l.ss_flags, SS_DISABLE);
    f.ss_flags = 0x1;
    fbsd_stack_to_linux(&f, &l);
    ck_assert_int_eq(l.ss_flags, SS_ONSTACK);
    f.ss_flags = 0x10;
    ck_assert_int_eq(fbsd_stack_to_linux(&f, &l), FBSD_EINVAL);
    l.ss_flags = SS_DISABLE | (int)(1u << 31) /* SS_AUTODISARM */;
    fbsd_stack_from_linux(&l, &back);
    ck_assert_int_eq(back.ss_flags, 0x4);
    ck_assert_uint_eq(back.ss_size, 65536);
    ck_assert_uint_eq(back.ss_sp, 0x7000000);
}
END_TEST

START_TEST(si_codes)
{
    /* SI_USER 0x10001, SI_QUEUE 0x10002, SI_TIMER 0x10003, SI_ASYNCIO 0x10004,
     * SI_MESGQ 0x10005, SI_KERNEL 0x10006, SI_LWP 0x10007;
     * FPE_INTOVF 1, FPE_INTDIV 2 (Linux swaps them) */
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGUSR1, SI_USER), 0x10001);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGUSR1, SI_QUEUE), 0x10002);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGALRM, SI_TIMER), 0x10003);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGIO, SI_ASYNCIO), 0x10004);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGIO, SI_MESGQ), 0x10005);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGSEGV, SI_KERNEL), 0x10006);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGUSR1, SI_TKILL), 0x10007);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGIO, SI_SIGIO), 0);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGFPE, FPE_INTDIV), 2);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGFPE, FPE_INTOVF), 1);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGFPE, FPE_FLTINV), 7);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGSEGV, SEGV_MAPERR), 1);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGSEGV, SEGV_ACCERR), 2);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGSEGV, SEGV_PKUERR), 2);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGBUS, BUS_ADRALN), 1);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGBUS, BUS_MCEERR_AR), 3);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGTRAP, TRAP_BRKPT), 1);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGTRAP, TRAP_HWBKPT), 2);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGILL, ILL_PRVOPC), 5);
    ck_assert_int_eq(fbsd_si_code_from_linux(SIGCHLD, CLD_STOPPED), 5);
    ck_assert_int_eq(fbsd_si_code_to_linux(8, 2), FPE_INTDIV);
    ck_assert_int_eq(fbsd_si_code_to_linux(8, 1), FPE_INTOVF);
    ck_assert_int_eq(fbsd_si_code_to_linux(5, 3), TRAP_BRKPT); /* TRAP_DTRACE */
    ck_assert_int_eq(fbsd_si_code_to_linux(11, 1), SEGV_MAPERR);
    ck_assert_int_eq(fbsd_si_code_to_linux(30, 0x10001), SI_USER);
    ck_assert_int_eq(fbsd_si_code_to_linux(30, 0x10002), SI_QUEUE);
    ck_assert_int_eq(fbsd_si_code_to_linux(30, 0x10007), SI_TKILL);
    ck_assert_int_eq(fbsd_si_code_to_linux(30, 0), SI_USER);
    ck_assert_int_eq(fbsd_si_code_to_linux(20, 6), CLD_CONTINUED);
}
END_TEST

START_TEST(siginfos)
{
    ck_assert_uint_eq(sizeof(fbsd_siginfo_t), 80);
    siginfo_t l;
    fbsd_siginfo_t f;
    memset(&l, 0, sizeof l);
    l.si_signo = SIGSEGV;
    l.si_code = SEGV_ACCERR;
    l.si_addr = (void *)0xdead000;
    fbsd_siginfo_from_linux(&l, &f);
    ck_assert_int_eq(f.fsi_signo, 11);
    ck_assert_int_eq(f.fsi_code, 2);
    ck_assert_uint_eq(f.fsi_addr, 0xdead000);
    ck_assert_int_eq(f.fsi_pid, 0);

    memset(&l, 0, sizeof l);
    l.si_signo = SIGCHLD;
    l.si_code = CLD_KILLED;
    l.si_pid = 1234;
    l.si_uid = 1000;
    l.si_status = SIGUSR1;
    fbsd_siginfo_from_linux(&l, &f);
    ck_assert_int_eq(f.fsi_signo, 20);
    ck_assert_int_eq(f.fsi_code, 2);
    ck_assert_int_eq(f.fsi_pid, 1234);
    ck_assert_uint_eq(f.fsi_uid, 1000);
    ck_assert_int_eq(f.fsi_status, 30);
    l.si_code = CLD_EXITED;
    l.si_status = 7;
    fbsd_siginfo_from_linux(&l, &f);
    ck_assert_int_eq(f.fsi_status, 7);

    memset(&l, 0, sizeof l);
    l.si_signo = SIGUSR2;
    l.si_code = SI_QUEUE;
    l.si_pid = 55;
    l.si_uid = 66;
    l.si_value.sival_ptr = (void *)0x1234;
    fbsd_siginfo_from_linux(&l, &f);
    ck_assert_int_eq(f.fsi_signo, 31);
    ck_assert_int_eq(f.fsi_code, 0x10002);
    ck_assert_int_eq(f.fsi_pid, 55);
    ck_assert_uint_eq(f.fsi_uid, 66);
    ck_assert_uint_eq(f.fsi_value.sival_ptr, 0x1234);

    memset(&l, 0, sizeof l);
    l.si_signo = SIGALRM;
    l.si_code = SI_TIMER;
    l.si_timerid = 3;
    l.si_overrun = 2;
    fbsd_siginfo_from_linux(&l, &f);
    ck_assert_int_eq(f.fsi_code, 0x10003);
    ck_assert_int_eq(f.fsi_reason.timer.timerid, 3);
    ck_assert_int_eq(f.fsi_reason.timer.overrun, 2);
}
END_TEST

START_TEST(wait_status)
{
    /* sys/sys/wait.h: same encoding as Linux except WIFCONTINUED(x) is x == 0x13 */
    ck_assert_int_eq(fbsd_wstatus_from_linux(3 << 8), 3 << 8);
    ck_assert_int_eq(fbsd_wstatus_from_linux(SIGUSR1), 30);
    ck_assert_int_eq(fbsd_wstatus_from_linux(SIGSEGV | 0x80), 11 | 0x80);
    ck_assert_int_eq(fbsd_wstatus_from_linux((SIGTSTP << 8) | 0x7f), (18 << 8) | 0x7f);
    ck_assert_int_eq(fbsd_wstatus_from_linux((SIGUSR2 << 8) | 0x7f), (31 << 8) | 0x7f);
    ck_assert_int_eq(fbsd_wstatus_from_linux(0xffff), 0x13);
    ck_assert_int_eq(fbsd_wstatus_from_linux(0), 0);
}
END_TEST

START_TEST(mcontexts)
{
    /* sys/x86/include/ucontext.h (amd64) and sys/sys/_ucontext.h */
    ck_assert_uint_eq(sizeof(struct fbsd_mcontext), 800);
    ck_assert_uint_eq(offsetof(struct fbsd_mcontext, mc_rip), 160);
    ck_assert_uint_eq(offsetof(struct fbsd_mcontext, mc_fpstate), 224);
    ck_assert_uint_eq(sizeof(fbsd_ucontext_t), 880);
    ck_assert_uint_eq(offsetof(fbsd_ucontext_t, uc_stack), 824);
    ck_assert_uint_eq(offsetof(struct fbsd_sigframe, sf_si), 896);

    ucontext_t uc;
    struct _libc_fpstate fp;
    memset(&uc, 0, sizeof uc);
    for (int i = 0; i < NGREG; i++)
        uc.uc_mcontext.gregs[i] = 0x1000 + i;
    memset(&fp, 0x5a, sizeof fp);
    uc.uc_mcontext.fpregs = &fp;
    struct fbsd_mcontext f;
    fbsd_mcontext_from_linux(&uc.uc_mcontext, &f);
    ck_assert_int_eq(f.mc_rdi, 0x1000 + REG_RDI);
    ck_assert_int_eq(f.mc_rsi, 0x1000 + REG_RSI);
    ck_assert_int_eq(f.mc_rax, 0x1000 + REG_RAX);
    ck_assert_int_eq(f.mc_r15, 0x1000 + REG_R15);
    ck_assert_int_eq(f.mc_rip, 0x1000 + REG_RIP);
    ck_assert_int_eq(f.mc_rsp, 0x1000 + REG_RSP);
    ck_assert_int_eq(f.mc_rflags, 0x1000 + REG_EFL);
    ck_assert_int_eq(f.mc_addr, 0x1000 + REG_CR2);
    ck_assert_int_eq(f.mc_err, 0x1000 + REG_ERR);
    ck_assert_uint_eq(f.mc_trapno, 0x1000 + REG_TRAPNO);
    ck_assert_int_eq(f.mc_cs, 0x43);
    ck_assert_int_eq(f.mc_ss, 0x3b);
    ck_assert_int_eq(f.mc_len, 800);
    ck_assert_int_eq(f.mc_fpformat, 0x10002);
    ck_assert_int_eq(f.mc_ownedfp, 0x20001);
    ck_assert_mem_eq(f.mc_fpstate, &fp, 512);

    ucontext_t back;
    struct _libc_fpstate fp2;
    memset(&back, 0, sizeof back);
    memset(&fp2, 0, sizeof fp2);
    back.uc_mcontext.fpregs = &fp2;
    f.mc_rip = 0x400123;
    fbsd_mcontext_to_linux(&f, &back.uc_mcontext);
    ck_assert_int_eq(back.uc_mcontext.gregs[REG_RIP], 0x400123);
    ck_assert_int_eq(back.uc_mcontext.gregs[REG_RBX], 0x1000 + REG_RBX);
    ck_assert_int_eq(back.uc_mcontext.gregs[REG_R10], 0x1000 + REG_R10);
    ck_assert_mem_eq(&fp2, &fp, sizeof fp);

    uc.uc_mcontext.fpregs = NULL;
    fbsd_mcontext_from_linux(&uc.uc_mcontext, &f);
    ck_assert_int_eq(f.mc_fpformat, 0x10000);
    ck_assert_int_eq(f.mc_ownedfp, 0x20000);
}
END_TEST

Suite *suite_fbsd_sig(void)
{
    Suite *s = suite_create("fbsd_sig");
    TCase *tc = tcase_create("signals");
    tcase_add_test(tc, signal_numbers);
    tcase_add_test(tc, signal_format);
    tcase_add_test(tc, sigsets);
    tcase_add_test(tc, sigprocmask_how);
    tcase_add_test(tc, sigactions);
    tcase_add_test(tc, sigaltstacks);
    tcase_add_test(tc, si_codes);
    tcase_add_test(tc, siginfos);
    tcase_add_test(tc, wait_status);
    tcase_add_test(tc, mcontexts);
    suite_add_tcase(s, tc);
    return s;
}
