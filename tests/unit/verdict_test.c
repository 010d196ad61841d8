// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for src/appraise/verdict.c over the shared cases
 *
 * Values are copied into heap buffers of their exact length, so that ASan
 * catches any read past them.
 */

#include "../../src/appraise/verdict.c"
#include "../vectors/verdict_cases.h"
#define UNIT_SUITE "verdict"
#include "unit.h"

static void test_cases(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(verdict_cases); i++) {
		const struct verdict_case *c = &verdict_cases[i];
		struct verdict_fake f;
		struct sima_verdict v;
		u8 value[64], *copy = NULL;
		int len = verdict_value(c, value);

		if (len > 0) {
			copy = malloc(len);
			memcpy(copy, value, len);
		}
		verdict_case_run_on(c, copy, len, &f, &v);
		UNIT_EXPECT_EQ(c->name, v.status, c->want);
		UNIT_EXPECT_EQ(c->name, strcmp(v.cause, c->cause ?: "unknown"),
			       0);
		UNIT_EXPECT_EQ(c->name, v.digsig, c->digsig);
		free(copy);
	}
}

/* A type 6 signature is checked over the file-id hash, not the digest. */
static void test_verity_data(void)
{
	const struct verdict_case *c = NULL;
	struct verdict_fake f;
	struct sima_verdict v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(verdict_cases); i++)
		if (!strcmp(verdict_cases[i].name, "verity signature valid"))
			c = &verdict_cases[i];
	UNIT_EXPECT_EQ("case present", !!c, 1);
	if (!c)
		return;
	verdict_case_run(c, &f, &v);
	UNIT_EXPECT_EQ("verified length", f.verified_len, 32);
}

int main(void)
{
	UNIT_RUN(test_cases);
	UNIT_RUN(test_verity_data);
	return unit_report();
}
