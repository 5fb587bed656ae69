/* errno.c — the one process-wide errno (see errno.h). */
int errno;
