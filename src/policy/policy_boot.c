// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the boot policy: IMA's builtin rule sets, chosen by ima_policy=
 *
 * The sets are Linux 6.1's (ima_policy.c), written as the policy lines the
 * kernel shows when they are read back, and assembled in the kernel's
 * order. They are chosen by the module parameter ima_policy, or else, on a
 * kernel without IMA of its own, by the kernel command line's ima_policy=
 * (and the deprecated ima_tcb and ima_appraise_tcb). Without either, the
 * boot policy is empty: nothing is measured, as in IMA.
 */

#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "sima/cmdline.h"
#include "sima/policy_active.h"
#include "policy/policy_load.h"

static char *ima_policy;
module_param(ima_policy, charp, 0444);
MODULE_PARM_DESC(ima_policy,
		 "Builtin boot policies, as the kernel's ima_policy=: tcb, appraise_tcb, secure_boot, critical_data, fail_securely, separated by '|' (default: ima_policy= of the kernel command line when the kernel has no IMA, else none)");

static const char *const dont_measure_rules[] = {
	"dont_measure fsmagic=0x9fa0",		/* proc */
	"dont_measure fsmagic=0x62656572",	/* sysfs */
	"dont_measure fsmagic=0x64626720",	/* debugfs */
	"dont_measure fsmagic=0x1021994",	/* tmpfs */
	"dont_measure fsmagic=0x1cd1",		/* devpts */
	"dont_measure fsmagic=0x42494e4d",	/* binfmt_misc */
	"dont_measure fsmagic=0x73636673",	/* securityfs */
	"dont_measure fsmagic=0xf97cff8c",	/* selinuxfs */
	"dont_measure fsmagic=0x43415d53",	/* smackfs */
	"dont_measure fsmagic=0x27e0eb",	/* cgroup */
	"dont_measure fsmagic=0x63677270",	/* cgroup2 */
	"dont_measure fsmagic=0x6e736673",	/* nsfs */
	"dont_measure fsmagic=0xde5e81e4",	/* efivarfs */
	NULL,
};

/* ima_tcb, deprecated */
static const char *const original_measurement_rules[] = {
	"measure func=MMAP_CHECK mask=MAY_EXEC",
	"measure func=BPRM_CHECK mask=MAY_EXEC",
	"measure func=FILE_CHECK mask=MAY_READ uid=0",
	"measure func=MODULE_CHECK",
	"measure func=FIRMWARE_CHECK",
	NULL,
};

/* ima_policy=tcb */
static const char *const default_measurement_rules[] = {
	"measure func=MMAP_CHECK mask=MAY_EXEC",
	"measure func=BPRM_CHECK mask=MAY_EXEC",
	"measure func=FILE_CHECK mask=^MAY_READ euid=0",
	"measure func=FILE_CHECK mask=^MAY_READ uid=0",
	"measure func=MODULE_CHECK",
	"measure func=FIRMWARE_CHECK",
	"measure func=POLICY_CHECK",
	NULL,
};

static const char *const secure_boot_rules[] = {
	"appraise func=MODULE_CHECK appraise_type=imasig",
	"appraise func=FIRMWARE_CHECK appraise_type=imasig",
	"appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig",
	"appraise func=POLICY_CHECK appraise_type=imasig",
	NULL,
};

static const char *const default_appraise_rules[] = {
	"dont_appraise fsmagic=0x9fa0",		/* proc */
	"dont_appraise fsmagic=0x62656572",	/* sysfs */
	"dont_appraise fsmagic=0x64626720",	/* debugfs */
	"dont_appraise fsmagic=0x1021994",	/* tmpfs */
	"dont_appraise fsmagic=0x858458f6",	/* ramfs */
	"dont_appraise fsmagic=0x1cd1",		/* devpts */
	"dont_appraise fsmagic=0x42494e4d",	/* binfmt_misc */
	"dont_appraise fsmagic=0x73636673",	/* securityfs */
	"dont_appraise fsmagic=0xf97cff8c",	/* selinuxfs */
	"dont_appraise fsmagic=0x43415d53",	/* smackfs */
	"dont_appraise fsmagic=0x6e736673",	/* nsfs */
	"dont_appraise fsmagic=0xde5e81e4",	/* efivarfs */
	"dont_appraise fsmagic=0x27e0eb",	/* cgroup */
	"dont_appraise fsmagic=0x63677270",	/* cgroup2 */
	NULL,
};

/* Only while the policy stays writable (IMA's CONFIG_IMA_WRITE_POLICY). */
static const char *const appraise_policy_rule[] = {
	"appraise func=POLICY_CHECK appraise_type=imasig",
	NULL,
};

static const char *const appraise_owner_rule[] = {
	"appraise fowner=0",
	NULL,
};

static const char *const critical_data_rules[] = {
	"measure func=CRITICAL_DATA",
	NULL,
};

enum tcb_choice {
	TCB_NONE,
	TCB_ORIGINAL,	/* ima_tcb */
	TCB_DEFAULT,	/* ima_policy=tcb */
};

/* What the parameters ask for. */
struct boot_choice {
	enum tcb_choice tcb;
	bool appraise_tcb;
	bool secure_boot;
	bool critical_data;
	bool fail_securely;
};

/* One ima_policy= value; the first of tcb and ima_tcb wins. */
static void choose(struct boot_choice *c, char *val)
{
	char *p;

	while ((p = strsep(&val, " |\n"))) {
		if (!*p)
			continue;
		if (!strcmp(p, "tcb") && c->tcb == TCB_NONE)
			c->tcb = TCB_DEFAULT;
		else if (!strcmp(p, "appraise_tcb"))
			c->appraise_tcb = true;
		else if (!strcmp(p, "secure_boot"))
			c->secure_boot = true;
		else if (!strcmp(p, "critical_data"))
			c->critical_data = true;
		else if (!strcmp(p, "fail_securely"))
			c->fail_securely = true;
		else if (strcmp(p, "tcb"))
			pr_err("policy \"%s\" not found\n", p);
	}
}

static void cmdline_opt(char *param, char *val, void *priv)
{
	struct boot_choice *c = priv;

	if (val && !strcmp(param, "ima_policy"))
		choose(c, val);
	else if (!val && !strcmp(param, "ima_tcb") && c->tcb == TCB_NONE)
		c->tcb = TCB_ORIGINAL;
	else if (!val && !strcmp(param, "ima_appraise_tcb"))
		c->appraise_tcb = true;
}

/* Adds the rules of a NULL-terminated set. */
static int add_rules(struct sima_rule_batch *batch, const char *const *set)
{
	static const struct sima_policy_env env = { };
	const char *why;
	int err;

	for (; *set; set++) {
		err = sima_rule_batch_add(batch, *set, strlen(*set), &env, &why);
		if (err) {
			pr_err("builtin rule \"%s\": %s\n", *set, why);
			return err;
		}
	}
	return 0;
}

/* The sets in the order ima_init_policy() adds them. */
static int add_sets(struct sima_rule_batch *batch, const struct boot_choice *c)
{
	int err = 0;

	if (c->tcb != TCB_NONE)
		err = add_rules(batch, dont_measure_rules);
	if (!err && c->tcb == TCB_ORIGINAL)
		err = add_rules(batch, original_measurement_rules);
	if (!err && c->tcb == TCB_DEFAULT)
		err = add_rules(batch, default_measurement_rules);
	if (!err && c->secure_boot)
		err = add_rules(batch, secure_boot_rules);
	if (!err && c->appraise_tcb) {
		err = add_rules(batch, default_appraise_rules);
		if (!err && sima_policy_fs_writable())
			err = add_rules(batch, appraise_policy_rule);
		if (!err)
			err = add_rules(batch, appraise_owner_rule);
	}
	if (!err && c->critical_data)
		err = add_rules(batch, critical_data_rules);
	return err;
}

/**
 * sima_policy_boot_rules - the rules of the boot policy
 * @batch: receives the rules, in order
 * @fail_securely: set when ima_policy=fail_securely was given
 *
 * Return: 0, or a negative errno (-ENOMEM).
 */
int sima_policy_boot_rules(struct sima_rule_batch *batch,
			   bool *fail_securely)
{
	struct boot_choice c = { };
	const char *from = "kernel command line";
	int err;

	if (ima_policy) {
		char *val = kstrdup(ima_policy, GFP_KERNEL);

		if (!val)
			return -ENOMEM;
		choose(&c, val);
		kfree(val);
		from = "ima_policy parameter";
	} else if (!IS_ENABLED(CONFIG_IMA)) {
		err = sima_cmdline_each(cmdline_opt, &c);
		if (err)
			return err;
	}
	err = add_sets(batch, &c);
	if (err)
		return err;
	*fail_securely = c.fail_securely;
	if (batch->nr || c.fail_securely)
		pr_info("boot policy from the %s: %u rules%s\n", from,
			batch->nr, c.fail_securely ? ", fail_securely" : "");
	return 0;
}
