/* sys/types.h — FreeBSD amd64 primitive system types (sys/sys/_types.h). */
#ifndef CRT_SYS_TYPES_H
#define CRT_SYS_TYPES_H
#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef int32_t pid_t;
typedef int32_t lwpid_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint16_t mode_t;            /* 16 bits on FreeBSD, 32 on Linux */
typedef int64_t off_t;
typedef uint64_t dev_t;
typedef uint64_t ino_t;
typedef uint64_t nlink_t;
typedef int64_t blkcnt_t;
typedef int32_t blksize_t;
typedef uint32_t fflags_t;
typedef int64_t time_t;
typedef long suseconds_t;
typedef uint32_t useconds_t;
typedef int32_t clockid_t;
typedef int64_t id_t;
typedef uint32_t socklen_t;
typedef uint8_t sa_family_t;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;

#endif
