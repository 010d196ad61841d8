// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for src/kernel/classify.c
 *
 * Runs the cases tests/unit runs in user space, here against the kernel's
 * own PROT_*, MAY_* and READING_* values.
 */

#include <kunit/test.h>
#include <linux/module.h>

#include "../../src/kernel/classify.c"
#include "../vectors/classify_cases.h"

static void mmap_case_desc(const struct mmap_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static void mprotect_case_desc(const struct mprotect_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static void open_case_desc(const struct open_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static void id_case_desc(const struct id_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mmap, mmap_cases, mmap_case_desc);
KUNIT_ARRAY_PARAM(mprotect, mprotect_cases, mprotect_case_desc);
KUNIT_ARRAY_PARAM(open, open_cases, open_case_desc);
KUNIT_ARRAY_PARAM(read_id, read_id_cases, id_case_desc);
KUNIT_ARRAY_PARAM(load_id, load_id_cases, id_case_desc);

static void classify_test_mmap(struct kunit *test)
{
	const struct mmap_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test, sima_mmap_prot(c->prot, c->flags),
			    c->want_prot, "%s", c->name);
	KUNIT_EXPECT_EQ_MSG(test, sima_mmap_is_exec(c->prot, c->flags),
			    c->want_exec, "%s", c->name);
}

static void classify_test_mprotect(struct kunit *test)
{
	const struct mprotect_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test,
			    sima_mprotect_adds_exec(c->prot, c->vma_exec,
						    c->has_file),
			    c->want, "%s", c->name);
}

static void classify_test_open(struct kunit *test)
{
	const struct open_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test, sima_open_mask(c->acc_mode), c->want,
			    "%s", c->name);
}

static void classify_test_read_id(struct kunit *test)
{
	const struct id_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test, sima_read_id_func(c->id), c->want,
			    "%s", c->name);
}

static void classify_test_load_id(struct kunit *test)
{
	const struct id_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test, sima_load_id_func(c->id), c->want,
			    "%s", c->name);
}

/* The user-space copy of the id enums must match the kernel's. */
static void classify_test_id_enums(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, READING_MAX_ID, 7);
	KUNIT_EXPECT_EQ(test, READING_X509_CERTIFICATE, 6);
	KUNIT_EXPECT_EQ(test, LOADING_MAX_ID, 7);
	KUNIT_EXPECT_EQ(test, LOADING_X509_CERTIFICATE, 6);
}

static struct kunit_case classify_test_cases[] = {
	KUNIT_CASE_PARAM(classify_test_mmap, mmap_gen_params),
	KUNIT_CASE_PARAM(classify_test_mprotect, mprotect_gen_params),
	KUNIT_CASE_PARAM(classify_test_open, open_gen_params),
	KUNIT_CASE_PARAM(classify_test_read_id, read_id_gen_params),
	KUNIT_CASE_PARAM(classify_test_load_id, load_id_gen_params),
	KUNIT_CASE(classify_test_id_enums),
	{}
};

static struct kunit_suite classify_test_suite = {
	.name = "sima_classify",
	.test_cases = classify_test_cases,
};

kunit_test_suite(classify_test_suite);

MODULE_DESCRIPTION("sima: KUnit suites");
MODULE_LICENSE("GPL");
