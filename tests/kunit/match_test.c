// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for src/policy/policy_match.c
 *
 * Runs the cases tests/unit runs in user space, here with the kernel's
 * MAY_* values and string functions. The rules are parsed with
 * sima_rule_parse(), which tests/kunit/policy_test.c builds into this
 * same module.
 */

#include <kunit/test.h>

#include "../../src/policy/policy_match.c"
#include "../vectors/match_cases.h"

static void match_case_desc(const struct match_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(match, match_cases, match_case_desc);

static void match_check(struct kunit *test, bool all)
{
	const struct match_case *c = test->param_value;
	struct sima_rule *rules = kunit_kcalloc(test, MATCH_MAX_RULES,
						sizeof(*rules), GFP_KERNEL);
	const struct sima_rule *sel[MATCH_MAX_RULES];
	struct sima_match_result res;
	struct sima_match_ctx ctx;
	struct match_lsm lsm;
	const char *bad = NULL;
	int nr, calls = 0;
	unsigned int n;

	KUNIT_ASSERT_NOT_NULL(test, rules);
	nr = match_case_parse(c, rules, &bad);
	KUNIT_ASSERT_GE_MSG(test, nr, 0, "%s: rule does not parse: %s",
			    c->name, bad);
	lsm.calls = &calls;
	match_case_ctx(c, &ctx, &lsm);
	n = match_case_select(rules, nr, c->func, all, sel);
	memset(&res, 0x5a, sizeof(res));
	sima_rules_match(sel, n, &ctx, c->want, &res);
	KUNIT_EXPECT_EQ_MSG(test, res.action, c->action, "%s", c->name);
	KUNIT_EXPECT_EQ_MSG(test, res.appraise_sub, c->sub, "%s", c->name);
	KUNIT_EXPECT_EQ_MSG(test, res.pcr, c->pcr - 1, "%s", c->name);
	KUNIT_EXPECT_EQ_MSG(test, res.appraise_algos, c->algos, "%s", c->name);
	KUNIT_EXPECT_EQ_MSG(test, calls, c->lsm_calls, "%s", c->name);
	KUNIT_EXPECT_STREQ_MSG(test, res.template ?: "(default)",
			       c->template ?: "(default)", "%s", c->name);
	while (nr)
		sima_rule_free(&rules[--nr]);
}

static void match_test_all_rules(struct kunit *test)
{
	match_check(test, true);
}

static void match_test_indexed_rules(struct kunit *test)
{
	match_check(test, false);
}

static void match_test_can_match(struct kunit *test)
{
	const size_t nr = ARRAY_SIZE(match_index_rules);
	struct sima_rule *rules = kunit_kcalloc(test, nr, sizeof(*rules),
						GFP_KERNEL);
	size_t i, j;

	KUNIT_ASSERT_NOT_NULL(test, rules);
	for (i = 0; i < nr; i++)
		KUNIT_ASSERT_EQ_MSG(test,
				    sima_rule_parse(match_index_rules[i],
						    strlen(match_index_rules[i]),
						    &match_envs[0], &rules[i],
						    NULL),
				    0, "%s", match_index_rules[i]);
	for (i = 0; i < ARRAY_SIZE(match_index_cases); i++) {
		const struct match_index_case *c = &match_index_cases[i];

		for (j = 0; j < nr; j++)
			KUNIT_EXPECT_EQ_MSG(test,
					    sima_rule_can_match(&rules[j], c->func),
					    !!(c->kept & 1U << j),
					    "func %d: %s", c->func,
					    match_index_rules[j]);
	}
	for (i = 0; i < nr; i++)
		sima_rule_free(&rules[i]);
}

static struct kunit_case match_test_cases[] = {
	KUNIT_CASE_PARAM(match_test_all_rules, match_gen_params),
	KUNIT_CASE_PARAM(match_test_indexed_rules, match_gen_params),
	KUNIT_CASE(match_test_can_match),
	{}
};

static struct kunit_suite match_test_suite = {
	.name = "sima_match",
	.test_cases = match_test_cases,
};

kunit_test_suite(match_test_suite);
