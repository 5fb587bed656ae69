/* args.c — arguments and environment: argv (argv[0] only checked, as its
 * path differs between builds), numbers parsed from arguments with
 * strtol, chosen XENO_SAMPLE* variables, and setenv/getenv/unsetenv.
 * Exit status: 0, or 1 if an environment check failed. Portable C. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "names.h"

extern char **environ;

static void print_var(const char *name)
{
    const char *v = getenv(name);
    if (v)
        printf("%s=[%s]\n", name, v);
    else
        printf("%s is unset\n", name);
}

static int env_checks(void)
{
    int bad = 0;
    const char *v;
    bad |= setenv("XENO_SAMPLE_NEW", "first", 1) != 0;
    bad |= !(v = getenv("XENO_SAMPLE_NEW")) || strcmp(v, "first");
    bad |= setenv("XENO_SAMPLE_NEW", "second", 0) != 0;
    bad |= !(v = getenv("XENO_SAMPLE_NEW")) || strcmp(v, "first");
    bad |= setenv("XENO_SAMPLE_NEW", "third", 1) != 0;
    print_var("XENO_SAMPLE_NEW");
    bad |= unsetenv("XENO_SAMPLE_NEW") != 0;
    print_var("XENO_SAMPLE_NEW");
    int r = setenv("BAD=NAME", "x", 1);
    printf("setenv with '=' in the name: %s\n", r < 0 ? errname(errno) : "accepted");
    bad |= r == 0;
    return bad;
}

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d\n", argc);
    printf("argv[0] is set: %s\n", yesno(argv[0] && argv[0][0]));
    for (int i = 1; i < argc; i++) {
        char *end;
        long n = strtol(argv[i], &end, 0);
        if (argv[i][0] && !*end)
            printf("argv[%d]=[%s] number=%ld\n", i, argv[i], n);
        else
            printf("argv[%d]=[%s]\n", i, argv[i]);
    }
    printf("argv[argc] is NULL: %s\n", yesno(argv[argc] == NULL));
    printf("envp is environ: %s\n", yesno(envp == environ));
    int count = 0;
    for (char **e = envp; *e; e++)
        count += !strncmp(*e, "XENO_SAMPLE", 11);
    printf("XENO_SAMPLE* variables: %d\n", count);
    print_var("XENO_SAMPLE");
    print_var("XENO_SAMPLE_EMPTY");
    print_var("XENO_SAMPLE_UNSET");
    printf("PATH is set: %s\n", yesno(getenv("PATH") != NULL));
    int bad = env_checks();
    printf("environment checks: %s\n", bad ? "FAILED" : "passed");
    return bad;
}
