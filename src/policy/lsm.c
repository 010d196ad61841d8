// SPDX-License-Identifier: GPL-2.0
/*
 * sima - obj_* and subj_* policy conditions, judged by the active LSM
 *
 * Like upstream IMA, sima hands each label to the LSM's audit-rule
 * interface (security_audit_rule_init/match, which SELinux, AppArmor and
 * Smack implement) and re-compiles every label when the LSM's policy
 * changes. A label is compiled once, however many rules name it; matching
 * looks it up by (field, label) under RCU.
 */

#include <linux/audit.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/rculist.h>
#include <linux/security.h>
#include <linux/slab.h>

#include "sima/event.h"
#include "sima/gate.h"
#include "policy/lsm.h"

/* Audit_equal of the uapi operator enum (include/uapi/linux/audit.h). */
#define OP_EQUAL	0

struct lsm_label {
	struct list_head node;
	u32 field;
	void __rcu *rule;	/* the LSM's compiled rule, or NULL */
	char label[];
};

/* Protects adding to @labels and replacing a label's rule; sleeps. */
static DEFINE_MUTEX(labels_mutex);
/* Entries are only added, and freed at unload; read under RCU. */
static LIST_HEAD(labels);

/* The kernel has the LSM audit-rule interface; set at init. */
static bool have_rules __ro_after_init;

/* Audit field per enum sima_lsm_key, as IMA passes them. */
static const u32 fields[SIMA_NR_LSM_KEYS] = {
	[SIMA_LSM_OBJ_USER] = AUDIT_OBJ_USER,
	[SIMA_LSM_OBJ_ROLE] = AUDIT_OBJ_ROLE,
	[SIMA_LSM_OBJ_TYPE] = AUDIT_OBJ_TYPE,
	[SIMA_LSM_SUBJ_USER] = AUDIT_SUBJ_USER,
	[SIMA_LSM_SUBJ_ROLE] = AUDIT_SUBJ_ROLE,
	[SIMA_LSM_SUBJ_TYPE] = AUDIT_SUBJ_TYPE,
};

static struct lsm_label *find(u32 field, const char *label)
{
	struct lsm_label *l;

	list_for_each_entry_rcu(l, &labels, node,
				lockdep_is_held(&labels_mutex))
		if (l->field == field && !strcmp(l->label, label))
			return l;
	return NULL;
}

static void *compile(struct lsm_label *l)
{
	void *rule = NULL;

	if (sima_gate_security_audit_rule_init(l->field, OP_EQUAL, l->label,
					       &rule, GFP_KERNEL))
		return NULL;
	return rule;
}

/**
 * sima_lsm_check - does the active LSM accept a label (policy env)
 * @env: the policy environment (unused)
 * @key: which condition
 * @label: the label as written
 *
 * Return: 0 when accepted (and compiled for matching), else -EINVAL.
 */
int sima_lsm_check(const struct sima_policy_env *env, enum sima_lsm_key key,
		   const char *label)
{
	size_t len = strlen(label) + 1;
	struct lsm_label *l;
	void *rule;
	int err = 0;

	if (!have_rules || key >= SIMA_NR_LSM_KEYS)
		return -EINVAL;
	mutex_lock(&labels_mutex);
	l = find(fields[key], label);
	if (l) {
		if (!rcu_access_pointer(l->rule))
			err = -EINVAL;
		goto out;
	}
	l = kzalloc(struct_size(l, label, len), GFP_KERNEL);
	if (!l) {
		err = -ENOMEM;
		goto out;
	}
	l->field = fields[key];
	memcpy(l->label, label, len);
	rule = compile(l);
	if (!rule) {
		kfree(l);
		err = -EINVAL;
		goto out;
	}
	RCU_INIT_POINTER(l->rule, rule);
	list_add_tail_rcu(&l->node, &labels);
out:
	mutex_unlock(&labels_mutex);
	return err;
}

/**
 * sima_lsm_match - does the event's subject or object carry a label
 * @ctx: the match context; its lsm_priv is the struct sima_event
 * @key: which condition
 * @label: the label, accepted by sima_lsm_check() before
 *
 * Does not sleep. As upstream, an LSM error counts as a match.
 *
 * Return: 1 on a match, 0 otherwise.
 */
int sima_lsm_match(const struct sima_match_ctx *ctx, enum sima_lsm_key key,
		   const char *label)
{
	const struct sima_event *ev = ctx->lsm_priv;
	struct lsm_label *l;
	u32 secid = 0;
	void *rule;
	int rc = 0;

	if (!have_rules || !ev || key >= SIMA_NR_LSM_KEYS)
		return 0;
	if (key <= SIMA_LSM_OBJ_TYPE) {
		if (!ev->inode)
			return 0;
		sima_gate_security_inode_getsecid(ev->inode, &secid);
	} else {
		if (!ev->cred)
			return 0;
		security_cred_getsecid(ev->cred, &secid);
	}
	rcu_read_lock();
	l = find(fields[key], label);
	rule = l ? rcu_dereference(l->rule) : NULL;
	if (rule)
		rc = sima_gate_security_audit_rule_match(secid, fields[key],
							 OP_EQUAL, rule);
	rcu_read_unlock();
	return rc ? 1 : 0;
}

/* The LSM loaded a new policy: compiled rules may be stale. */
static int policy_changed(struct notifier_block *nb, unsigned long event,
			  void *data)
{
	struct lsm_label *l;
	void *old;

	if (event != LSM_POLICY_CHANGE)
		return NOTIFY_DONE;
	mutex_lock(&labels_mutex);
	list_for_each_entry(l, &labels, node) {
		old = rcu_replace_pointer(l->rule, compile(l),
					  lockdep_is_held(&labels_mutex));
		synchronize_rcu();
		if (old)
			sima_gate_security_audit_rule_free(old);
	}
	mutex_unlock(&labels_mutex);
	return NOTIFY_OK;
}

static struct notifier_block policy_nb = {
	.notifier_call = policy_changed,
};

/**
 * sima_lsm_init - find the LSM audit-rule interface
 *
 * Without it (a kernel without audit) obj_ and subj_ labels are never
 * accepted.
 *
 * Return: 0, or the notifier registration error.
 */
int sima_lsm_init(void)
{
	have_rules = sima_gate_present(security_audit_rule_init) &&
		     sima_gate_present(security_audit_rule_match) &&
		     sima_gate_present(security_audit_rule_free) &&
		     sima_gate_present(security_inode_getsecid);
	if (!have_rules) {
		pr_info("no LSM audit rules: obj_ and subj_ conditions are not available\n");
		return 0;
	}
	return register_blocking_lsm_notifier(&policy_nb);
}

/**
 * sima_lsm_exit - free every compiled label; no hook can run any more
 */
void sima_lsm_exit(void)
{
	struct lsm_label *l, *tmp;
	void *rule;

	if (!have_rules)
		return;
	unregister_blocking_lsm_notifier(&policy_nb);
	list_for_each_entry_safe(l, tmp, &labels, node) {
		list_del(&l->node);
		rule = rcu_dereference_protected(l->rule, true);
		sima_gate_security_audit_rule_free(rule);
		kfree(l);
	}
}
