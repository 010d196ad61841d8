// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for src/integrity/xattr.c over the shared cases
 *
 * Each value is copied into a heap buffer of its exact length, so that
 * ASan catches any read past it.
 */

#include "../../src/integrity/xattr.c"
#include "../vectors/xattr_cases.h"
#define UNIT_SUITE "xattr"
#include "unit.h"

static void test_hash_algo(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(xattr_algo_cases); i++) {
		const struct xattr_algo_case *c = &xattr_algo_cases[i];
		u8 *v = malloc(c->len ? c->len : 1);

		memcpy(v, c->value, c->len);
		UNIT_EXPECT_EQ(c->name,
			       sima_xattr_hash_algo(v, c->len,
						    SIMA_HASH_ALGO_SHA256),
			       c->want);
		free(v);
	}
	UNIT_EXPECT_EQ("NULL value",
		       sima_xattr_hash_algo(NULL, 5, SIMA_HASH_ALGO_SHA1),
		       SIMA_HASH_ALGO_SHA1);
}

static void test_sig_hdr(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(xattr_sig_cases); i++) {
		const struct xattr_sig_case *c = &xattr_sig_cases[i];
		struct sima_sig_hdr hdr = { .keyid = 0x5a5a5a5a };
		u8 *v = malloc(c->len ? c->len : 1);
		int ret;

		memcpy(v, c->value, c->len);
		ret = sima_xattr_sig_hdr(v, c->len, &hdr);
		UNIT_EXPECT_EQ(c->name, ret, c->want);
		if (ret) {
			UNIT_EXPECT_EQ(c->name, hdr.keyid, 0x5a5a5a5a);
		} else {
			UNIT_EXPECT_EQ(c->name, hdr.version, c->value[1]);
			UNIT_EXPECT_EQ(c->name, hdr.algo, c->algo);
			UNIT_EXPECT_EQ(c->name, hdr.keyid, c->keyid);
			UNIT_EXPECT_EQ(c->name, hdr.sig - v, SIMA_SIG_HDR_SIZE);
			UNIT_EXPECT_EQ(c->name, hdr.sig_len, c->sig_len);
		}
		free(v);
	}
}

int main(void)
{
	UNIT_RUN(test_hash_algo);
	UNIT_RUN(test_sig_hdr);
	return unit_report();
}
