/* dirent.h — reading directories through getdirentries(2), which fills
 * a buffer with FreeBSD 12+ struct dirent records (8-byte aligned). */
#ifndef CRT_DIRENT_H
#define CRT_DIRENT_H
#include <sys/types.h>

struct dirent {
    ino_t d_fileno;                 /* 0 */
    off_t d_off;                    /* 8 */
    uint16_t d_reclen;              /* 16 */
    uint8_t d_type;                 /* 18 */
    uint8_t d_pad0;                 /* 19 */
    uint16_t d_namlen;              /* 20 */
    uint16_t d_pad1;                /* 22 */
    char d_name[256];               /* 24 */
};
#define d_ino d_fileno

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

typedef struct __crt_dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *d);
void rewinddir(DIR *d);
int closedir(DIR *d);
int dirfd(DIR *d);
ssize_t getdirentries(int fd, char *buf, size_t n, off_t *base);

#endif
