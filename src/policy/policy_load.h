/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - loading a policy: rule batches, the builtin rules, the read-back
 *
 * Between the parts of the policy engine (src/policy/) only.
 */
#ifndef _SIMA_POLICY_LOAD_H
#define _SIMA_POLICY_LOAD_H

#include <linux/refcount.h>
#include <linux/types.h>

#include "sima/func.h"
#include "sima/policy_rule.h"

struct sima_policy;

/**
 * struct sima_policy_rule - a parsed rule, shared by the policies listing it
 * @ref: one per policy object (or batch) that lists the rule
 * @rule: the rule; never changed once parsed
 */
struct sima_policy_rule {
	refcount_t ref;
	struct sima_rule rule;
};

/**
 * struct sima_rule_batch - rules parsed for one policy load, in order
 * @rules: the rules; the batch holds one reference on each
 * @nr: how many
 * @size: room in @rules
 */
struct sima_rule_batch {
	struct sima_policy_rule **rules;
	unsigned int nr;
	unsigned int size;
};

int sima_rule_batch_add(struct sima_rule_batch *batch, const char *line,
			size_t len, const struct sima_policy_env *env,
			const char **why);
void sima_rule_batch_free(struct sima_rule_batch *batch);
int sima_policy_load(struct sima_rule_batch *batch);
bool sima_policy_is_custom(void);
const char *sima_policy_template(const char *name);
struct sima_policy *sima_policy_get(void);
void sima_policy_put(struct sima_policy *policy);
const struct sima_rule *sima_policy_rule(const struct sima_policy *policy,
					 loff_t pos);

/* policy_boot.c */
int sima_policy_boot_rules(struct sima_rule_batch *batch,
			   bool *fail_securely);
/* policy_fs.c */
bool sima_policy_fs_writable(void);

#endif /* _SIMA_POLICY_LOAD_H */
