/* suites.h — unit test suites: every tests/unit/test_NAME.c defines
 * Suite *suite_NAME(void); the build lists them in suites.inc. */
#ifndef XENO_TEST_SUITES_H
#define XENO_TEST_SUITES_H
#include <check.h>

#include "suites.inc" /* generated: X(name) for each test_NAME.c */

#define DECLARE_SUITE(name) Suite *suite_##name(void);
XENO_SUITES(DECLARE_SUITE)
#undef DECLARE_SUITE

#endif
