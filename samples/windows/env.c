/* env.c — the C runtime's environment: getenv of a variable the test sets
 * (XENO_TEST_VAR), getenv of an unset one, adding, changing and removing
 * variables at run time, and walking `environ` for the ones we added.
 * Portable C (putenv/_putenv and the removal call differ by name only).
 * Exit status: 0 if XENO_TEST_VAR was set by the caller, 1 if not.
 *
 * Suggested run:  XENO_TEST_VAR='hello world' env */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <unistd.h>
extern char **environ;
#endif

static int set_var(const char *assignment)
{
#ifdef _WIN32
    return _putenv(assignment);
#else
    return putenv((char *)assignment);
#endif
}

static int unset_var(const char *name)
{
#ifdef _WIN32
    char buf[128];
    snprintf(buf, sizeof buf, "%s=", name);     /* "NAME=" removes it */
    return _putenv(buf);
#else
    return unsetenv(name);
#endif
}

static void show(const char *name)
{
    const char *v = getenv(name);
    if (v)
        printf("%s = [%s]\n", name, v);
    else
        printf("%s is unset\n", name);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_sample_vars(void)
{
    char *found[16];
    int n = 0;
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "XENO_ENV_SAMPLE_", 16) == 0 && n < 16)
            found[n++] = *e;
    qsort(found, n, sizeof found[0], cmp);
    printf("environ has %d sample variables:\n", n);
    for (int i = 0; i < n; i++)
        printf("  %s\n", found[i]);
}

int main(void)
{
    int rc = getenv("XENO_TEST_VAR") ? 0 : 1;
    show("XENO_TEST_VAR");
    show("XENO_SURELY_UNSET_VARIABLE");

    printf("set B: %d\n", set_var("XENO_ENV_SAMPLE_B=bee"));
    printf("set A: %d\n", set_var("XENO_ENV_SAMPLE_A=a value with spaces"));
    printf("set C: %d\n", set_var("XENO_ENV_SAMPLE_C=c=with=equals"));
    show("XENO_ENV_SAMPLE_A");
    show("XENO_ENV_SAMPLE_B");
    show("XENO_ENV_SAMPLE_C");
    list_sample_vars();

    printf("change B: %d\n", set_var("XENO_ENV_SAMPLE_B=changed"));
    show("XENO_ENV_SAMPLE_B");
    printf("remove A: %d\n", unset_var("XENO_ENV_SAMPLE_A"));
    show("XENO_ENV_SAMPLE_A");
    list_sample_vars();

    return rc;
}
