// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for the policy parser and printer
 *
 * Runs the cases tests/unit runs in user space, here with the kernel's
 * allocator, string functions and MAY_* values, and checks the hash
 * algorithm table against the kernel's own.
 */

#include <crypto/hash.h>
#include <crypto/hash_info.h>
#include <kunit/test.h>
#include <linux/ctype.h>

#include "../../src/policy/policy_parse.c"
#include "../../src/policy/policy_print.c"
#include "../vectors/policy_cases.h"

#define POLICY_TEST_BUF	8192

/* "[env] line", without what would upset a KTAP reader. */
static void policy_desc(const char *line, enum policy_env_id env, char *desc)
{
	size_t n;

	n = scnprintf(desc, KUNIT_PARAM_DESC_SIZE, "[%s] %s",
		      policy_env_names[env], line);
	while (n--)
		if (!isprint(desc[n]) || desc[n] == '#')
			desc[n] = '_';
}

static void policy_ok_desc(const struct policy_ok_case *c, char *desc)
{
	policy_desc(c->line, c->env, desc);
}

static void policy_bad_desc(const struct policy_bad_case *c, char *desc)
{
	policy_desc(c->line, c->env, desc);
}

static void policy_rt_desc(const struct policy_rt_case *c, char *desc)
{
	policy_desc(c->line, c->env, desc);
}

static void policy_blank_desc(const char *const *line, char *desc)
{
	policy_desc(*line, E_BOOT, desc);
}

static void policy_field_desc(const struct policy_field_case *c, char *desc)
{
	policy_desc(c->line, E_BOOT, desc);
}

KUNIT_ARRAY_PARAM(policy_ok, policy_ok_cases, policy_ok_desc);
KUNIT_ARRAY_PARAM(policy_bad, policy_bad_cases, policy_bad_desc);
KUNIT_ARRAY_PARAM(policy_rt, policy_rt_cases, policy_rt_desc);
KUNIT_ARRAY_PARAM(policy_blank, policy_blank_cases, policy_blank_desc);
KUNIT_ARRAY_PARAM(policy_field, policy_field_cases, policy_field_desc);

static int policy_parse_str(const char *line, enum policy_env_id env,
			    struct sima_rule *rule, const char **why)
{
	return sima_rule_parse(line, strlen(line), &policy_envs[env], rule,
			       why);
}

/* The line a shown rule prints as: the items, a blank and a newline. */
static char *policy_read_back(struct kunit *test, const char *items)
{
	size_t n = strlen(items);
	char *line = kunit_kzalloc(test, n + 3, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, line);
	memcpy(line, items, n);
	if (n) {
		line[n++] = ' ';
		line[n++] = '\n';
	}
	return line;
}

static bool policy_is_zeroed(const struct sima_rule *rule)
{
	return !memchr_inv(rule, 0, sizeof(*rule));
}

static void policy_test_accepted(struct kunit *test)
{
	const struct policy_ok_case *c = test->param_value;
	char *buf = kunit_kzalloc(test, POLICY_TEST_BUF, GFP_KERNEL);
	char *want = policy_read_back(test, c->want);
	int len = strlen(want);
	struct sima_rule rule;
	const char *why;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ_MSG(test, policy_parse_str(c->line, c->env, &rule, &why),
			    0, "%s: %s", c->line, why);
	KUNIT_EXPECT_EQ_MSG(test, sima_rule_print(&rule, buf, POLICY_TEST_BUF),
			    len, "%s", c->line);
	KUNIT_EXPECT_STREQ_MSG(test, buf, want, "%s", c->line);
	KUNIT_EXPECT_EQ(test, sima_rule_print(&rule, NULL, 0), len);
	if (len > 1) {
		memset(buf, 'X', POLICY_TEST_BUF);
		KUNIT_EXPECT_EQ(test, sima_rule_print(&rule, buf, len), len);
		KUNIT_EXPECT_EQ(test, memcmp(buf, want, len - 1), 0);
		KUNIT_EXPECT_EQ(test, buf[len - 1], '\0');
		KUNIT_EXPECT_EQ(test, buf[len], 'X');
	}
	sima_rule_free(&rule);
	KUNIT_EXPECT_TRUE(test, policy_is_zeroed(&rule));
}

static void policy_test_rejected(struct kunit *test)
{
	const struct policy_bad_case *c = test->param_value;
	struct sima_rule rule;
	const char *why;

	memset(&rule, 0x5a, sizeof(rule));
	KUNIT_EXPECT_EQ_MSG(test, policy_parse_str(c->line, c->env, &rule, &why),
			    c->err, "%s", c->line);
	KUNIT_EXPECT_STREQ_MSG(test, why ?: "(null)", c->why, "%s", c->line);
	KUNIT_EXPECT_TRUE_MSG(test, policy_is_zeroed(&rule), "%s", c->line);
}

static void policy_test_blank(struct kunit *test)
{
	const char *const *line = test->param_value;
	struct sima_rule rule, saved;
	const char *why = "unset";

	memset(&rule, 0x5a, sizeof(rule));
	saved = rule;
	KUNIT_EXPECT_EQ(test, policy_parse_str(*line, E_BOOT, &rule, &why), 1);
	KUNIT_EXPECT_NULL(test, why);
	KUNIT_EXPECT_EQ(test, memcmp(&rule, &saved, sizeof(rule)), 0);
}

static void policy_round_trip(struct kunit *test, const char *line,
			      enum policy_env_id env)
{
	char *buf = kunit_kzalloc(test, POLICY_TEST_BUF, GFP_KERNEL);
	char *buf2 = kunit_kzalloc(test, POLICY_TEST_BUF, GFP_KERNEL);
	struct sima_rule rule;
	const char *why;
	int len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, buf2);
	KUNIT_ASSERT_EQ(test, policy_parse_str(line, env, &rule, &why), 0);
	len = sima_rule_print(&rule, buf, POLICY_TEST_BUF);
	sima_rule_free(&rule);
	KUNIT_ASSERT_EQ_MSG(test, policy_parse_str(buf, env, &rule, &why), 0,
			    "%s: %s", buf, why);
	KUNIT_EXPECT_EQ(test, sima_rule_print(&rule, buf2, POLICY_TEST_BUF),
			len);
	KUNIT_EXPECT_STREQ(test, buf2, buf);
	sima_rule_free(&rule);
}

static void policy_test_round_trip(struct kunit *test)
{
	const struct policy_rt_case *c = test->param_value;

	policy_round_trip(test, c->line, c->env);
}

/* Each accepted line round-trips, or is a known 6.1 read-back quirk. */
static void policy_test_ok_round_trip(struct kunit *test)
{
	const struct policy_ok_case *c = test->param_value;
	struct sima_rule rule;

	if (c->rt == NO_RT)
		KUNIT_EXPECT_EQ(test,
				policy_parse_str(policy_read_back(test, c->want),
						 c->env, &rule, NULL), -EINVAL);
	else if (*c->want)
		policy_round_trip(test, c->line, c->env);
}

static void policy_test_fields(struct kunit *test)
{
	const struct policy_field_case *c = test->param_value;
	struct sima_rule rule;

	KUNIT_ASSERT_EQ(test, policy_parse_str(c->line, E_BOOT, &rule, NULL),
			0);
	KUNIT_EXPECT_EQ(test, rule.action, c->action);
	KUNIT_EXPECT_EQ(test, rule.flags, c->flags);
	KUNIT_EXPECT_EQ(test, rule.func, c->func);
	KUNIT_EXPECT_EQ(test, rule.mask, c->mask);
	KUNIT_EXPECT_EQ(test, rule.fsmagic, c->fsmagic);
	KUNIT_EXPECT_EQ(test, rule.pcr, c->pcr);
	KUNIT_EXPECT_EQ(test, rule.appraise_algos, c->algos);
	KUNIT_EXPECT_EQ(test, rule.ids[SIMA_ID_UID].id, c->uid);
	KUNIT_EXPECT_EQ(test, rule.ids[SIMA_ID_UID].op, c->uid_op);
	sima_rule_free(&rule);
}

/* A rule of SIMA_POLICY_LINE_MAX bytes passes, one more byte does not. */
static void policy_test_length(struct kunit *test)
{
	const struct sima_policy_env *env = &policy_envs[E_BOOT];
	char *big = kunit_kzalloc(test, SIMA_POLICY_LINE_MAX + 1, GFP_KERNEL);
	struct sima_rule rule;
	const char *why;

	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'a', SIMA_POLICY_LINE_MAX + 1);
	memcpy(big, "measure obj_type=", 17);
	KUNIT_EXPECT_EQ(test, sima_rule_parse(big, SIMA_POLICY_LINE_MAX, env,
					      &rule, &why), 0);
	KUNIT_EXPECT_EQ(test, sima_rule_print(&rule, NULL, 0),
			SIMA_POLICY_LINE_MAX + 2);
	sima_rule_free(&rule);
	KUNIT_EXPECT_EQ(test, sima_rule_parse(big, SIMA_POLICY_LINE_MAX + 1,
					      env, &rule, &why), -EINVAL);
	KUNIT_EXPECT_STREQ(test, why, "rule too long");
	KUNIT_EXPECT_EQ(test, sima_rule_parse("measure func=FILE_CHECKX", 23,
					      env, &rule, &why), 0);
	KUNIT_EXPECT_EQ(test, rule.func, SIMA_FUNC_FILE_CHECK);
	sima_rule_free(&rule);
	/* A NUL byte ends the line like a newline. */
	KUNIT_EXPECT_EQ(test, sima_rule_parse("measure\0func=BOGUS", 18, env,
					      &rule, &why), 0);
	sima_rule_free(&rule);
	KUNIT_EXPECT_EQ(test, sima_rule_parse(" \t\0measure", 10, env, &rule,
					      &why), 1);
}

/* The table is the kernel's enum hash_algo and hash_algo_name[]. */
static void policy_test_hash_algos(struct kunit *test)
{
	static const int same_ids[] = {
#define SIMA_HASH_ALGO_DEF(id, name, size) \
		BUILD_BUG_ON_ZERO((int)SIMA_HASH_ALGO_##id != (int)HASH_ALGO_##id),
#include "sima/hash_algos.def"
#undef SIMA_HASH_ALGO_DEF
	};
	unsigned int i;

	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(same_ids), HASH_ALGO__LAST);
	BUILD_BUG_ON((int)SIMA_HASH_ALGO__LAST != (int)HASH_ALGO__LAST);
	BUILD_BUG_ON(SIMA_HASH_MAX_DIGEST_SIZE != HASH_MAX_DIGESTSIZE);

	for (i = 0; i < ARRAY_SIZE(policy_algo_cases); i++) {
		const struct policy_algo_case *c = &policy_algo_cases[i];

		KUNIT_EXPECT_STREQ(test, sima_hash_algo_name(c->id), c->name);
		KUNIT_EXPECT_EQ(test, sima_hash_digest_size(c->id), c->size);
		KUNIT_EXPECT_EQ(test, sima_hash_algo_lookup(c->name), c->id);
	}
#if IS_ENABLED(CONFIG_CRYPTO_HASH_INFO)
	for (i = 0; i < SIMA_HASH_ALGO__LAST; i++) {
		KUNIT_EXPECT_STREQ(test, sima_hash_algo_name(i),
				   hash_algo_name[i]);
		KUNIT_EXPECT_EQ(test, sima_hash_digest_size(i),
				hash_digest_size[i]);
	}
#endif
	KUNIT_EXPECT_NULL(test, sima_hash_algo_name(SIMA_HASH_ALGO__LAST));
	KUNIT_EXPECT_EQ(test, sima_hash_algo_lookup("blake2b-256"), -ENOENT);
}

static struct kunit_case policy_test_cases[] = {
	KUNIT_CASE_PARAM(policy_test_accepted, policy_ok_gen_params),
	KUNIT_CASE_PARAM(policy_test_rejected, policy_bad_gen_params),
	KUNIT_CASE_PARAM(policy_test_blank, policy_blank_gen_params),
	KUNIT_CASE_PARAM(policy_test_round_trip, policy_rt_gen_params),
	KUNIT_CASE_PARAM(policy_test_ok_round_trip, policy_ok_gen_params),
	KUNIT_CASE_PARAM(policy_test_fields, policy_field_gen_params),
	KUNIT_CASE(policy_test_length),
	KUNIT_CASE(policy_test_hash_algos),
	{}
};

static struct kunit_suite policy_test_suite = {
	.name = "sima_policy",
	.test_cases = policy_test_cases,
};

kunit_test_suite(policy_test_suite);
