// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the securityfs directory: /sys/kernel/security/sima/
 *
 * Where the kernel has no native IMA, /sys/kernel/security/ima is created
 * as a link to it, so tools that only know the upstream path find sima.
 * Each part creates its own files in it (sima_fs_dir()); every file's fops
 * has .owner set: an open file pins the module.
 */

#include <linux/fs.h>
#include <linux/security.h>

#include "sima/securityfs.h"

static struct dentry *sima_dir;
static struct dentry *ima_link;
static bool native_ima;

/**
 * sima_fs_init - create sima's securityfs directory and the ima link
 *
 * Return: 0 or a negative errno; nothing is left behind on failure.
 */
int sima_fs_init(void)
{
	int err;

	sima_dir = securityfs_create_dir("sima", NULL);
	if (IS_ERR(sima_dir)) {
		err = PTR_ERR(sima_dir);
		sima_dir = NULL;
		return err;
	}

	ima_link = securityfs_create_symlink("ima", NULL, "sima", NULL);
	if (IS_ERR(ima_link)) {
		err = PTR_ERR(ima_link);
		ima_link = NULL;
		if (err != -EEXIST) {
			securityfs_remove(sima_dir);
			sima_dir = NULL;
			return err;
		}
		native_ima = true;
		pr_info("native IMA owns /sys/kernel/security/ima; sima is at /sys/kernel/security/sima\n");
	}
	return 0;
}

/**
 * sima_fs_dir - sima's securityfs directory, for the parts' files
 *
 * Valid after sima_fs_init().
 *
 * Return: the directory's dentry.
 */
struct dentry *sima_fs_dir(void)
{
	return sima_dir;
}

/**
 * sima_fs_file - create a file in sima's directory
 * @name: its name
 * @mode: its permissions
 * @fops: its file operations; .owner must be THIS_MODULE
 * @dentry: receives the file, NULL on failure
 *
 * Return: 0 or the securityfs error.
 */
int sima_fs_file(const char *name, umode_t mode,
		 const struct file_operations *fops, struct dentry **dentry)
{
	*dentry = securityfs_create_file(name, mode, sima_dir, NULL, fops);
	if (IS_ERR(*dentry)) {
		int err = PTR_ERR(*dentry);

		*dentry = NULL;
		return err;
	}
	return 0;
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
 * sima_fs_exit - remove the directory and the link; a second call does
 * nothing
 *
 * The parts' files are gone already.
 */
void sima_fs_exit(void)
{
	securityfs_remove(ima_link);
	securityfs_remove(sima_dir);
	ima_link = NULL;
	sima_dir = NULL;
}
