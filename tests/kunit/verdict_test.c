// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for src/appraise/verdict.c
 *
 * Runs the cases tests/unit runs in user space, with the kernel's errno
 * values.
 */

#include <kunit/test.h>
#include <linux/module.h>

#include "../../src/appraise/verdict.c"
#include "../vectors/verdict_cases.h"

static void verdict_case_desc(const struct verdict_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(verdict, verdict_cases, verdict_case_desc);

static void verdict_test_case(struct kunit *test)
{
	const struct verdict_case *c = test->param_value;
	struct verdict_fake f;
	struct sima_verdict v;

	verdict_case_run(c, &f, &v);
	KUNIT_EXPECT_EQ_MSG(test, v.status, c->want, "%s", c->name);
	KUNIT_EXPECT_STREQ_MSG(test, v.cause, c->cause ?: "unknown", "%s",
			       c->name);
	KUNIT_EXPECT_EQ_MSG(test, v.digsig, c->digsig, "%s", c->name);
}

static struct kunit_case verdict_test_cases[] = {
	KUNIT_CASE_PARAM(verdict_test_case, verdict_gen_params),
	{}
};

static struct kunit_suite verdict_test_suite = {
	.name = "sima_verdict",
	.test_cases = verdict_test_cases,
};

kunit_test_suite(verdict_test_suite);
