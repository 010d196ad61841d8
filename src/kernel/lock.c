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
 *
 * What can fail (the lookup, the allocation) is done early in the load,
 * by sima_lock_prepare(); engaging, the load's last step, cannot fail.
 */

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "sima/kernel_data.h"
#include "sima/lock.h"

static bool lock;
module_param(lock, bool, 0444);
MODULE_PARM_DESC(lock, "Make sima impossible to unload, rmmod -f included (default: 0)");

/* Set once, under the kernel's module_mutex and parameter lock. */
static bool locked;

/* The kernel's lock of module lists, not exported; found by name. */
static struct mutex *module_mutex;
/* sima as its own user, allocated by sima_lock_prepare(). */
static struct module_use *self_use;

/**
 * sima_locked - has lock mode been engaged
 *
 * Return: true once sima_lock_engage() has run with lock=1.
 */
bool sima_locked(void)
{
	return READ_ONCE(locked);
}

/**
 * sima_lock_prepare - get what engaging needs, when lock=1
 *
 * Return: 0, -ENOENT without module_mutex's address, or -ENOMEM.
 */
int sima_lock_prepare(void)
{
	if (!lock)
		return 0;
	module_mutex = sima_kernel_module_mutex();
	if (!module_mutex) {
		pr_err("lock: module_mutex not found\n");
		return -ENOENT;
	}
	self_use = kzalloc(sizeof(*self_use), GFP_KERNEL);
	if (!self_use)
		return -ENOMEM;
	self_use->source = THIS_MODULE;
	self_use->target = THIS_MODULE;
	INIT_LIST_HEAD(&self_use->target_list);
	return 0;
}

/**
 * sima_lock_release - undo sima_lock_prepare() when the load fails later
 */
void sima_lock_release(void)
{
	kfree(self_use);
	self_use = NULL;
}

/**
 * sima_lock_engage - with lock=1, make sima impossible to unload until
 * reboot; the last step of the load
 *
 * The parameter lock makes the one writable parameter's check
 * (integrity_audit) atomic with engaging: its value now is kept.
 *
 * Return: 0.
 */
int sima_lock_engage(void)
{
	if (!lock)
		return 0;
	kernel_param_lock(THIS_MODULE);
	mutex_lock(module_mutex);
	/*
	 * Only the source list: the kernel walks a module's target list
	 * when freeing it, and sima is never freed from now on.
	 */
	list_add(&self_use->source_list, &THIS_MODULE->source_list);
	WRITE_ONCE(locked, true);
	mutex_unlock(module_mutex);
	kernel_param_unlock(THIS_MODULE);
	pr_info("locked: sima cannot be unloaded until reboot\n");
	return 0;
}
