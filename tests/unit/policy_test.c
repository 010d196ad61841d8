// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for the policy parser and printer
 *
 * Runs the shared cases, then what only user space can do cheaply: inputs
 * without a terminating NUL in exact-size heap buffers (ASan sees any
 * over-read) and every allocation failing in turn (ASan sees any leak).
 */

#include "compat_user_extra.h"
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif
#include "../../src/policy/policy_parse.c"
#include "../../src/policy/policy_print.c"
#include "../vectors/policy_cases.h"
#define UNIT_SUITE "policy"
#include "unit.h"

#define BUF_SIZE 8192

static char buf[BUF_SIZE], buf2[BUF_SIZE], want[BUF_SIZE];

static void expect_str(const char *what, const char *got, const char *want)
{
	if (got == want || (got && want && !strcmp(got, want)))
		return;
	fprintf(stderr, "  %s: got \"%s\", want \"%s\"\n", what,
		got ? got : "(null)", want ? want : "(null)");
	unit_failures++;
}

static int parse_str(const char *line, enum policy_env_id env,
		     struct sima_rule *rule, const char **why)
{
	return sima_rule_parse(line, strlen(line), &policy_envs[env], rule,
			       why);
}

/* The line a shown rule prints as: the items, a blank and a newline. */
static const char *read_back(const char *items)
{
	size_t n = strlen(items);

	memcpy(want, items, n);
	if (n) {
		want[n++] = ' ';
		want[n++] = '\n';
	}
	want[n] = '\0';
	return want;
}

static bool is_zeroed(const struct sima_rule *rule)
{
	static const struct sima_rule zero;

	return !memcmp(rule, &zero, sizeof(zero));
}

/* Printing into short buffers truncates like snprintf(). */
static void check_truncation(const char *line, const struct sima_rule *rule,
			     const char *want)
{
	size_t len = strlen(want), sizes[] = { 1, 2, len / 2, len, len + 1 };
	char small[BUF_SIZE];
	size_t i, n;

	UNIT_EXPECT_EQ(line, sima_rule_print(rule, NULL, 0), len);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		if (!sizes[i])
			continue;
		memset(small, 'X', sizeof(small));
		UNIT_EXPECT_EQ(line, sima_rule_print(rule, small, sizes[i]),
			       len);
		n = sizes[i] - 1 < len ? sizes[i] - 1 : len;
		UNIT_EXPECT_EQ(line, memcmp(small, want, n), 0);
		UNIT_EXPECT_EQ(line, small[n], '\0');
		UNIT_EXPECT_EQ(line, small[n + 1], 'X');
	}
}

static void test_accepted(void)
{
	struct sima_rule rule;
	const char *why, *line;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(policy_ok_cases); i++) {
		const struct policy_ok_case *c = &policy_ok_cases[i];

		line = read_back(c->want);
		UNIT_EXPECT_EQ(c->line, parse_str(c->line, c->env, &rule, &why),
			       0);
		expect_str(c->line, why, NULL);
		UNIT_EXPECT_EQ(c->line, sima_rule_print(&rule, buf, BUF_SIZE),
			       strlen(line));
		expect_str(c->line, buf, line);
		check_truncation(c->line, &rule, line);
		sima_rule_free(&rule);
		UNIT_EXPECT_EQ(c->line, is_zeroed(&rule), true);
	}
}

static void test_rejected(void)
{
	struct sima_rule rule;
	const char *why;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(policy_bad_cases); i++) {
		const struct policy_bad_case *c = &policy_bad_cases[i];

		memset(&rule, 0x5a, sizeof(rule));
		UNIT_EXPECT_EQ(c->line, parse_str(c->line, c->env, &rule, &why),
			       c->err);
		expect_str(c->line, why, c->why);
		UNIT_EXPECT_EQ(c->line, is_zeroed(&rule), true);
		/* A NULL why is allowed. */
		UNIT_EXPECT_EQ(c->line, parse_str(c->line, c->env, &rule, NULL),
			       c->err);
	}
}

static void test_blank(void)
{
	struct sima_rule rule, saved;
	const char *why = "unset";
	size_t i;

	memset(&rule, 0x5a, sizeof(rule));
	saved = rule;
	for (i = 0; i < ARRAY_SIZE(policy_blank_cases); i++) {
		const char *line = policy_blank_cases[i];

		UNIT_EXPECT_EQ(line, parse_str(line, E_BOOT, &rule, &why), 1);
		expect_str(line, why, NULL);
		UNIT_EXPECT_EQ(line, memcmp(&rule, &saved, sizeof(rule)), 0);
	}
}

/* Parses @line, prints it, parses and prints the print: both agree. */
static void check_round_trip(const char *line, enum policy_env_id env)
{
	struct sima_rule rule;
	const char *why;
	int len;

	UNIT_EXPECT_EQ(line, parse_str(line, env, &rule, &why), 0);
	len = sima_rule_print(&rule, buf, BUF_SIZE);
	sima_rule_free(&rule);
	UNIT_EXPECT_EQ(line, parse_str(buf, env, &rule, &why), 0);
	expect_str(line, why, NULL);
	UNIT_EXPECT_EQ(line, sima_rule_print(&rule, buf2, BUF_SIZE), len);
	expect_str(line, buf2, buf);
	sima_rule_free(&rule);
}

static void test_round_trip(void)
{
	struct sima_rule rule;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(policy_rt_cases); i++)
		check_round_trip(policy_rt_cases[i].line,
				 policy_rt_cases[i].env);
	for (i = 0; i < ARRAY_SIZE(policy_ok_cases); i++) {
		const struct policy_ok_case *c = &policy_ok_cases[i];

		if (c->rt == RT && *c->want)
			check_round_trip(c->line, c->env);
		else if (c->rt == NO_RT)
			UNIT_EXPECT_EQ(c->want,
				       parse_str(read_back(c->want), c->env, &rule,
						 NULL), -EINVAL);
	}
}

static void test_fields(void)
{
	struct sima_rule rule;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(policy_field_cases); i++) {
		const struct policy_field_case *c = &policy_field_cases[i];

		UNIT_EXPECT_EQ(c->line, parse_str(c->line, E_BOOT, &rule, NULL),
			       0);
		UNIT_EXPECT_EQ(c->line, rule.action, c->action);
		UNIT_EXPECT_EQ(c->line, rule.flags, c->flags);
		UNIT_EXPECT_EQ(c->line, rule.func, c->func);
		UNIT_EXPECT_EQ(c->line, rule.mask, c->mask);
		UNIT_EXPECT_EQ(c->line, rule.fsmagic, c->fsmagic);
		UNIT_EXPECT_EQ(c->line, rule.pcr, c->pcr);
		UNIT_EXPECT_EQ(c->line, rule.appraise_algos, c->algos);
		UNIT_EXPECT_EQ(c->line, rule.ids[SIMA_ID_UID].id, c->uid);
		UNIT_EXPECT_EQ(c->line, rule.ids[SIMA_ID_UID].op, c->uid_op);
		sima_rule_free(&rule);
	}
}

/* Inputs are bounded by their length, not by a NUL. */
static void test_length(void)
{
	static const char rule_text[] = "measure func=FILE_CHECK";
	const struct sima_policy_env *env = &policy_envs[E_BOOT];
	size_t n = sizeof(rule_text) - 1;
	struct sima_rule rule;
	const char *why;
	char *exact, *big;

	exact = malloc(n);
	memcpy(exact, rule_text, n);
	UNIT_EXPECT_EQ("exact", sima_rule_parse(exact, n, env, &rule, &why), 0);
	sima_rule_print(&rule, buf, BUF_SIZE);
	expect_str("exact", buf, read_back(rule_text));
	sima_rule_free(&rule);
	UNIT_EXPECT_EQ("prefix", sima_rule_parse(exact, 7, env, &rule, &why),
		       0);
	sima_rule_print(&rule, buf, BUF_SIZE);
	expect_str("prefix", buf, read_back("measure"));
	sima_rule_free(&rule);
	UNIT_EXPECT_EQ("cut value",
		       sima_rule_parse(exact, n - 1, env, &rule, &why), -EINVAL);
	UNIT_EXPECT_EQ("empty", sima_rule_parse(exact, 0, env, &rule, &why), 1);
	free(exact);

	UNIT_EXPECT_EQ("nul",
		       sima_rule_parse("measure\0func=BOGUS", 18, env, &rule,
				       &why), 0);
	sima_rule_free(&rule);
	UNIT_EXPECT_EQ("nul first", sima_rule_parse("\0measure", 8, env, &rule,
						    &why), 1);
	UNIT_EXPECT_EQ("nul after blanks",
		       sima_rule_parse(" \t\0measure", 10, env, &rule, &why), 1);

	big = malloc(SIMA_POLICY_LINE_MAX + 1);
	memset(big, 'a', SIMA_POLICY_LINE_MAX + 1);
	memcpy(big, "measure obj_type=", 17);
	UNIT_EXPECT_EQ("longest", sima_rule_parse(big, SIMA_POLICY_LINE_MAX,
						  env, &rule, &why), 0);
	UNIT_EXPECT_EQ("longest", sima_rule_print(&rule, NULL, 0),
		       SIMA_POLICY_LINE_MAX + 2);
	sima_rule_free(&rule);
	UNIT_EXPECT_EQ("too long", sima_rule_parse(big, SIMA_POLICY_LINE_MAX + 1,
						   env, &rule, &why), -EINVAL);
	expect_str("too long", why, "rule too long");
	big[0] = '#';
	UNIT_EXPECT_EQ("long comment",
		       sima_rule_parse(big, SIMA_POLICY_LINE_MAX + 1, env, &rule,
				       &why), 1);
	free(big);
}

/* Every allocation fails in turn: -ENOMEM, nothing leaks (ASan). */
static void test_enomem(void)
{
	long *budget = sima_user_alloc_budget();
	struct sima_rule rule;
	const char *why;
	long n, failures = 0;
	size_t i;
	int err;

	for (i = 0; i < ARRAY_SIZE(policy_ok_cases); i++) {
		const struct policy_ok_case *c = &policy_ok_cases[i];

		for (n = 0; ; n++) {
			*budget = n;
			err = parse_str(c->line, c->env, &rule, &why);
			*budget = -1;
			if (err != -ENOMEM)
				break;
			failures++;
			expect_str(c->line, why, "out of memory");
			UNIT_EXPECT_EQ(c->line, is_zeroed(&rule), true);
		}
		UNIT_EXPECT_EQ(c->line, err, 0);
		sima_rule_free(&rule);
	}
	/* Each case failed at least its first allocation. */
	UNIT_EXPECT_EQ("failures",
		       failures >= (long)ARRAY_SIZE(policy_ok_cases), true);
}

static void test_hash_algos(void)
{
	size_t i;

	UNIT_EXPECT_EQ("count", SIMA_HASH_ALGO__LAST,
		       ARRAY_SIZE(policy_algo_cases));
	for (i = 0; i < ARRAY_SIZE(policy_algo_cases); i++) {
		const struct policy_algo_case *c = &policy_algo_cases[i];

		expect_str(c->name, sima_hash_algo_name(c->id), c->name);
		UNIT_EXPECT_EQ(c->name, sima_hash_digest_size(c->id), c->size);
		UNIT_EXPECT_EQ(c->name, sima_hash_algo_lookup(c->name), c->id);
	}
	expect_str("past end", sima_hash_algo_name(SIMA_HASH_ALGO__LAST), NULL);
	UNIT_EXPECT_EQ("past end", sima_hash_digest_size(SIMA_HASH_ALGO__LAST),
		       0);
	UNIT_EXPECT_EQ("blake2b-256", sima_hash_algo_lookup("blake2b-256"), -ENOENT);
	UNIT_EXPECT_EQ("empty", sima_hash_algo_lookup(""), -ENOENT);
}

static void test_names(void)
{
	unsigned int key;

	for (key = 0; key < SIMA_NR_POLICY_KEYS; key++)
		UNIT_EXPECT_EQ("key name", !!sima_policy_key_name(key), true);
	expect_str("no key", sima_policy_key_name(SIMA_NR_POLICY_KEYS), NULL);
	expect_str("fsmagic", sima_policy_key_name(SIMA_KEY_FSMAGIC),
		   "fsmagic");
	expect_str("MAY_APPEND", sima_policy_mask_name(MAY_APPEND),
		   "MAY_APPEND");
	expect_str("MAY_OPEN", sima_policy_mask_name(MAY_OPEN), NULL);
}

/*
 * Leaks show up as a FAIL line, not only in the exit status (make check
 * judges the lines).
 */
static void test_no_leaks(void)
{
#if defined(__SANITIZE_ADDRESS__)
	UNIT_EXPECT_EQ("leak check", __lsan_do_recoverable_leak_check(), 0);
#endif
}

/* The policy-rule audit record's words, as the callback sees them. */
static char audit_text[BUF_SIZE];

static void collect_word(const struct sima_policy_env *env, const char *key,
			 char op, const char *val)
{
	size_t n = strlen(audit_text);

	(void)env;
	snprintf(audit_text + n, sizeof(audit_text) - n, "%s%c%s ", key, op,
		 val);
}

/* Each word as upstream's 1807 record shows it, up to the refused one. */
static void test_audit_words(void)
{
	static const struct {
		const char *line;
		int err;
		const char *want;
	} cases[] = {
		{ "measure func=FILE_CHECK mask=^MAY_READ uid>5", 0,
		  "action=measure func=FILE_CHECK mask=^MAY_READ uid>5 " },
		{ "measure fowner<7 permit_directio template=ima-sig", 0,
		  "action=measure fowner<7 template=ima-sig " },
		{ " \tdont_appraise  fsmagic=0x9fa0\teuid=0 egid<9", 0,
		  "action=dont_appraise fsmagic=0x9fa0 euid=0 egid<9 " },
		{ "dont_measure fsuuid=01234567-89ab-cdef-0123-456789abcdef", 0,
		  "action=dont_measure fsuuid=01234567-89ab-cdef-0123-456789abcdef " },
		{ "appraise appraise_type=imasig appraise_algos=sha256,sha512", 0,
		  "action=appraise appraise_type=imasig appraise_algos=sha256,sha512 " },
		{ "measure func=KEY_CHECK keyrings=.ima|_ima pcr=11", 0,
		  "action=measure func=KEY_CHECK keyrings=.ima|_ima pcr=11 " },
		{ "audit hash dont_hash", -EINVAL, "action=audit action=hash " },
		{ "measure bogus=1 func=FILE_CHECK", -EINVAL,
		  "action=measure UNKNOWN=bogus=1 " },
		{ "measure func= mask=MAY_EXEC", -EINVAL,
		  "action=measure UNKNOWN=func= " },
		{ "measure=1", -EINVAL, "UNKNOWN=measure=1 " },
		{ "template=ima-ng measure", -EINVAL, "template=ima-ng " },
		{ "permit_directio", -EINVAL, "" },
		{ "measure func=KEY_CHECK label=x", -EINVAL,
		  "action=measure func=KEY_CHECK label=x " },
	};
	struct sima_policy_env env = policy_envs[E_BOOT];
	struct sima_rule rule;
	size_t i;

	env.audit_word = collect_word;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		audit_text[0] = '\0';
		UNIT_EXPECT_EQ(cases[i].line,
			       sima_rule_parse(cases[i].line,
					       strlen(cases[i].line), &env,
					       &rule, NULL),
			       cases[i].err);
		expect_str(cases[i].line, audit_text, cases[i].want);
		sima_rule_free(&rule);
	}
	audit_text[0] = '\0';
	UNIT_EXPECT_EQ("comment", sima_rule_parse("# measure", 9, &env, &rule,
						  NULL), 1);
	expect_str("comment", audit_text, "");
}

int main(void)
{
	/* Keep the lines if a sanitizer ends the process early. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	UNIT_RUN(test_accepted);
	UNIT_RUN(test_rejected);
	UNIT_RUN(test_blank);
	UNIT_RUN(test_round_trip);
	UNIT_RUN(test_fields);
	UNIT_RUN(test_length);
	UNIT_RUN(test_enomem);
	UNIT_RUN(test_hash_algos);
	UNIT_RUN(test_names);
	UNIT_RUN(test_audit_words);
	UNIT_RUN(test_no_leaks);
	printf("policy: %zu accepted, %zu rejected, %zu blank, %zu round-trip cases\n",
	       ARRAY_SIZE(policy_ok_cases), ARRAY_SIZE(policy_bad_cases),
	       ARRAY_SIZE(policy_blank_cases), ARRAY_SIZE(policy_rt_cases));
	return unit_report();
}
