// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for src/appraise/blacklist_parse.c over the
 * shared cases
 *
 * Each line is copied into a heap buffer of its exact length (and its
 * NUL), so that ASan catches any read or write past it.
 */

#include "../../src/appraise/blacklist_parse.c"
#include "../vectors/blacklist_cases.h"
#define UNIT_SUITE "blacklist"
#include "unit.h"

static const char hex_digits[] = "0123456789abcdef";

/* The item as the case wants it. */
static void want_item(const struct blacklist_case *c,
		      struct sima_blacklist_item *want)
{
	unsigned int i;

	memset(want, 0, sizeof(*want));
	if (c->want)
		return;
	want->key = c->key;
	want->keyid = c->keyid;
	if (c->key)
		return;
	want->digest.algo = c->algo;
	want->digest.len = strlen(c->hex) / 2;
	for (i = 0; i < want->digest.len; i++)
		want->digest.data[i] =
			(strchr(hex_digits, c->hex[2 * i]) - hex_digits) << 4 |
			(strchr(hex_digits, c->hex[2 * i + 1]) - hex_digits);
}

static int parse_copy(const char *line, struct sima_blacklist_item *item,
		      const char **why)
{
	char *copy = strdup(line);
	int ret;

	ret = sima_blacklist_parse_line(copy, item, why);
	free(copy);
	return ret;
}

static void test_cases(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(blacklist_cases); i++) {
		const struct blacklist_case *c = &blacklist_cases[i];
		struct sima_blacklist_item item, want;
		const char *why = "unset";

		want_item(c, &want);
		UNIT_EXPECT_EQ(c->name, parse_copy(c->line, &item, &why),
			       c->want);
		UNIT_EXPECT_EQ(c->name, !memcmp(&item, &want, sizeof(item)), 1);
		UNIT_EXPECT_EQ(c->name, !why, c->want >= 0);
	}
}

/* A digest of the right length for every algorithm; one digit off fails. */
static void test_every_algo(void)
{
	char line[32 + 2 * SIMA_HASH_MAX_DIGEST_SIZE + 2];
	struct sima_blacklist_item item;
	unsigned int algo, i, n;
	const char *why;

	for (algo = 0; algo < SIMA_HASH_ALGO__LAST; algo++) {
		const char *name = sima_hash_algo_name(algo);
		unsigned int size = sima_hash_digest_size(algo);

		n = snprintf(line, sizeof(line), "%s:", name);
		for (i = 0; i < 2 * size; i++)
			line[n + i] = hex_digits[(i * 7 + algo) & 15];
		line[n + 2 * size] = '\0';
		UNIT_EXPECT_EQ(name, parse_copy(line, &item, &why), 0);
		UNIT_EXPECT_EQ(name, item.key, false);
		UNIT_EXPECT_EQ(name, item.digest.algo, algo);
		UNIT_EXPECT_EQ(name, item.digest.len, size);
		for (i = 0; i < size; i++)
			UNIT_EXPECT_EQ(name, item.digest.data[i],
				       (((2 * i * 7 + algo) & 15) << 4) |
				       ((((2 * i + 1) * 7) + algo) & 15));
		line[n + 2 * size - 1] = '\0';
		UNIT_EXPECT_EQ(name, parse_copy(line, &item, &why), -EINVAL);
		line[n + 2 * size - 1] = '0';
		line[n + 2 * size] = '0';
		line[n + 2 * size + 1] = '\0';
		UNIT_EXPECT_EQ(name, parse_copy(line, &item, &why), -EINVAL);
	}
}

/* The line is cut in place: the caller's buffer ends where the value does. */
static void test_in_place(void)
{
	char line[] = "  key:0a1b2c3d \t";
	struct sima_blacklist_item item;
	const char *why;

	UNIT_EXPECT_EQ("parsed", sima_blacklist_parse_line(line, &item, &why),
		       0);
	UNIT_EXPECT_EQ("tag cut at the colon", strcmp(line + 2, "key"), 0);
	UNIT_EXPECT_EQ("value cut at the blank", strcmp(line + 6, "0a1b2c3d"),
		       0);
}

int main(void)
{
	UNIT_RUN(test_cases);
	UNIT_RUN(test_every_algo);
	UNIT_RUN(test_in_place);
	return unit_report();
}
