/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the kernel interfaces that differ between series: Linux 6.12
 *
 * Every series directory has this header with the same names; code
 * outside the series directories uses these, never the series' own API,
 * and has no version tests.
 */
#ifndef _SIMA_KERNEL_API_H
#define _SIMA_KERNEL_API_H

#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/mnt_idmapping.h>
#include <linux/uidgid.h>

#include "sima/gate.h"

/* What VFS and LSM functions take first to map ids through a mount. */
#define sima_idmap mnt_idmap

static inline int sima_ftrace_direct_add(struct ftrace_ops *ops,
					 unsigned long addr)
{
	return register_ftrace_direct(ops, addr);
}

/* The filter stays: sima frees it itself, as on every series. */
static inline void sima_ftrace_direct_remove(struct ftrace_ops *ops,
					     unsigned long addr)
{
	unregister_ftrace_direct(ops, addr, false);
}

/* @inode's owner and group through @file's mount (as stored: no file). */
static __always_inline void sima_inode_owner(struct file *file,
					     const struct inode *inode,
					     kuid_t *uid, kgid_t *gid)
{
	struct mnt_idmap *idmap = file ? file_mnt_idmap(file) : &nop_mnt_idmap;

	*uid = vfsuid_into_kuid(i_uid_into_vfsuid(idmap, inode));
	*gid = vfsgid_into_kgid(i_gid_into_vfsgid(idmap, inode));
}

/* Sets an xattr as the file system's own code would: no permission hook. */
static inline int sima_setxattr_noperm(struct dentry *dentry,
				       const char *name, const void *value,
				       size_t size)
{
	return sima_gate___vfs_setxattr_noperm(&nop_mnt_idmap, dentry, name,
					       value, size, 0);
}

/*
 * The fs-verity digest of an open file: 0, or -ENODATA when the file has
 * no fs-verity. @digest holds FS_VERITY_MAX_DIGEST_SIZE bytes. Linux 6.12
 * returns the digest's size, 0 for no fs-verity.
 */
static inline int sima_fsverity_digest(struct inode *inode, u8 *digest,
				       enum hash_algo *algo)
{
	int size = sima_gate_fsverity_get_digest(inode, digest, NULL, algo);

	if (size < 0)
		return size;
	return size ? 0 : -ENODATA;
}

/*
 * Gates to hook targets every series has that no kernel header declares,
 * prototypes as in Linux 6.12.
 */
void sima_orig___fput(struct file *file);
int sima_orig_vfs_tmpfile(struct mnt_idmap *idmap,
			  const struct path *parentpath, struct file *file,
			  umode_t mode);
int sima_orig_do_mknodat(int dfd, struct filename *name, umode_t mode,
			 unsigned int dev);

#endif /* _SIMA_KERNEL_API_H */
