/* pipes.c — pipes between processes: a child writes messages the parent
 * reads to EOF, a 200000-byte transfer with a checksum, a shell command
 * whose stdout is dup2'ed into the pipe, poll readiness, O_NONBLOCK
 * (EAGAIN), EPIPE with SIGPIPE ignored and ESPIPE. Exit status 0, or 1
 * on a failed step. Portable C. */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"

#define BIG 200000

static int failed;

static pid_t spawn(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        exit(1);
    return pid;
}

static int reap(pid_t pid)
{
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Reads everything from fd into buf (NUL-terminated); returns the count. */
static size_t slurp(int fd, char *buf, size_t cap)
{
    size_t got = 0;
    ssize_t n;
    while (got + 1 < cap && (n = read(fd, buf + got, cap - 1 - got)) > 0)
        got += (size_t)n;
    buf[got] = 0;
    return got;
}

static void messages(void)
{
    int fds[2];
    failed |= show("pipe", pipe(fds)) < 0;
    pid_t pid = spawn();
    if (pid == 0) {
        close(fds[0]);
        for (int i = 1; i <= 3; i++) {
            char msg[32];
            int n = snprintf(msg, sizeof msg, "message %d from the child\n", i);
            if (write(fds[1], msg, (size_t)n) != n)
                _exit(1);
        }
        _exit(0);
    }
    close(fds[1]);
    char buf[256];
    slurp(fds[0], buf, sizeof buf);
    close(fds[0]);
    printf("parent read:\n%s", buf);
    printf("writer exit status: %d\n", reap(pid));
}

static void bulk(void)
{
    int fds[2];
    failed |= pipe(fds) < 0;
    pid_t pid = spawn();
    if (pid == 0) {
        close(fds[0]);
        static unsigned char data[BIG];
        for (int i = 0; i < BIG; i++)
            data[i] = (unsigned char)(i * 7);
        for (size_t off = 0; off < BIG;) {
            ssize_t n = write(fds[1], data + off, BIG - off);
            if (n <= 0)
                _exit(1);
            off += (size_t)n;
        }
        _exit(0);
    }
    close(fds[1]);
    unsigned long sum = 0, count = 0;
    unsigned char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n; i++, count++)
            sum += buf[i] ^ (unsigned char)(count * 7);
    close(fds[0]);
    printf("bulk transfer: %lu bytes, checksum %s, writer status %d\n", count,
           sum == 0 ? "ok" : "BAD", reap(pid));
}

static void shell_into_pipe(void)
{
    int fds[2];
    failed |= pipe(fds) < 0;
    pid_t pid = spawn();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        char *argv[] = { "sh", "-c", "echo from sh through the pipe", NULL };
        execv("/bin/sh", argv);
        _exit(127);
    }
    close(fds[1]);
    char buf[128];
    slurp(fds[0], buf, sizeof buf);
    close(fds[0]);
    printf("captured: %s", buf);
    printf("shell status: %d\n", reap(pid));
}

static void readiness(void)
{
    int fds[2];
    failed |= pipe(fds) < 0;
    struct pollfd p = { fds[0], POLLIN, 0 };
    printf("poll on an empty pipe: %d\n", poll(&p, 1, 0));
    failed |= write(fds[1], "x", 1) != 1;
    int ready = poll(&p, 1, 1000);
    printf("poll after a write: %d, POLLIN: %s\n", ready, yesno(p.revents & POLLIN));
    char c;
    failed |= read(fds[0], &c, 1) != 1;
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    printf("O_NONBLOCK set: %s\n", yesno(fcntl(fds[0], F_GETFL) & O_NONBLOCK));
    printf("read from an empty non-blocking pipe: %s\n", read(fds[0], &c, 1) < 0 ? errname(errno) : "data");
    struct stat st;
    fstat(fds[0], &st);
    printf("fstat says FIFO: %s\n", yesno(S_ISFIFO(st.st_mode)));
    printf("lseek on a pipe: %s\n", lseek(fds[0], 0, SEEK_SET) < 0 ? errname(errno) : "ok");
    close(fds[1]);
    ready = poll(&p, 1, 1000);
    printf("poll after the writer closed: %d, readable or hung up: %s\n", ready,
           yesno(p.revents & (POLLIN | POLLHUP)));
    printf("read at EOF: %d\n", (int)read(fds[0], &c, 1));
    close(fds[0]);
}

static void broken(void)
{
    int fds[2];
    failed |= pipe(fds) < 0;
    signal(SIGPIPE, SIG_IGN);
    close(fds[0]);
    printf("write with no reader: %s\n", write(fds[1], "x", 1) < 0 ? errname(errno) : "ok");
    close(fds[1]);
}

int main(void)
{
    messages();
    bulk();
    shell_into_pipe();
    readiness();
    broken();
    return failed;
}
