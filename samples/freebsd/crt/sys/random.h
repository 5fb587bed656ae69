/* sys/random.h — getrandom(2). */
#ifndef CRT_SYS_RANDOM_H
#define CRT_SYS_RANDOM_H
#include <sys/types.h>

#define GRND_NONBLOCK 0x1
#define GRND_RANDOM 0x2

ssize_t getrandom(void *buf, size_t n, unsigned flags);

#endif
