// SPDX-License-Identifier: GPL-2.0
/*
 * sima - stacked IMA: module load and unload
 *
 * Subsystems start in the order of parts[] and stop in reverse, on unload
 * and when a later part fails to start. The hooks go last on load and
 * first on unload (after the securityfs files), so that no event ever
 * reaches a part of sima that is not there; lock mode engages after them,
 * with nothing left that can fail. What one part needs of another that
 * starts before it is handed over here, never asked for by the part.
 */

#include <linux/delay.h>
#include <linux/module.h>

#include "sima/appraise.h"
#include "sima/audit.h"
#include "sima/dispatch.h"
#include "sima/gate.h"
#include "sima/hash.h"
#include "sima/iint.h"
#include "sima/kallsyms.h"
#include "sima/lock.h"
#include "sima/measure.h"
#include "sima/modsig.h"
#include "sima/policy_active.h"
#include "sima/securityfs.h"
#include "sima/verity.h"
#include "appraise/blacklist.h"
#include "appraise/keys.h"
#include "core/key_queue.h"
#include "kernel/hook.h"
#include "measure/mlist.h"
#include "measure/mlist_fs.h"
#include "measure/tpm.h"
#include "policy/lsm.h"

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

/* Hashing, the list and appraisal use the algorithm ima_hash chose. */
static int hash_init(void)
{
	return sima_hash_init(sima_measure_algo());
}

static int mlist_init(void)
{
	return sima_mlist_init(sima_measure_algo());
}

static int appraise_init(void)
{
	return sima_appraise_init(sima_measure_algo());
}

/*
 * The policy file accepts appended-signature rules where they can be
 * checked, and each policy it loads may measure the certificates kept
 * for the first KEY_CHECK rule.
 */
static int policy_fs_init(void)
{
	return sima_policy_fs_init(sima_modsig_supported(),
				   sima_key_queue_flush);
}

/* Certificates sima loads itself are kept like those the hook sees. */
static int keys_init(void)
{
	return sima_keys_init(sima_key_queue_add);
}

/**
 * struct sima_part - one subsystem's start and stop
 * @name: for the log
 * @init: starts it; NULL when it needs no start
 * @exit: stops it; NULL when it needs no stop
 * @files: it creates securityfs files, which go first on unload
 */
struct sima_part {
	const char *name;
	int (*init)(void);
	void (*exit)(void);
	bool files;
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
	{ "keys", keys_init, sima_keys_exit },
	{ "policy", sima_policy_init, sima_policy_exit },
	{ "securityfs", sima_fs_init, sima_fs_exit, true },
	{ "hook counts file", sima_dispatch_fs_init, sima_dispatch_fs_exit,
	  true },
	{ "policy file", policy_fs_init, sima_policy_fs_exit, true },
	{ "list files", sima_mlist_fs_init, sima_mlist_fs_exit, true },
	{ "blacklist file", sima_blacklist_fs_init, sima_blacklist_fs_exit,
	  true },
	{ "measurement", sima_measure_init, NULL },
	{ "hashing", hash_init, sima_hash_exit },
	{ "iint", sima_iint_init, sima_iint_exit },
	{ "tpm", sima_tpm_init, sima_tpm_exit },
	{ "list", mlist_init, sima_mlist_exit },
	{ "boot_aggregate", sima_measure_boot_aggregate, NULL },
	{ "kernel version", sima_process_kernel_version, NULL },
	{ "appraisal", appraise_init, NULL },
	{ "hooks", sima_hooks_init, sima_hooks_exit },
	{ "locking", sima_lock_engage, NULL },
};

/* Stop parts[0..n-1], last first; only those with files if @files. */
static void stop_parts(unsigned int n, bool files)
{
	while (n--) {
		if (parts[n].exit && (parts[n].files || !files))
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
			stop_parts(i, false);
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
 * reference cannot be taken), so that window must stay short. Removing
 * them a second time, in the order of all parts, does nothing.
 */
static void __exit sima_exit(void)
{
	wait_for_open_files();
	stop_parts(ARRAY_SIZE(parts), true);
	stop_parts(ARRAY_SIZE(parts), false);
	pr_info("unloaded\n");
}

module_init(sima_init);
module_exit(sima_exit);

MODULE_DESCRIPTION("sima: IMA/EVM integrity engine as a loadable module");
MODULE_LICENSE("GPL");
