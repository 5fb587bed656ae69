/* sys/ioctl.h — ioctl, and the terminal request isatty() uses. */
#ifndef CRT_SYS_IOCTL_H
#define CRT_SYS_IOCTL_H

/* _IOR('t', 19, struct termios): IOC_OUT | 44 << 16 | 't' << 8 | 19;
 * FreeBSD's struct termios is 4 tcflag_t, cc_t c_cc[20], 2 speed_t. */
#define TIOCGETA 0x402c7413UL
#define FIONREAD 0x4004667fUL

int ioctl(int fd, unsigned long request, ...);

#endif
