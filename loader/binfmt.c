/* binfmt.c — `xeno binfmt install|uninstall|status`: teach the kernel to
 * start PE files (by their MZ magic) and FreeBSD ELF files (by the OSABI
 * byte) through xeno, so `./prog.exe` runs directly. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "binfmt.h"
#include "xeno.h"


struct rule {
    const char *name;
    const char *magic; /* binfmt_misc escaped bytes */
    const char *mask;
};

/* FreeBSD: class 64, little endian, version 1, OSABI 9; e_type EXEC or DYN
 * (mask 0xfe); e_machine x86-64 (62). */
static const struct rule rules[] = {
    { "xeno-pe", "MZ", "" },
    { "xeno-freebsd",
      "\\x7fELF\\x02\\x01\\x01\\x09\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x3e\\x00",
      "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
      "\\xfe\\xff\\xff\\xff" },
};

const char *binfmt_rule(int i, const char *interp, char *buf, unsigned len)
{
    if (i < 0 || (size_t)i >= ARRAY_LEN(rules))
        return NULL;
    snprintf(buf, len, ":%s:M::%s:%s:%s:", rules[i].name, rules[i].magic, rules[i].mask,
             interp);
    return buf;
}

static const char *binfmt_dir(void)
{
    const char *d = getenv("XENO_BINFMT_DIR"); /* tests point this elsewhere */
    return d ? d : "/proc/sys/fs/binfmt_misc";
}

/* Make sure binfmt_misc is there; as root, mount it if it is not. */
static int check_mounted(int may_mount)
{
    const char *dir = binfmt_dir();
    char reg[PATH_MAX];
    snprintf(reg, sizeof reg, "%s/register", dir);
    if (access(reg, F_OK) == 0)
        return 0;
    if (may_mount && !getenv("XENO_BINFMT_DIR") && geteuid() == 0 &&
        mount("binfmt_misc", dir, "binfmt_misc", 0, NULL) == 0)
        return 0;
    xeno_warn("binfmt_misc is not mounted at %s (as root: mount -t binfmt_misc "
              "binfmt_misc %s)", dir, dir);
    return -1;
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    int err = errno;
    close(fd);
    errno = err;
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int entry_path(int i, char *buf, size_t len)
{
    return snprintf(buf, len, "%s/%s", binfmt_dir(), rules[i].name) < (int)len ? 0 : -1;
}

static int do_uninstall(int quiet)
{
    int rc = 0;
    for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
        char p[PATH_MAX];
        entry_path((int)i, p, sizeof p);
        if (access(p, F_OK) != 0)
            continue;
        if (write_file(p, "-1") < 0) {
            xeno_warn("cannot remove %s: %s", p, strerror(errno));
            rc = 1;
        } else if (!quiet) {
            printf("removed %s\n", rules[i].name);
        }
    }
    return rc;
}

static int do_install(void)
{
    char self[PATH_MAX], reg[PATH_MAX], line[512];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0)
        xeno_die(1, "cannot find xeno's own path: %s", strerror(errno));
    self[n] = 0;
    do_uninstall(1);
    snprintf(reg, sizeof reg, "%s/register", binfmt_dir());
    for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
        binfmt_rule((int)i, self, line, sizeof line);
        if (write_file(reg, line) < 0) {
            xeno_warn("cannot register %s in %s: %s%s", rules[i].name, reg,
                      strerror(errno), errno == EACCES || errno == EPERM ? " (run as root)" : "");
            return 1;
        }
        printf("registered %s -> %s\n", rules[i].name, self);
    }
    return 0;
}

static int do_status(void)
{
    for (size_t i = 0; i < ARRAY_LEN(rules); i++) {
        char p[PATH_MAX], buf[1024];
        entry_path((int)i, p, sizeof p);
        FILE *f = fopen(p, "r");
        if (!f) {
            printf("%-13s not registered\n", rules[i].name);
            continue;
        }
        const char *state = "registered", *interp = "?";
        while (fgets(buf, sizeof buf, f)) {
            buf[strcspn(buf, "\n")] = 0;
            if (!strcmp(buf, "disabled"))
                state = "registered but disabled";
            if (!strncmp(buf, "interpreter ", 12))
                interp = strdup(buf + 12);
        }
        fclose(f);
        printf("%-13s %s, interpreter %s\n", rules[i].name, state, interp);
    }
    return 0;
}

static void binfmt_usage(FILE *out)
{
    fprintf(out, "usage: xeno binfmt install|uninstall|status\n"
                 "Register (as root) xeno with the kernel's binfmt_misc so that Windows .exe\n"
                 "files and FreeBSD ELF programs start through xeno when executed directly:\n"
                 "  xeno-pe       files starting with \"MZ\"\n"
                 "  xeno-freebsd  x86-64 ELF executables with OSABI 9 (FreeBSD)\n"
                 "status shows what is registered; uninstall removes both entries.\n");
}

int cmd_binfmt(int argc, char **argv)
{
    if (argc != 2) {
        binfmt_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    const char *v = argv[1];
    if (!strcmp(v, "--help") || !strcmp(v, "-h")) {
        binfmt_usage(stdout);
        return 0;
    }
    int install = !strcmp(v, "install"), uninstall = !strcmp(v, "uninstall");
    if (!install && !uninstall && strcmp(v, "status")) {
        binfmt_usage(stderr);
        return XENO_EXIT_USAGE;
    }
    if (check_mounted(install) < 0)
        return 1;
    if (install)
        return do_install();
    if (uninstall)
        return do_uninstall(0);
    return do_status();
}
