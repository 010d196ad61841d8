/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - a minimal runner for user-space unit tests
 *
 * Each UNIT_RUN() is one test; it fails when any expectation inside it
 * fails. unit_report() prints one "PASS/FAIL <suite>.<test>" line per test,
 * the lines make check counts.
 */
#ifndef _SIMA_UNIT_H
#define _SIMA_UNIT_H

#include <stdio.h>

#ifndef UNIT_SUITE
#error "define UNIT_SUITE before including unit.h"
#endif

static int unit_failures;	/* expectations failed in the current test */
static int unit_failed_tests;

#define UNIT_EXPECT_EQ(what, got, want)					\
	do {								\
		long long _g = (long long)(got), _w = (long long)(want); \
		if (_g != _w) {						\
			fprintf(stderr, "  %s:%d: %s: %s = %lld, want %lld\n", \
				__FILE__, __LINE__, (what), #got, _g, _w); \
			unit_failures++;				\
		}							\
	} while (0)

#define UNIT_RUN(fn)							\
	do {								\
		unit_failures = 0;					\
		fn();							\
		printf("%s %s.%s\n", unit_failures ? "FAIL" : "PASS",	\
		       UNIT_SUITE, #fn);				\
		unit_failed_tests += !!unit_failures;			\
	} while (0)

static inline int unit_report(void)
{
	return unit_failed_tests ? 1 : 0;
}

#endif /* _SIMA_UNIT_H */
