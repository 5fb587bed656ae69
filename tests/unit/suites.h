/* suites.h — every unit test suite, registered in main.c. */
#ifndef XENO_TEST_SUITES_H
#define XENO_TEST_SUITES_H
#include <check.h>

#define XENO_SUITES(X) \
    X(detect) \
    X(pe) \
    X(elf) \
    X(cli)

#define DECLARE_SUITE(name) Suite *suite_##name(void);
XENO_SUITES(DECLARE_SUITE)
#undef DECLARE_SUITE

#endif
