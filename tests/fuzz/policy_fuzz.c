// SPDX-License-Identifier: GPL-2.0
/*
 * sima - libFuzzer target for the policy parser and printer
 *
 * Input: one control byte, then the rule line. The control byte picks the
 * environment of tests/vectors/policy_cases.h (low 3 bits) and, when its
 * top bit is set, after how many allocations the parser runs out of memory
 * (bits 3-6). An accepted rule is printed, the print parsed again and
 * printed again: the two prints must agree, except for the two places
 * where 6.1's read-back is itself not a valid rule (ids of 2^31 and more
 * are shown negative; appraise_type=sigv3 is shown before the
 * digest_type=verity it needs). A rejected rule must leave a reason and a
 * zeroed struct; ASan checks bounds and leaks, UBSan the arithmetic.
 *
 * The Makefile names policy_fuzz_one() LLVMFuzzerTestOneInput with -D, so
 * the CamelCase name stays out of the C checkpatch reads. Built with
 * -DFUZZ_SEEDS, the same file is a program that writes the shared
 * cases as a seed corpus and a keyword dictionary.
 */

#include "compat_user_extra.h"
#include "../../src/policy/policy_parse.c"
#include "../../src/policy/policy_print.c"
#include "../vectors/policy_cases.h"

#include <stdint.h>

int policy_fuzz_one(const uint8_t *data, size_t size);

static void fail(const char *what, const char *line, size_t len,
		 const char *print)
{
	fprintf(stderr, "policy_fuzz: %s\n  input: \"%.*s\"\n  print: \"%s\"\n",
		what, (int)len, line, print ? print : "");
	abort();
}

static char *print_rule(const struct sima_rule *rule)
{
	int len = sima_rule_print(rule, NULL, 0);
	char *buf = malloc(len + 1);

	if (!buf)
		abort();
	if (sima_rule_print(rule, buf, len + 1) != len ||
	    strlen(buf) != (size_t)len)
		fail("print length", "", 0, buf);
	return buf;
}

/* 6.1's read-back of this rule does not parse (see the top comment). */
static bool print_is_not_a_rule(const struct sima_rule *rule)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_ID_SLOTS; i++)
		if (rule->ids[i].id > 0x7fffffff)
			return true;
	return (rule->flags & SIMA_RULE_VERITY_REQUIRED) &&
	       (rule->flags & SIMA_RULE_DIGSIG_REQUIRED);
}

static bool has_inactive_label(const struct sima_rule *rule)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_LSM_KEYS; i++)
		if (rule->lsm[i].label && !rule->lsm[i].active)
			return true;
	return false;
}

static void check_rejected(int err, const char *why,
			   const struct sima_rule *rule, const char *line,
			   size_t len)
{
	static const struct sima_rule zero;

	if (err != -EINVAL && err != -ERANGE && err != -ENOMEM)
		fail("unexpected errno", line, len, NULL);
	if (!why || !*why)
		fail("no reason", line, len, NULL);
	if (memcmp(rule, &zero, sizeof(zero)))
		fail("rejected rule not zeroed", line, len, NULL);
}

/* The read-back is parsed by a reader in the initial user namespace. */
static void check_round_trip(const struct sima_policy_env *env,
			     const struct sima_rule *rule, const char *line,
			     size_t len)
{
	struct sima_policy_env reader = *env;
	char *print = print_rule(rule), *again;
	size_t n = strlen(print);
	struct sima_rule rule2;
	const char *why;

	reader.map_id = NULL;
	if (!n) {
		if (!has_inactive_label(rule))
			fail("rule not shown", line, len, print);
		goto out;
	}
	if (n < 3 || print[n - 2] != ' ' || print[n - 1] != '\n')
		fail("print does not end in \" \\n\"", line, len, print);
	/* A rule near the length limit can print longer than a rule may be. */
	if (n - 1 > SIMA_POLICY_LINE_MAX)
		goto out;
	if (sima_rule_parse(print, n, &reader, &rule2, &why)) {
		if (!print_is_not_a_rule(rule))
			fail(why, line, len, print);
		goto out;
	}
	again = print_rule(&rule2);
	if (strcmp(print, again))
		fail("second print differs", line, len, again);
	free(again);
	sima_rule_free(&rule2);
out:
	free(print);
}

int policy_fuzz_one(const uint8_t *data, size_t size)
{
	const struct sima_policy_env *env;
	const char *line = (const char *)data + 1, *why;
	long *budget = sima_user_alloc_budget();
	struct sima_rule rule;
	size_t len;
	int err;

	if (!size)
		return 0;
	env = &policy_envs[(data[0] & 7) % E_NR];
	len = size - 1;
	if (data[0] & 0x80)
		*budget = (data[0] >> 3) & 0xf;
	err = sima_rule_parse(line, len, env, &rule, &why);
	*budget = -1;
	if (err == 1)
		return 0;
	if (err) {
		check_rejected(err, why, &rule, line, len);
		return 0;
	}
	if (why)
		fail("reason on success", line, len, NULL);
	check_round_trip(env, &rule, line, len);
	sima_rule_free(&rule);
	return 0;
}

#ifdef FUZZ_SEEDS
#include "seeds.h"

static void write_seed(const char *dir, const char *kind, size_t i,
		       enum policy_env_id env, const char *line)
{
	u8 control = env;

	seed_write(dir, kind, i, &control, 1, line, strlen(line));
}

static void write_dict(const char *path)
{
	static const char *const words[] = {
		"^", "|", ",", "#", " ", "\\x09", "<", ">", "=", "0x", "+", "-",
		"verity", "imasig", "imasig|modsig", "sigv3", "check_blacklist",
		"blacklist", "PATH_CHECK", "FILE_MMAP", "unknown",
		"00000000-0000-0000-0000-000000000000", "4294967295",
		"18446744073709551616",
	};
	FILE *f = seed_dict_open(path);
	unsigned int i;

	for (i = 0; i < SIMA_NR_POLICY_KEYS; i++) {
		seed_word(f, sima_policy_key_name(i), "");
		seed_word(f, sima_policy_key_name(i), "=");
	}
	for (i = 0; i < SIMA_NR_FUNCS; i++)
		if (func_names[i])
			seed_word(f, func_names[i], "");
	for (i = 0; i < ARRAY_SIZE(mask_names); i++)
		seed_word(f, mask_names[i].name, "");
	for (i = 0; i < SIMA_HASH_ALGO__LAST; i++)
		seed_word(f, sima_hash_algo_name(i), "");
	for (i = 0; i < ARRAY_SIZE(policy_test_templates); i++)
		seed_word(f, policy_test_templates[i][0], "");
	for (i = 0; i < ARRAY_SIZE(words); i++)
		seed_word(f, words[i], "");
	fclose(f);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CORPUS-DIR DICT-FILE\n", argv[0]);
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(policy_ok_cases); i++)
		write_seed(argv[1], "ok", i, policy_ok_cases[i].env,
			   policy_ok_cases[i].line);
	for (i = 0; i < ARRAY_SIZE(policy_bad_cases); i++)
		write_seed(argv[1], "bad", i, policy_bad_cases[i].env,
			   policy_bad_cases[i].line);
	for (i = 0; i < ARRAY_SIZE(policy_rt_cases); i++)
		write_seed(argv[1], "rt", i, policy_rt_cases[i].env,
			   policy_rt_cases[i].line);
	write_dict(argv[2]);
	return 0;
}

#endif /* FUZZ_SEEDS */
