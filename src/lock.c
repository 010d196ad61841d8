// SPDX-License-Identifier: GPL-2.0
/*
 * sima - lock mode: once engaged, sima can no longer be unloaded
 *
 * An integrity engine that root can rmmod is a bypass. A held reference
 * stops a plain rmmod but not "rmmod -f" (CONFIG_MODULE_FORCE_UNLOAD),
 * and guarding the delete_module() entry points misses some (the i386
 * and x32 entries) and must read the name from user memory a second time,
 * which a racing thread can change in between. Instead sima makes the
 * kernel's own check say no: delete_module() refuses, before it looks at
 * any flag, a module that another module uses, and it decides that on
 * its own copy of the name, under module_mutex, whatever the entry.
 * Locking links sima into its own list of users; nothing ever unlinks it,
 * so every unload attempt fails with EWOULDBLOCK until reboot.
 */

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "sima/hook.h"
#include "sima/lock.h"

/* Set once under module_mutex, never cleared. */
static bool locked;

/**
 * sima_locked - has lock mode been engaged
 *
 * Return: true once sima_lock_engage() has succeeded.
 */
bool sima_locked(void)
{
	return READ_ONCE(locked);
}

/**
 * sima_lock_engage - make sima impossible to unload until reboot
 *
 * Without CONFIG_MODULE_UNLOAD no module can be unloaded: nothing to do.
 *
 * Return: 0 (also when already locked), -ENOENT without module_mutex's
 * address, -ENOMEM.
 */
int sima_lock_engage(void)
{
#ifdef CONFIG_MODULE_UNLOAD
	struct mutex *module_mutex;	/* the kernel's: module lists */
	struct module_use *use;

	/* Not exported since Linux 5.12. */
	module_mutex = (struct mutex *)sima_kallsyms_lookup("module_mutex");
	if (!module_mutex) {
		pr_err("lock: module_mutex not found\n");
		return -ENOENT;
	}
	/* Never freed: the link must outlive every unload attempt. */
	use = kzalloc(sizeof(*use), GFP_KERNEL);
	if (!use)
		return -ENOMEM;
	use->source = THIS_MODULE;
	use->target = THIS_MODULE;
	INIT_LIST_HEAD(&use->target_list);

	mutex_lock(module_mutex);
	if (locked) {
		mutex_unlock(module_mutex);
		kfree(use);
		return 0;
	}
	/*
	 * Only the source list: the kernel walks a module's target list
	 * when freeing it, and sima is never freed from now on.
	 */
	list_add(&use->source_list, &THIS_MODULE->source_list);
	WRITE_ONCE(locked, true);
	mutex_unlock(module_mutex);
#else
	WRITE_ONCE(locked, true);
#endif
	pr_info("locked: sima cannot be unloaded until reboot\n");
	return 0;
}
