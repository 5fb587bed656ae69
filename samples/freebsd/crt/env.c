/* env.c — the environment: getenv, setenv, unsetenv. The first change
 * copies the array the kernel passed into a heap-allocated one. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;
static char **owned;        /* environ, once it is our own array */

static int find(const char *name, size_t n)
{
    for (int i = 0; environ && environ[i]; i++)
        if (!strncmp(environ[i], name, n) && environ[i][n] == '=')
            return i;
    return -1;
}

char *getenv(const char *name)
{
    size_t n = strlen(name);
    int i = find(name, n);
    return i < 0 ? NULL : environ[i] + n + 1;
}

static int own_environ(int extra)
{
    int count = 0;
    while (environ && environ[count])
        count++;
    char **copy = malloc(sizeof *copy * (size_t)(count + extra + 1));
    if (!copy)
        return -1;
    for (int i = 0; i < count; i++)
        copy[i] = environ[i];
    copy[count] = NULL;
    if (owned == environ)
        free(owned);
    environ = owned = copy;
    return count;
}

int setenv(const char *name, const char *value, int overwrite)
{
    size_t n = strlen(name), v = strlen(value);
    if (!n || strchr(name, '=')) {
        errno = EINVAL;
        return -1;
    }
    int i = find(name, n);
    if (i >= 0 && !overwrite)
        return 0;
    char *entry = malloc(n + v + 2);
    if (!entry)
        return -1;
    memcpy(entry, name, n);
    entry[n] = '=';
    memcpy(entry + n + 1, value, v + 1);
    if (i < 0) {
        i = own_environ(1);
        if (i < 0)
            return -1;
        environ[i + 1] = NULL;
    }
    environ[i] = entry;
    return 0;
}

int unsetenv(const char *name)
{
    size_t n = strlen(name);
    if (!n || strchr(name, '=')) {
        errno = EINVAL;
        return -1;
    }
    int i;
    while ((i = find(name, n)) >= 0)
        for (; environ[i]; i++)
            environ[i] = environ[i + 1];
    return 0;
}
