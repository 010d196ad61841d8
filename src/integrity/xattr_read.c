// SPDX-License-Identifier: GPL-2.0
/*
 * sima - reading extended attributes as integrity does
 *
 * Measurement (the template fields), appraisal and the engine read
 * security.ima and the other EVM-listed xattrs raw, without the
 * permission checks a user's read would get.
 */

#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/xattr.h>

#include "sima/xattr_read.h"

/**
 * sima_xattr_get - an xattr, raw, without permission checks (as EVM reads)
 * @dentry: the file's dentry
 * @name: the xattr's name
 * @value: receives a kmalloc()ed copy, or NULL
 *
 * Return: its length (0 for an empty value, with no copy), or -errno
 * (-ENODATA when absent, -E2BIG beyond XATTR_SIZE_MAX).
 */
ssize_t sima_xattr_get(struct dentry *dentry, const char *name, u8 **value)
{
	struct inode *inode = d_backing_inode(dentry);
	ssize_t len;

	*value = NULL;
	len = __vfs_getxattr(dentry, inode, name, NULL, 0);
	if (len <= 0)
		return len;
	if (len > XATTR_SIZE_MAX)
		return -E2BIG;
	*value = kmalloc(len, GFP_KERNEL);
	if (!*value)
		return -ENOMEM;
	len = __vfs_getxattr(dentry, inode, name, *value, len);
	if (len <= 0) {
		kfree(*value);
		*value = NULL;
	}
	return len;
}

/**
 * sima_ima_xattr_read - security.ima, raw, without permission checks
 * @dentry: the file's dentry
 * @value: receives a kmalloc()ed copy, or NULL
 *
 * Return: its length, -ENODATA when absent or empty, or another errno.
 */
ssize_t sima_ima_xattr_read(struct dentry *dentry, u8 **value)
{
	return sima_xattr_get(dentry, XATTR_NAME_IMA, value) ?: -ENODATA;
}
