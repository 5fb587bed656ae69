/* test_fbsd_tty.c — FreeBSD termios <-> Linux termios2 (flags, c_cc slots,
 * _POSIX_VDISABLE, speeds) and the tty/file ioctl numbers, with a round
 * trip through a real pseudo-terminal when the host has one. */
#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "freebsd/fbsd_abi.h"
#include "suites.h"

#define LINUX_BOTHER 0x1000 /* asm-generic/termbits.h */
#define LINUX_IBSHIFT 16

/* A typical FreeBSD cooked-mode terminal (sys/sys/_termios.h values). */
static struct fbsd_termios cooked(void)
{
    struct fbsd_termios f;
    memset(&f, 0, sizeof f);
    f.c_iflag = 0x2 | 0x100 | 0x200 | 0x2000;            /* BRKINT ICRNL IXON IMAXBEL */
    f.c_oflag = 0x1 | 0x2 | 0x4;                           /* OPOST ONLCR TAB3 */
    f.c_cflag = 0x300 | 0x800 | 0x4000;                    /* CS8 CREAD HUPCL */
    f.c_lflag = 0x1 | 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x400; /* ECHOKE ECHOE ECHOK
                                                             ECHO ECHOCTL ISIG ICANON IEXTEN */
    memset(f.c_cc, 0xff, sizeof f.c_cc);
    f.c_cc[FBSD_VEOF] = 4;
    f.c_cc[FBSD_VERASE] = 0x7f;
    f.c_cc[FBSD_VWERASE] = 0x17;
    f.c_cc[FBSD_VKILL] = 0x15;
    f.c_cc[FBSD_VINTR] = 3;
    f.c_cc[FBSD_VQUIT] = 0x1c;
    f.c_cc[FBSD_VSUSP] = 0x1a;
    f.c_cc[FBSD_VSTART] = 0x11;
    f.c_cc[FBSD_VSTOP] = 0x13;
    f.c_cc[FBSD_VMIN] = 1;
    f.c_cc[FBSD_VTIME] = 0;
    f.c_cc[FBSD_VSTATUS] = 0x14;
    f.c_ispeed = f.c_ospeed = 9600;
    return f;
}

START_TEST(termios_to_linux)
{
    ck_assert_uint_eq(sizeof(struct fbsd_termios), 44);
    ck_assert_uint_eq(sizeof(struct fbsd_ltermios), 44);
    struct fbsd_termios f = cooked();
    struct fbsd_ltermios l;
    memset(&l, 0, sizeof l);
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_iflag, BRKINT | ICRNL | IXON | IMAXBEL);
    ck_assert_uint_eq(l.c_oflag, OPOST | ONLCR | TAB3);
    ck_assert_uint_eq(l.c_cflag, CS8 | CREAD | HUPCL | B9600);
    ck_assert_uint_eq(l.c_lflag,
                      ECHOKE | ECHOE | ECHOK | ECHO | ECHOCTL | ISIG | ICANON | IEXTEN);
    ck_assert_uint_eq(l.c_cc[VEOF], 4);
    ck_assert_uint_eq(l.c_cc[VERASE], 0x7f);
    ck_assert_uint_eq(l.c_cc[VWERASE], 0x17);
    ck_assert_uint_eq(l.c_cc[VKILL], 0x15);
    ck_assert_uint_eq(l.c_cc[VINTR], 3);
    ck_assert_uint_eq(l.c_cc[VQUIT], 0x1c);
    ck_assert_uint_eq(l.c_cc[VSUSP], 0x1a);
    ck_assert_uint_eq(l.c_cc[VSTART], 0x11);
    ck_assert_uint_eq(l.c_cc[VSTOP], 0x13);
    ck_assert_uint_eq(l.c_cc[VMIN], 1);
    ck_assert_uint_eq(l.c_cc[VTIME], 0);
    ck_assert_uint_eq(l.c_cc[VEOL], 0); /* FreeBSD 0xff = disabled = Linux 0 */
    ck_assert_uint_eq(l.c_cc[VLNEXT], 0);
    ck_assert_uint_eq(l.c_ispeed, 9600);
    ck_assert_uint_eq(l.c_ospeed, 9600);
}
END_TEST

START_TEST(termios_round_trip)
{
    struct fbsd_termios f = cooked(), back;
    struct fbsd_ltermios l;
    memset(&l, 0, sizeof l);
    fbsd_termios_to_linux(&f, &l);
    fbsd_termios_from_linux(&l, &back);
    ck_assert_uint_eq(back.c_iflag, f.c_iflag);
    ck_assert_uint_eq(back.c_oflag, f.c_oflag);
    ck_assert_uint_eq(back.c_cflag, f.c_cflag);
    ck_assert_uint_eq(back.c_lflag, f.c_lflag);
    ck_assert_uint_eq(back.c_ispeed, 9600);
    ck_assert_uint_eq(back.c_ospeed, 9600);
    for (int i = 0; i < FBSD_NCCS; i++) {
        /* VSTATUS, VERASE2, VDSUSP have no Linux slot: they read back disabled */
        uint8_t want = (i == FBSD_VSTATUS) ? 0xff : f.c_cc[i];
        ck_assert_msg(back.c_cc[i] == want, "c_cc[%d] = %#x", i, back.c_cc[i]);
    }
    /* VMIN 0 is a number, not "disabled" */
    f.c_cc[FBSD_VMIN] = 0;
    f.c_cc[FBSD_VTIME] = 5;
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_cc[VMIN], 0);
    fbsd_termios_from_linux(&l, &back);
    ck_assert_uint_eq(back.c_cc[FBSD_VMIN], 0);
    ck_assert_uint_eq(back.c_cc[FBSD_VTIME], 5);
    /* every flag of each table survives the trip */
    const struct fbsd_flagmap *tabs[] = {fbsd_termios_iflags, fbsd_termios_oflags,
                                         fbsd_termios_lflags};
    for (size_t t = 0; t < 3; t++)
        for (const struct fbsd_flagmap *e = tabs[t]; e->name; e++)
            if (e->lnx)
                ck_assert_uint_eq(fbsd_flags_from_linux(tabs[t],
                                                        fbsd_flags_to_linux(tabs[t], e->fbsd,
                                                                            NULL), NULL),
                                  e->fbsd);
}
END_TEST

START_TEST(termios_fields)
{
    struct fbsd_termios f = cooked(), back;
    struct fbsd_ltermios l;
    /* CSIZE: CS5 0, CS6 0x100, CS7 0x200, CS8 0x300 */
    f.c_cflag = 0x200 | 0x1000 | 0x2000 | 0x8000; /* CS7 PARENB PARODD CLOCAL */
    memset(&l, 0, sizeof l);
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_cflag & ~CBAUD, CS7 | PARENB | PARODD | CLOCAL);
    f.c_cflag = 0x30000; /* CCTS_OFLOW | CRTS_IFLOW = CRTSCTS */
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_cflag & CRTSCTS, CRTSCTS);
    fbsd_termios_from_linux(&l, &back);
    ck_assert_uint_eq(back.c_cflag, 0x30000);
    /* Linux-only state survives a guest read-modify-write */
    memset(&l, 0, sizeof l);
    l.c_iflag = IUTF8 | IXANY;
    l.c_line = 2;
    f = cooked();
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_iflag & IUTF8, IUTF8);
    ck_assert_uint_eq(l.c_iflag & IXANY, 0); /* FreeBSD has IXANY and cleared it */
    ck_assert_uint_eq(l.c_line, 2);
}
END_TEST

START_TEST(termios_speeds)
{
    struct fbsd_termios f = cooked(), back;
    struct fbsd_ltermios l;
    memset(&l, 0, sizeof l);
    f.c_ispeed = f.c_ospeed = 115200;
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_cflag & CBAUD, B115200);
    ck_assert_uint_eq(l.c_cflag & CIBAUD, 0);
    f.c_ospeed = 12345; /* no Bxxx code: BOTHER with the number */
    f.c_ispeed = 0;     /* 0 = same as output */
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_cflag & CBAUD, LINUX_BOTHER);
    ck_assert_uint_eq(l.c_ospeed, 12345);
    ck_assert_uint_eq(l.c_ispeed, 12345);
    fbsd_termios_from_linux(&l, &back);
    ck_assert_uint_eq(back.c_ospeed, 12345);
    ck_assert_uint_eq(back.c_ispeed, 12345);
    f.c_ospeed = 9600;
    f.c_ispeed = 2400;
    fbsd_termios_to_linux(&f, &l);
    ck_assert_uint_eq(l.c_cflag & CBAUD, B9600);
    ck_assert_uint_eq((l.c_cflag & CIBAUD) >> LINUX_IBSHIFT, B2400);
    l.c_ispeed = l.c_ospeed = 0; /* a TCGETS-style answer: codes only */
    fbsd_termios_from_linux(&l, &back);
    ck_assert_uint_eq(back.c_ospeed, 9600);
    ck_assert_uint_eq(back.c_ispeed, 2400);
    ck_assert_uint_eq(back.c_cflag & 0x300, 0x300);
}
END_TEST

START_TEST(ioctl_numbers)
{
    /* sys/sys/ttycom.h and sys/sys/filio.h through _IOC() of sys/sys/ioccom.h */
    static const struct { unsigned long ours, bsd; } nums[] = {
        {FBSD_TIOCGETA, 0x402c7413},  {FBSD_TIOCSETA, 0x802c7414},
        {FBSD_TIOCSETAW, 0x802c7415}, {FBSD_TIOCSETAF, 0x802c7416},
        {FBSD_TIOCGWINSZ, 0x40087468}, {FBSD_TIOCSWINSZ, 0x80087467},
        {FBSD_TIOCGPGRP, 0x40047477}, {FBSD_TIOCSPGRP, 0x80047476},
        {FBSD_TIOCSCTTY, 0x20007461}, {FBSD_TIOCNOTTY, 0x20007471},
        {FBSD_TIOCOUTQ, 0x40047473},  {FBSD_TIOCSTI, 0x80017472},
        {FBSD_TIOCEXCL, 0x2000740d},  {FBSD_TIOCNXCL, 0x2000740e},
        {FBSD_TIOCFLUSH, 0x80047410}, {FBSD_TIOCDRAIN, 0x2000745e},
        {FBSD_TIOCGPTN, 0x4004740f},  {FBSD_TIOCPTMASTER, 0x2000741c},
        {FBSD_TIOCSIG, 0x2004745f},   {FBSD_TIOCGSID, 0x40047463},
        {FBSD_TIOCMGET, 0x4004746a},  {FBSD_TIOCMSET, 0x8004746d},
        {FBSD_TIOCSTART, 0x2000746e}, {FBSD_TIOCSTOP, 0x2000746f},
        {FBSD_TIOCSBRK, 0x2000747b},  {FBSD_TIOCCBRK, 0x2000747a},
        {FBSD_FIOCLEX, 0x20006601},   {FBSD_FIONCLEX, 0x20006602},
        {FBSD_FIONREAD, 0x4004667f},  {FBSD_FIONBIO, 0x8004667e},
        {FBSD_FIOASYNC, 0x8004667d},  {FBSD_FIOSETOWN, 0x8004667c},
        {FBSD_FIOGETOWN, 0x4004667b}, {FBSD_FIONWRITE, 0x40046677},
        {FBSD_FIOSEEKDATA, 0xc0086661},
    };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        ck_assert_uint_eq(nums[i].ours, nums[i].bsd);
        ck_assert_ptr_nonnull(fbsd_val_lookup(fbsd_ioctl_cmds, (int64_t)nums[i].bsd));
    }
    const struct fbsd_valmap *e = fbsd_val_lookup(fbsd_ioctl_cmds, 0x402c7413);
    ck_assert_str_eq(e->name, "TIOCGETA");
    ck_assert_int_eq(e->lnx, 0x802c542a); /* TCGETS2 = _IOR('T', 0x2A, struct termios2) */
    ck_assert_uint_eq(e->conv, FBSD_CONV_TERMIOS);
    int64_t v;
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_ioctl_cmds, 0x8004667e, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, FIONBIO);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_ioctl_cmds, 0x40087468, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, TIOCGWINSZ);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_ioctl_cmds, 0x20006601, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, FIOCLEX);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_ioctl_cmds, 0x2000741c, &v), FBSD_VAL_NOLINUX);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_ioctl_cmds, 0x2004745f, &v), FBSD_VAL_OK);
    ck_assert_uint_eq(fbsd_val_lookup(fbsd_ioctl_cmds, 0x2004745f)->conv, FBSD_CONV_SIGNAL);
    ck_assert_uint_eq(sizeof(struct fbsd_winsize), sizeof(struct winsize));
}
END_TEST

START_TEST(pty_round_trip)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) || unlockpt(m))
        return; /* no pseudo-terminals here */
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    ck_assert_int_ge(s, 0);
    unsigned long get = (unsigned long)fbsd_val_lookup(fbsd_ioctl_cmds, 0x402c7413)->lnx;
    unsigned long set = (unsigned long)fbsd_val_lookup(fbsd_ioctl_cmds, 0x802c7414)->lnx;
    struct fbsd_ltermios l, l2;
    struct fbsd_termios f;
    ck_assert_int_eq(ioctl(s, get, &l), 0);
    fbsd_termios_from_linux(&l, &f);
    f.c_lflag &= ~0x8u; /* the guest turns ECHO off */
    f.c_cc[FBSD_VINTR] = 0x07;
    f.c_ispeed = f.c_ospeed = 38400;
    l2 = l;
    fbsd_termios_to_linux(&f, &l2);
    ck_assert_int_eq(ioctl(s, set, &l2), 0);
    memset(&l, 0, sizeof l);
    ck_assert_int_eq(ioctl(s, get, &l), 0);
    ck_assert_uint_eq(l.c_lflag & ECHO, 0);
    ck_assert_uint_eq(l.c_cc[VINTR], 0x07);
    struct fbsd_termios back;
    fbsd_termios_from_linux(&l, &back);
    ck_assert_uint_eq(back.c_lflag, f.c_lflag);
    ck_assert_uint_eq(back.c_iflag, f.c_iflag);
    ck_assert_uint_eq(back.c_ospeed, 38400);
    close(s);
    close(m);
}
END_TEST

Suite *suite_fbsd_tty(void)
{
    Suite *s = suite_create("fbsd_tty");
    TCase *tc = tcase_create("termios");
    tcase_add_test(tc, termios_to_linux);
    tcase_add_test(tc, termios_round_trip);
    tcase_add_test(tc, termios_fields);
    tcase_add_test(tc, termios_speeds);
    tcase_add_test(tc, ioctl_numbers);
    tcase_add_test(tc, pty_round_trip);
    suite_add_tcase(s, tc);
    return s;
}
