// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for src/integrity/xattr.c
 *
 * Runs the cases tests/unit runs in user space, against the kernel's own
 * hash algorithm ids.
 */

#include <crypto/hash_info.h>
#include <kunit/test.h>
#include <linux/module.h>

#include "../../src/integrity/xattr.c"
#include "../vectors/xattr_cases.h"

static void xattr_case_desc(const struct xattr_algo_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xattr_algo, xattr_algo_cases, xattr_case_desc);

static void xattr_test_hash_algo(struct kunit *test)
{
	const struct xattr_algo_case *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test,
			    sima_xattr_hash_algo(c->value, c->len,
						 SIMA_HASH_ALGO_SHA256),
			    c->want, "%s", c->name);
}

static void xattr_sig_case_desc(const struct xattr_sig_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xattr_sig, xattr_sig_cases, xattr_sig_case_desc);

static void xattr_test_sig_hdr(struct kunit *test)
{
	const struct xattr_sig_case *c = test->param_value;
	struct sima_sig_hdr hdr = { };
	int ret = sima_xattr_sig_hdr(c->value, c->len, &hdr);

	KUNIT_EXPECT_EQ_MSG(test, ret, c->want, "%s", c->name);
	if (ret)
		return;
	KUNIT_EXPECT_EQ(test, hdr.algo, c->algo);
	KUNIT_EXPECT_EQ(test, hdr.keyid, c->keyid);
	KUNIT_EXPECT_EQ(test, hdr.sig_len, c->sig_len);
	KUNIT_EXPECT_PTR_EQ(test, hdr.sig, c->value + SIMA_SIG_HDR_SIZE);
}

/* Ids are stored in xattrs: they must be the kernel's. */
static void xattr_test_algo_ids(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, SIMA_HASH_ALGO__LAST, HASH_ALGO__LAST);
	KUNIT_EXPECT_EQ(test, SIMA_HASH_ALGO_SHA512, HASH_ALGO_SHA512);
	KUNIT_EXPECT_EQ(test, SIMA_HASH_ALGO_STREEBOG_512,
			HASH_ALGO_STREEBOG_512);
}

static struct kunit_case xattr_test_cases[] = {
	KUNIT_CASE_PARAM(xattr_test_hash_algo, xattr_algo_gen_params),
	KUNIT_CASE_PARAM(xattr_test_sig_hdr, xattr_sig_gen_params),
	KUNIT_CASE(xattr_test_algo_ids),
	{}
};

static struct kunit_suite xattr_test_suite = {
	.name = "sima_xattr",
	.test_cases = xattr_test_cases,
};

kunit_test_suite(xattr_test_suite);
