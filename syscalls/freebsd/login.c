/* login.c — getlogin/setlogin: FreeBSD keeps a login name per session
 * (set by login(1) or sshd through setlogin); Linux has none. xeno keeps
 * one per process, starting as the name of the host's audit login uid
 * (/proc/self/loginuid) or, without one, of the real uid. Follows
 * sys/kern/kern_prot.c: MAXLOGNAME is 33 with the NUL, getlogin fails
 * with ERANGE when the buffer is too small, setlogin needs root and
 * refuses a name that is too long with EINVAL. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fbsd.h"

#define MAXLOGNAME 33

static char login[MAXLOGNAME];
static int login_known;
static pthread_mutex_t login_lock = PTHREAD_MUTEX_INITIALIZER;

static uid_t login_uid(void)
{
    char b[32] = "";
    int fd = open("/proc/self/loginuid", O_RDONLY | O_CLOEXEC);
    ssize_t n = fd < 0 ? -1 : read(fd, b, sizeof b - 1);
    if (fd >= 0)
        close(fd);
    unsigned long v = n > 0 ? strtoul(b, NULL, 10) : (unsigned long)-1;
    return v < 0xffffffffu ? (uid_t)v : getuid();
}

static void login_init(void)
{
    struct passwd pw, *res = NULL;
    char buf[1024];
    if (getpwuid_r(login_uid(), &pw, buf, sizeof buf, &res) == 0 && res) {
        strncpy(login, res->pw_name, sizeof login - 1);
        login[sizeof login - 1] = '\0';
    }
    login_known = 1;
}

long fbsd_sys_getlogin(struct fcall *c)
{
    char name[MAXLOGNAME];
    size_t n = (uint32_t)c->a[1] > MAXLOGNAME ? MAXLOGNAME : (uint32_t)c->a[1];
    pthread_mutex_lock(&login_lock);
    if (!login_known)
        login_init();
    memcpy(name, login, sizeof name);
    pthread_mutex_unlock(&login_lock);
    size_t len = strlen(name) + 1;
    if (len > n)
        return -ERANGE;
    return fbsd_copyout(c->a[0], name, len);
}

long fbsd_sys_setlogin(struct fcall *c)
{
    char name[MAXLOGNAME];
    if (geteuid() != 0)
        return -EPERM;
    int r = fbsd_copyinstr(name, c->a[0], sizeof name);
    if (r < 0)
        return r == -ENAMETOOLONG ? -EINVAL : r;
    pthread_mutex_lock(&login_lock);
    memcpy(login, name, sizeof login);
    login_known = 1;
    pthread_mutex_unlock(&login_lock);
    return 0;
}
