// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for src/appraise/modsig_layout.c over the
 * shared cases
 *
 * Each buffer is copied into a heap block of its exact length, so that
 * ASan catches any read outside it.
 */

#include "../../src/appraise/modsig_layout.c"
#include "../vectors/modsig_cases.h"
#define UNIT_SUITE "modsig"
#include "unit.h"

static void test_layout(void)
{
	static u8 tmp[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modsig_cases); i++) {
		const struct modsig_case *c = &modsig_cases[i];
		struct sima_modsig_layout l = { 0 };
		size_t len = modsig_case_buf(c, tmp);
		u8 *buf = malloc(len);
		int ret;

		memcpy(buf, tmp, len);
		ret = sima_modsig_layout(buf, len, &l);
		UNIT_EXPECT_EQ(c->name, ret, c->want);
		if (!ret) {
			UNIT_EXPECT_EQ(c->name, l.data_len, c->data);
			UNIT_EXPECT_EQ(c->name, l.pkcs7 - buf, c->data);
			UNIT_EXPECT_EQ(c->name, l.pkcs7_len, c->sig);
		}
		free(buf);
	}
}

/*
 * A signed buffer with its first bytes cut away: found while one byte of
 * data is left, refused after, never a read outside it.
 */
static void test_cut(void)
{
	const struct modsig_case *c = &modsig_cases[0];
	static u8 tmp[256];
	size_t len = modsig_case_buf(c, tmp), cut;

	for (cut = 0; cut < len; cut++) {
		struct sima_modsig_layout l = { 0 };
		u8 *buf = malloc(len - cut);
		int ret;

		memcpy(buf, tmp + cut, len - cut);
		ret = sima_modsig_layout(buf, len - cut, &l);
		if (cut < c->data) {
			UNIT_EXPECT_EQ("data left", ret, 0);
			UNIT_EXPECT_EQ("data left", l.data_len, c->data - cut);
		} else {
			UNIT_EXPECT_EQ("no data left", ret != 0, 1);
		}
		free(buf);
	}
}

int main(void)
{
	UNIT_RUN(test_layout);
	UNIT_RUN(test_cut);
	return unit_report();
}
