// SPDX-License-Identifier: GPL-2.0
/*
 * sima - stacked IMA: module load and unload
 *
 * Subsystems start in the order of parts[] and stop in reverse, on unload
 * and when a later part fails to start. The hooks go last on load and
 * first on unload (after the securityfs files), so that no event ever
 * reaches a part of sima that is not there; lock mode engages after them,
 * with nothing left that can fail.
 */

#include <linux/delay.h>
#include <linux/module.h>

#include "sima/appraise.h"
#include "sima/audit.h"
#include "sima/blacklist.h"
#include "sima/fs.h"
#include "sima/gate.h"
#include "sima/hook.h"
#include "sima/key_queue.h"
#include "sima/keys.h"
#include "sima/lock.h"
#include "sima/lsm.h"
#include "sima/measure.h"
#include "sima/modsig.h"
#include "sima/policy_active.h"
#include "sima/verity.h"

/* Unloading, lock mode and the wait for open files rely on it. */
#ifndef CONFIG_MODULE_UNLOAD
#error "sima needs CONFIG_MODULE_UNLOAD"
#endif

#ifdef CONFIG_FAULT_INJECTION
/* Debug kernels: tests fail each part in turn and then use the hooks. */
static unsigned int fail_part;
module_param(fail_part, uint, 0444);
MODULE_PARM_DESC(fail_part, "Fault injection: starting part N (1 = first) fails with -ENOMEM (default: 0, none)");

static bool injected_failure(unsigned int n)
{
	return n + 1 == fail_part;
}
#else
static bool injected_failure(unsigned int n)
{
	return false;
}
#endif

static int appraise_init(void)
{
	return sima_appraise_init(sima_measure_algo());
}

/**
 * struct sima_part - one subsystem's start and stop
 * @name: for the log
 * @init: starts it; NULL when it needs no start
 * @exit: stops it; NULL when it needs no stop
 */
struct sima_part {
	const char *name;
	int (*init)(void);
	void (*exit)(void);
};

static const struct sima_part parts[] = {
	{ "symbols", sima_kallsyms_init, NULL },
	{ "gates", sima_gates_init, NULL },
	{ "hook targets", sima_hooks_prepare, sima_hooks_unprepare },
	{ "audit", sima_audit_init, NULL },
	{ "lock", sima_lock_prepare, sima_lock_release },
	{ "blacklist", NULL, sima_blacklist_exit },
	{ "modsig", sima_modsig_init, NULL },
	{ "fs-verity", sima_verity_init, NULL },
	{ "lsm", sima_lsm_init, sima_lsm_exit },
	{ "key queue", NULL, sima_key_queue_exit },
	{ "keys", sima_keys_init, sima_keys_exit },
	{ "policy", sima_policy_init, sima_policy_exit },
	{ "securityfs", sima_fs_init, sima_fs_exit },
	{ "measurement", sima_measure_init, sima_measure_exit },
	{ "appraisal", appraise_init, NULL },
	{ "hooks", sima_hooks_init, sima_hooks_exit },
	{ "locking", sima_lock_engage, NULL },
};

/* Stop parts[0..n-1], last first. */
static void stop_parts(unsigned int n)
{
	while (n--) {
		if (parts[n].exit)
			parts[n].exit();
	}
}

static int __init sima_init(void)
{
	unsigned int i;
	int err = 0;

	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		if (injected_failure(i))
			err = -ENOMEM;
		else if (parts[i].init)
			err = parts[i].init();
		if (err) {
			pr_err("starting %s failed: %d\n", parts[i].name, err);
			stop_parts(i);
			return err;
		}
	}
	pr_info("loaded\n");
	return 0;
}

/*
 * Each open securityfs file holds a module reference. A plain rmmod fails
 * while one is held, but "rmmod -f" goes on: wait until the last such
 * file is closed, so that no release() runs on freed text or state. Only
 * then can the files go: securityfs leaves an open file's entry in place.
 */
static void wait_for_open_files(void)
{
	unsigned int waited = 0;
	int left;

	while ((left = module_refcount(THIS_MODULE)) > 0) {
		if (waited && !(waited % 5000))
			pr_info("unload waits for %d open file(s)\n", left);
		msleep(20);
		waited += 20;
	}
}

/*
 * The files go first, once none is open: from the moment the unload
 * began, an open of one of them fails with a kernel warning (its module
 * reference cannot be taken), so that window must stay short.
 */
static void __exit sima_exit(void)
{
	wait_for_open_files();
	sima_fs_exit();
	stop_parts(ARRAY_SIZE(parts));
	pr_info("unloaded\n");
}

module_init(sima_init);
module_exit(sima_exit);

MODULE_DESCRIPTION("sima: IMA/EVM integrity engine as a loadable module");
MODULE_LICENSE("GPL");
