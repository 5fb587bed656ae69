/* termios.c — FreeBSD struct termios (sys/sys/_termios.h: different flag
 * bits, different c_cc slots, _POSIX_VDISABLE 0xff, integer speeds) <->
 * Linux struct termios2 (asm/termbits.h: CBAUD codes or BOTHER), and the
 * tty/file ioctl requests (sys/sys/ttycom.h, sys/sys/filio.h). Only kernel
 * headers here: glibc's <termios.h> would clash with asm/termbits.h. */
#include <asm/ioctls.h>
#include <asm/sockios.h>
#include <asm/termbits.h>
#include <string.h>

#include "fbsd_abi.h"

_Static_assert(sizeof(struct fbsd_ltermios) == sizeof(struct termios2), "termios2 size");
_Static_assert(offsetof(struct fbsd_ltermios, c_cc) == offsetof(struct termios2, c_cc), "c_cc");
_Static_assert(offsetof(struct fbsd_ltermios, c_ispeed) == offsetof(struct termios2, c_ispeed),
               "c_ispeed");

/* ------------------------------------------------------------ flags */

const struct fbsd_flagmap fbsd_termios_iflags[] = {
    {0x00000001, IGNBRK, "IGNBRK"},   {0x00000002, BRKINT, "BRKINT"},
    {0x00000004, IGNPAR, "IGNPAR"},   {0x00000008, PARMRK, "PARMRK"},
    {0x00000010, INPCK, "INPCK"},     {0x00000020, ISTRIP, "ISTRIP"},
    {0x00000040, INLCR, "INLCR"},     {0x00000080, IGNCR, "IGNCR"},
    {0x00000100, ICRNL, "ICRNL"},     {0x00000200, IXON, "IXON"},
    {0x00000400, IXOFF, "IXOFF"},     {0x00000800, IXANY, "IXANY"},
    {0x00002000, IMAXBEL, "IMAXBEL"}, {0, 0, NULL},
};

/* TABDLY is one bit on FreeBSD (TAB3 = expand tabs) */
const struct fbsd_flagmap fbsd_termios_oflags[] = {
    {0x00000001, OPOST, "OPOST"},   {0x00000002, ONLCR, "ONLCR"},
    {0x00000004, TAB3, "TAB3"},     {0x00000008, 0, "ONOEOT"},
    {0x00000010, OCRNL, "OCRNL"},   {0x00000020, ONOCR, "ONOCR"},
    {0x00000040, ONLRET, "ONLRET"}, {0, 0, NULL},
};

/* CSIZE is a 2-bit field on both (CS5 = 0); wider masks come first. */
const struct fbsd_flagmap fbsd_termios_cflags[] = {
    {0x00000300, CS8, "CS8"},           {0x00000200, CS7, "CS7"},
    {0x00000100, CS6, "CS6"},           {0x00000400, CSTOPB, "CSTOPB"},
    {0x00000800, CREAD, "CREAD"},       {0x00001000, PARENB, "PARENB"},
    {0x00002000, PARODD, "PARODD"},     {0x00004000, HUPCL, "HUPCL"},
    {0x00008000, CLOCAL, "CLOCAL"},     {0x00030000, CRTSCTS, "CRTSCTS"},
    {0x00010000, CRTSCTS, "CCTS_OFLOW"}, {0x00020000, CRTSCTS, "CRTS_IFLOW"},
    {0x00000001, 0, "CIGNORE"},         {0x00040000, 0, "CDTR_IFLOW"},
    {0x00080000, 0, "CDSR_OFLOW"},      {0x00100000, 0, "CCAR_OFLOW"},
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_termios_lflags[] = {
    {0x00000001, ECHOKE, "ECHOKE"},   {0x00000002, ECHOE, "ECHOE"},
    {0x00000004, ECHOK, "ECHOK"},     {0x00000008, ECHO, "ECHO"},
    {0x00000010, ECHONL, "ECHONL"},   {0x00000020, ECHOPRT, "ECHOPRT"},
    {0x00000040, ECHOCTL, "ECHOCTL"}, {0x00000080, ISIG, "ISIG"},
    {0x00000100, ICANON, "ICANON"},   {0x00000200, 0, "ALTWERASE"},
    {0x00000400, IEXTEN, "IEXTEN"},   {0x00000800, EXTPROC, "EXTPROC"},
    {0x00400000, TOSTOP, "TOSTOP"},   {0x00800000, FLUSHO, "FLUSHO"},
    {0x02000000, 0, "NOKERNINFO"},    {0x20000000, PENDIN, "PENDIN"},
    {0x80000000, NOFLSH, "NOFLSH"},   {0, 0, NULL},
};

/* ------------------------------------------------------------ c_cc */

#define NO_SLOT 0xff
#define LINUX_VDISABLE 0 /* Linux's _POSIX_VDISABLE */

/* Indexed by FreeBSD slot: the Linux slot. VERASE2, VDSUSP, VSTATUS and
 * slot 19 have none; Linux VSWTC has no FreeBSD slot. */
static const unsigned char cc_to_linux[FBSD_NCCS] = {
    [FBSD_VEOF] = VEOF,       [FBSD_VEOL] = VEOL,         [FBSD_VEOL2] = VEOL2,
    [FBSD_VERASE] = VERASE,   [FBSD_VWERASE] = VWERASE,   [FBSD_VKILL] = VKILL,
    [FBSD_VREPRINT] = VREPRINT, [FBSD_VERASE2] = NO_SLOT, [FBSD_VINTR] = VINTR,
    [FBSD_VQUIT] = VQUIT,     [FBSD_VSUSP] = VSUSP,       [FBSD_VDSUSP] = NO_SLOT,
    [FBSD_VSTART] = VSTART,   [FBSD_VSTOP] = VSTOP,       [FBSD_VLNEXT] = VLNEXT,
    [FBSD_VDISCARD] = VDISCARD, [FBSD_VMIN] = VMIN,       [FBSD_VTIME] = VTIME,
    [FBSD_VSTATUS] = NO_SLOT, [19] = NO_SLOT,
};

/* VMIN and VTIME hold numbers, not characters: never "disabled". */
static int cc_is_number(int fslot)
{
    return fslot == FBSD_VMIN || fslot == FBSD_VTIME;
}

static void cc_to_lnx(const uint8_t *f, uint8_t *l)
{
    for (int i = 0; i < FBSD_NCCS; i++) {
        if (cc_to_linux[i] == NO_SLOT)
            continue;
        uint8_t c = f[i];
        if (!cc_is_number(i) && c == FBSD_POSIX_VDISABLE)
            c = LINUX_VDISABLE;
        l[cc_to_linux[i]] = c;
    }
}

static void cc_from_lnx(const uint8_t *l, uint8_t *f)
{
    for (int i = 0; i < FBSD_NCCS; i++) {
        uint8_t c = cc_to_linux[i] == NO_SLOT ? FBSD_POSIX_VDISABLE : l[cc_to_linux[i]];
        if (cc_to_linux[i] != NO_SLOT && !cc_is_number(i) && c == LINUX_VDISABLE)
            c = FBSD_POSIX_VDISABLE;
        f[i] = c;
    }
}

/* ------------------------------------------------------------ speeds */

static const struct {
    uint32_t code, baud;
} bauds[] = {
    {B0, 0},             {B50, 50},           {B75, 75},           {B110, 110},
    {B134, 134},         {B150, 150},         {B200, 200},         {B300, 300},
    {B600, 600},         {B1200, 1200},       {B1800, 1800},       {B2400, 2400},
    {B4800, 4800},       {B9600, 9600},       {B19200, 19200},     {B38400, 38400},
    {B57600, 57600},     {B115200, 115200},   {B230400, 230400},   {B460800, 460800},
    {B500000, 500000},   {B576000, 576000},   {B921600, 921600},   {B1000000, 1000000},
    {B1152000, 1152000}, {B1500000, 1500000}, {B2000000, 2000000}, {B2500000, 2500000},
    {B3000000, 3000000}, {B3500000, 3500000}, {B4000000, 4000000},
};
#define NBAUDS (sizeof bauds / sizeof bauds[0])

static uint32_t baud_code(uint32_t baud)
{
    for (size_t i = 0; i < NBAUDS; i++)
        if (bauds[i].baud == baud)
            return bauds[i].code;
    return BOTHER;
}

/* Speed for a CBAUD code; BOTHER (or an unknown code) means "the integer". */
static uint32_t code_baud(uint32_t code, uint32_t integer)
{
    for (size_t i = 0; i < NBAUDS; i++)
        if (bauds[i].code == code)
            return bauds[i].baud;
    return integer;
}

/* ------------------------------------------------------------ termios */

/* Linux bits FreeBSD cannot express survive from *l: callers fill *l with
 * TCGETS2 first so a read-modify-write by the guest keeps IUTF8, c_line ... */
static uint32_t merge(const struct fbsd_flagmap *t, uint32_t fv, uint32_t old)
{
    uint64_t known = fbsd_flags_to_linux(t, ~(uint64_t)0, NULL);
    return (uint32_t)fbsd_flags_to_linux(t, fv, NULL) | (old & ~(uint32_t)known);
}

void fbsd_termios_to_linux(const struct fbsd_termios *f, struct fbsd_ltermios *l)
{
    uint32_t ispeed = f->c_ispeed ? f->c_ispeed : f->c_ospeed; /* 0: as output */
    l->c_iflag = merge(fbsd_termios_iflags, f->c_iflag, l->c_iflag);
    l->c_oflag = merge(fbsd_termios_oflags, f->c_oflag, l->c_oflag);
    l->c_cflag = merge(fbsd_termios_cflags, f->c_cflag, l->c_cflag & ~(CBAUD | CIBAUD));
    l->c_lflag = merge(fbsd_termios_lflags, f->c_lflag, l->c_lflag);
    l->c_cflag |= baud_code(f->c_ospeed);
    if (ispeed != f->c_ospeed)
        l->c_cflag |= baud_code(ispeed) << IBSHIFT;
    l->c_ospeed = f->c_ospeed;
    l->c_ispeed = ispeed;
    cc_to_lnx(f->c_cc, l->c_cc);
}

void fbsd_termios_from_linux(const struct fbsd_ltermios *l, struct fbsd_termios *f)
{
    uint32_t ocode = l->c_cflag & CBAUD, icode = (l->c_cflag & CIBAUD) >> IBSHIFT;
    memset(f, 0, sizeof *f);
    f->c_iflag = (uint32_t)fbsd_flags_from_linux(fbsd_termios_iflags, l->c_iflag, NULL);
    f->c_oflag = (uint32_t)fbsd_flags_from_linux(fbsd_termios_oflags, l->c_oflag, NULL);
    f->c_cflag = (uint32_t)fbsd_flags_from_linux(fbsd_termios_cflags, l->c_cflag, NULL);
    f->c_lflag = (uint32_t)fbsd_flags_from_linux(fbsd_termios_lflags, l->c_lflag, NULL);
    f->c_ospeed = code_baud(ocode, l->c_ospeed);
    f->c_ispeed = icode ? code_baud(icode, l->c_ispeed) : f->c_ospeed;
    cc_from_lnx(l->c_cc, f->c_cc);
}

/* ------------------------------------------------------------ ioctls */

/* FreeBSD ioctl -> Linux request. SPECIAL entries:
 *  TIOCFLUSH   int *: FREAD 1 / FWRITE 2 (0 = both) -> TCFLSH TCIFLUSH/TCOFLUSH/TCIOFLUSH
 *  TIOCDRAIN   -> TCSBRK with argument 1 (tcdrain)
 *  TIOCSTART/TIOCSTOP -> TCXONC with TCOON/TCOOFF
 *  TIOCSCTTY   -> TIOCSCTTY with argument 0 (FreeBSD passes none)
 *  TIOCCONS    int *: only a non-zero value redirects the console
 * FIONWRITE is the send-queue size: Linux TIOCOUTQ (= SIOCOUTQ). */
const struct fbsd_valmap fbsd_ioctl_cmds[] = {
    {FBSD_TIOCGETA, TCGETS2, "TIOCGETA", FBSD_CONV_TERMIOS},
    {FBSD_TIOCSETA, TCSETS2, "TIOCSETA", FBSD_CONV_TERMIOS},
    {FBSD_TIOCSETAW, TCSETSW2, "TIOCSETAW", FBSD_CONV_TERMIOS},
    {FBSD_TIOCSETAF, TCSETSF2, "TIOCSETAF", FBSD_CONV_TERMIOS},
    {FBSD_TIOCGWINSZ, TIOCGWINSZ, "TIOCGWINSZ", FBSD_CONV_NONE},
    {FBSD_TIOCSWINSZ, TIOCSWINSZ, "TIOCSWINSZ", FBSD_CONV_NONE},
    {FBSD_TIOCGPGRP, TIOCGPGRP, "TIOCGPGRP", FBSD_CONV_NONE},
    {FBSD_TIOCSPGRP, TIOCSPGRP, "TIOCSPGRP", FBSD_CONV_NONE},
    {FBSD_TIOCGSID, TIOCGSID, "TIOCGSID", FBSD_CONV_NONE},
    {FBSD_TIOCSCTTY, TIOCSCTTY, "TIOCSCTTY", FBSD_CONV_SPECIAL},
    {FBSD_TIOCNOTTY, TIOCNOTTY, "TIOCNOTTY", FBSD_CONV_NONE},
    {FBSD_TIOCEXCL, TIOCEXCL, "TIOCEXCL", FBSD_CONV_NONE},
    {FBSD_TIOCNXCL, TIOCNXCL, "TIOCNXCL", FBSD_CONV_NONE},
    {FBSD_TIOCOUTQ, TIOCOUTQ, "TIOCOUTQ", FBSD_CONV_NONE},
    {FBSD_TIOCSTI, TIOCSTI, "TIOCSTI", FBSD_CONV_NONE},
    {FBSD_TIOCFLUSH, TCFLSH, "TIOCFLUSH", FBSD_CONV_SPECIAL},
    {FBSD_TIOCDRAIN, TCSBRK, "TIOCDRAIN", FBSD_CONV_SPECIAL},
    {FBSD_TIOCSTART, TCXONC, "TIOCSTART", FBSD_CONV_SPECIAL},
    {FBSD_TIOCSTOP, TCXONC, "TIOCSTOP", FBSD_CONV_SPECIAL},
    {FBSD_TIOCSBRK, TIOCSBRK, "TIOCSBRK", FBSD_CONV_NONE},
    {FBSD_TIOCCBRK, TIOCCBRK, "TIOCCBRK", FBSD_CONV_NONE},
    {FBSD_TIOCMGET, TIOCMGET, "TIOCMGET", FBSD_CONV_NONE}, /* TIOCM_* bits agree */
    {FBSD_TIOCMSET, TIOCMSET, "TIOCMSET", FBSD_CONV_NONE},
    {FBSD_TIOCMBIS, TIOCMBIS, "TIOCMBIS", FBSD_CONV_NONE},
    {FBSD_TIOCMBIC, TIOCMBIC, "TIOCMBIC", FBSD_CONV_NONE},
    {FBSD_TIOCGETD, TIOCGETD, "TIOCGETD", FBSD_CONV_NONE}, /* TTYDISC 0 = N_TTY 0 */
    {FBSD_TIOCSETD, TIOCSETD, "TIOCSETD", FBSD_CONV_NONE},
    {FBSD_TIOCPKT, TIOCPKT, "TIOCPKT", FBSD_CONV_NONE}, /* TIOCPKT_* bits agree */
    {FBSD_TIOCGPTN, TIOCGPTN, "TIOCGPTN", FBSD_CONV_NONE},
    {FBSD_TIOCPTMASTER, FBSD_NOMAP, "TIOCPTMASTER", FBSD_CONV_NONE},
    {FBSD_TIOCSIG, TIOCSIG, "TIOCSIG", FBSD_CONV_SIGNAL},
    {FBSD_TIOCCONS, TIOCCONS, "TIOCCONS", FBSD_CONV_SPECIAL},
    {FBSD_FIOCLEX, FIOCLEX, "FIOCLEX", FBSD_CONV_NONE},
    {FBSD_FIONCLEX, FIONCLEX, "FIONCLEX", FBSD_CONV_NONE},
    {FBSD_FIONREAD, FIONREAD, "FIONREAD", FBSD_CONV_NONE},
    {FBSD_FIONBIO, FIONBIO, "FIONBIO", FBSD_CONV_NONE},
    {FBSD_FIOASYNC, FIOASYNC, "FIOASYNC", FBSD_CONV_NONE},
    {FBSD_FIOSETOWN, FIOSETOWN, "FIOSETOWN", FBSD_CONV_NONE},
    {FBSD_FIOGETOWN, FIOGETOWN, "FIOGETOWN", FBSD_CONV_NONE},
    {FBSD_FIODTYPE, FBSD_NOMAP, "FIODTYPE", FBSD_CONV_NONE},
    {FBSD_FIONWRITE, TIOCOUTQ, "FIONWRITE", FBSD_CONV_NONE},
    {FBSD_FIONSPACE, FBSD_NOMAP, "FIONSPACE", FBSD_CONV_NONE},
    {FBSD_FIOSEEKDATA, FBSD_NOMAP, "FIOSEEKDATA", FBSD_CONV_NONE},
    {FBSD_FIOSEEKHOLE, FBSD_NOMAP, "FIOSEEKHOLE", FBSD_CONV_NONE},
    {0, 0, NULL, 0},
};
