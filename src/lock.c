// SPDX-License-Identifier: GPL-2.0
/*
 * sima - lock mode: once engaged, sima can no longer be unloaded
 *
 * An integrity engine that root can rmmod is a bypass. A held module
 * reference stops a plain rmmod, but CONFIG_MODULE_FORCE_UNLOAD lets
 * "rmmod -f" ignore it, so delete_module() itself is hooked and refuses
 * sima's name. The hook is installed only when locking, and locking is
 * one-way: its wrapper, which calls into delete_module(), is never removed
 * and so can never be running while sima's text is freed.
 */

#include <linux/module.h>
#include <linux/ptrace.h>
#include <linux/uaccess.h>

#include "sima/hook.h"
#include "sima/lock.h"

/* Serialises engaging; never taken in hook context. */
static DEFINE_MUTEX(lock_mutex);
static bool locked;

static long (*orig___x64_sys_delete_module)(const struct pt_regs *regs);

static bool refuses_unload(const char __user *uname)
{
	char name[MODULE_NAME_LEN];
	long len;

	len = strncpy_from_user(name, uname, sizeof(name));
	if (len <= 0 || len >= sizeof(name))
		return false;
	return !strcmp(name, THIS_MODULE->name);
}

static long sima_hook___x64_sys_delete_module(const struct pt_regs *regs)
{
	if (refuses_unload((const char __user *)regs->di)) {
		pr_notice_ratelimited("refusing to unload: locked (pid %d, %s)\n",
				      task_pid_nr(current), current->comm);
		return -EPERM;
	}
	return orig___x64_sys_delete_module(regs);
}

static struct sima_hook lock_hook_table[] = {
	SIMA_HOOK("__x64_sys_delete_module", sima_hook___x64_sys_delete_module,
		  &orig___x64_sys_delete_module),
};

static struct sima_hook_set lock_hooks = {
	.hooks = lock_hook_table,
	.nr = ARRAY_SIZE(lock_hook_table),
};

/**
 * sima_lock_engage - make sima impossible to unload until reboot
 *
 * Return: 0 (also when already locked) or the hook install error.
 */
int sima_lock_engage(void)
{
	int err = 0;

	mutex_lock(&lock_mutex);
	if (locked)
		goto out;
	err = sima_hooks_install(&lock_hooks);
	if (err)
		goto out;
	__module_get(THIS_MODULE);
	locked = true;
	pr_info("locked: sima cannot be unloaded until reboot\n");
out:
	mutex_unlock(&lock_mutex);
	return err;
}
