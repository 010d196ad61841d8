// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for src/appraise/modsig_layout.c
 *
 * Runs the cases tests/unit runs in user space.
 */

#include <kunit/test.h>
#include <linux/module.h>

#include "../../src/appraise/modsig_layout.c"
#include "../vectors/modsig_cases.h"

static void modsig_case_desc(const struct modsig_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(modsig, modsig_cases, modsig_case_desc);

static void modsig_test_layout(struct kunit *test)
{
	const struct modsig_case *c = test->param_value;
	struct sima_modsig_layout l = { };
	size_t len;
	u8 *buf;

	buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = modsig_case_buf(c, buf);
	KUNIT_EXPECT_EQ_MSG(test, sima_modsig_layout(buf, len, &l), c->want,
			    "%s", c->name);
	if (c->want)
		return;
	KUNIT_EXPECT_EQ(test, l.data_len, (size_t)c->data);
	KUNIT_EXPECT_PTR_EQ(test, l.pkcs7, (const u8 *)buf + c->data);
	KUNIT_EXPECT_EQ(test, l.pkcs7_len, (size_t)c->sig);
}

static struct kunit_case modsig_test_cases[] = {
	KUNIT_CASE_PARAM(modsig_test_layout, modsig_gen_params),
	{}
};

static struct kunit_suite modsig_test_suite = {
	.name = "sima_modsig",
	.test_cases = modsig_test_cases,
};

kunit_test_suite(modsig_test_suite);
