// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the securityfs interface: /sys/kernel/security/sima/
 *
 * Where the kernel has no native IMA, /sys/kernel/security/ima is created
 * as a link to it, so tools that only know the upstream path find sima.
 * Every file's fops has .owner set: an open file pins the module.
 */

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/security.h>
#include <linux/seq_file.h>

#include "sima/event.h"
#include "sima/blacklist.h"
#include "sima/fs.h"
#include "sima/mlist_fs.h"
#include "sima/policy_active.h"

static struct dentry *sima_dir;
static struct dentry *ima_link;
static struct dentry *hook_counts;
static bool native_ima;

static int hook_counts_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < SIMA_NR_HOOKS; i++)
		seq_printf(m, "%s %llu\n", sima_hook_names[i],
			   sima_event_count(i));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hook_counts);

/**
 * sima_fs_init - create sima's securityfs files
 *
 * Return: 0 or a negative errno; nothing is left behind on failure.
 */
int sima_fs_init(void)
{
	int err;

	sima_dir = securityfs_create_dir("sima", NULL);
	if (IS_ERR(sima_dir))
		return PTR_ERR(sima_dir);

	hook_counts = securityfs_create_file("hook_counts", 0440, sima_dir,
					     NULL, &hook_counts_fops);
	if (IS_ERR(hook_counts)) {
		err = PTR_ERR(hook_counts);
		goto err_dir;
	}

	err = sima_policy_fs_init(sima_dir);
	if (err)
		goto err_counts;
	err = sima_mlist_fs_init(sima_dir);
	if (err)
		goto err_policy;
	err = sima_blacklist_fs_init(sima_dir);
	if (err)
		goto err_mlist;

	ima_link = securityfs_create_symlink("ima", NULL, "sima", NULL);
	if (IS_ERR(ima_link)) {
		err = PTR_ERR(ima_link);
		ima_link = NULL;
		if (err != -EEXIST)
			goto err_files;
		native_ima = true;
		pr_info("native IMA owns /sys/kernel/security/ima; sima is at /sys/kernel/security/sima\n");
	}
	return 0;

err_files:
	sima_blacklist_fs_exit();
err_mlist:
	sima_mlist_fs_exit();
err_policy:
	sima_policy_fs_exit();
err_counts:
	securityfs_remove(hook_counts);
err_dir:
	securityfs_remove(sima_dir);
	return err;
}

/**
 * sima_fs_native_ima - does native IMA own /sys/kernel/security/ima
 *
 * Valid after sima_fs_init().
 *
 * Return: true on a kernel with IMA built in.
 */
bool sima_fs_native_ima(void)
{
	return native_ima;
}

/**
 * sima_fs_exit - remove sima's securityfs files; a second call does nothing
 */
void sima_fs_exit(void)
{
	securityfs_remove(ima_link);
	sima_blacklist_fs_exit();
	sima_mlist_fs_exit();
	sima_policy_fs_exit();
	securityfs_remove(hook_counts);
	securityfs_remove(sima_dir);
	ima_link = NULL;
	hook_counts = NULL;
	sima_dir = NULL;
}
