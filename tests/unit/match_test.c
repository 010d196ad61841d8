// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for src/policy/policy_match.c over the shared cases
 *
 * Every case runs twice: over all its rules, and over only the rules a
 * per-func index keeps (sima_rule_can_match()); both must give the
 * expected answer.
 */

#include "compat_user_extra.h"
#include "../../src/policy/policy_parse.c"
#include "../../src/policy/policy_match.c"
#include "../vectors/match_cases.h"
#define UNIT_SUITE "match"
#include "unit.h"

static void expect_str(const char *what, const char *got, const char *want)
{
	if (got == want || (got && want && !strcmp(got, want)))
		return;
	fprintf(stderr, "  %s: template \"%s\", want \"%s\"\n", what,
		got ? got : "(null)", want ? want : "(null)");
	unit_failures++;
}

static void check_case(const struct match_case *c, bool all)
{
	struct sima_rule rules[MATCH_MAX_RULES];
	const struct sima_rule *sel[MATCH_MAX_RULES];
	struct sima_match_result res;
	struct sima_match_ctx ctx;
	struct match_lsm lsm;
	const char *bad = NULL;
	int nr, calls = 0;
	unsigned int n;

	nr = match_case_parse(c, rules, &bad);
	if (nr < 0) {
		fprintf(stderr, "  %s: rule does not parse (%d): %s\n", c->name,
			nr, bad);
		unit_failures++;
		return;
	}
	lsm.calls = &calls;
	match_case_ctx(c, &ctx, &lsm);
	n = match_case_select(rules, nr, c->func, all, sel);
	memset(&res, 0x5a, sizeof(res));
	sima_rules_match(sel, n, &ctx, c->want, &res);
	UNIT_EXPECT_EQ(c->name, res.action, c->action);
	UNIT_EXPECT_EQ(c->name, res.appraise_sub, c->sub);
	UNIT_EXPECT_EQ(c->name, res.pcr, c->pcr - 1);
	UNIT_EXPECT_EQ(c->name, res.appraise_algos, c->algos);
	UNIT_EXPECT_EQ(c->name, calls, c->lsm_calls);
	expect_str(c->name, res.template, c->template);
	while (nr)
		sima_rule_free(&rules[--nr]);
}

static void test_all_rules(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(match_cases); i++)
		check_case(&match_cases[i], true);
}

static void test_indexed_rules(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(match_cases); i++)
		check_case(&match_cases[i], false);
}

/* What a per-func index keeps, func by func. */
static void test_can_match(void)
{
	struct sima_rule rules[ARRAY_SIZE(match_index_rules)];
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(match_index_rules); i++)
		UNIT_EXPECT_EQ(match_index_rules[i],
			       sima_rule_parse(match_index_rules[i],
					       strlen(match_index_rules[i]),
					       &match_envs[0], &rules[i], NULL),
			       0);
	for (i = 0; i < ARRAY_SIZE(match_index_cases); i++) {
		const struct match_index_case *c = &match_index_cases[i];

		for (j = 0; j < ARRAY_SIZE(match_index_rules); j++)
			UNIT_EXPECT_EQ(match_index_rules[j],
				       sima_rule_can_match(&rules[j], c->func),
				       !!(c->kept & 1U << j));
	}
	for (i = 0; i < ARRAY_SIZE(match_index_rules); i++)
		sima_rule_free(&rules[i]);
}

int main(void)
{
	UNIT_RUN(test_all_rules);
	UNIT_RUN(test_indexed_rules);
	UNIT_RUN(test_can_match);
	return unit_report();
}
