// SPDX-License-Identifier: GPL-2.0
/*
 * sima - stacked IMA: module load and unload
 *
 * Subsystems start in dependency order and stop in reverse. The hooks go
 * last on load and first on unload, so that no event ever reaches a part
 * of sima that is not there.
 */

#include <linux/module.h>

#include "sima/appraise.h"
#include "sima/blacklist.h"
#include "sima/fs.h"
#include "sima/hook.h"
#include "sima/keys.h"
#include "sima/lock.h"
#include "sima/lsm.h"
#include "sima/measure.h"
#include "sima/modsig.h"
#include "sima/policy_active.h"

static bool lock;
module_param(lock, bool, 0444);
MODULE_PARM_DESC(lock, "Make sima impossible to unload, rmmod -f included (default: 0)");

static int __init sima_init(void)
{
	int err;

	err = sima_kallsyms_init();
	if (err)
		return err;
	sima_modsig_init();
	err = sima_lsm_init();
	if (err)
		return err;
	err = sima_keys_init();
	if (err)
		goto err_lsm;
	err = sima_policy_init();
	if (err)
		goto err_keys;
	err = sima_fs_init();
	if (err)
		goto err_policy;
	err = sima_measure_init();
	if (err)
		goto err_fs;
	err = sima_appraise_init(sima_measure_algo());
	if (err)
		goto err_measure;
	err = sima_hooks_init();
	if (err)
		goto err_measure;
	if (lock) {
		err = sima_lock_engage();
		if (err)
			goto err_hooks;
	}
	pr_info("loaded\n");
	return 0;

err_hooks:
	sima_hooks_exit();
err_measure:
	sima_measure_exit();
err_fs:
	sima_fs_exit();
err_policy:
	sima_policy_exit();
err_keys:
	sima_keys_exit();
err_lsm:
	sima_lsm_exit();
	sima_blacklist_exit();
	return err;
}

static void __exit sima_exit(void)
{
	/* No new opener of sima's files; open ones pin the module. */
	sima_fs_exit();
	sima_hooks_exit();
	sima_measure_exit();
	sima_policy_exit();
	sima_keys_exit();
	sima_lsm_exit();
	sima_blacklist_exit();
	pr_info("unloaded\n");
}

module_init(sima_init);
module_exit(sima_exit);

MODULE_DESCRIPTION("sima: IMA/EVM integrity engine as a loadable module");
MODULE_LICENSE("GPL");
