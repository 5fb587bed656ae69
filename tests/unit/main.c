/* main.c — runs all unit test suites with Check. Windows paths on C: go
 * to a drive of the run's own (XENO_DRIVE_C), not the user's
 * ~/.xeno/drive_c, and it is removed afterwards. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include "suites.h"

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    return remove(path);
}

int main(void)
{
    char drive[] = "/tmp/xeno-unit-c.XXXXXX";
    int own_drive = !getenv("XENO_DRIVE_C") && mkdtemp(drive);
    if (own_drive)
        setenv("XENO_DRIVE_C", drive, 1);
    SRunner *sr = srunner_create(NULL);
#define ADD_SUITE(name) srunner_add_suite(sr, suite_##name());
    XENO_SUITES(ADD_SUITE)
#undef ADD_SUITE
    srunner_run_all(sr, CK_ENV);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (own_drive)
        nftw(drive, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
