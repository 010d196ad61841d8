/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the kernel interfaces that differ between series: Linux 6.1
 *
 * Every series directory has this header with the same names; code
 * outside the series directories uses these, never the series' own API,
 * and has no version tests.
 */
#ifndef _SIMA_KERNEL_API_H
#define _SIMA_KERNEL_API_H

#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/mount.h>
#include <linux/uidgid.h>

#include "sima/gate.h"

/* What VFS and LSM functions take first to map ids through a mount. */
#define sima_idmap user_namespace

static inline int sima_ftrace_direct_add(struct ftrace_ops *ops,
					 unsigned long addr)
{
	return register_ftrace_direct_multi(ops, addr);
}

static inline void sima_ftrace_direct_remove(struct ftrace_ops *ops,
					     unsigned long addr)
{
	unregister_ftrace_direct_multi(ops, addr);
}

/* @inode's owner and group through @file's mount (as stored: no file). */
static __always_inline void sima_inode_owner(struct file *file,
					     const struct inode *inode,
					     kuid_t *uid, kgid_t *gid)
{
	struct user_namespace *userns =
		file ? file_mnt_user_ns(file) : &init_user_ns;

	*uid = i_uid_into_mnt(userns, inode);
	*gid = i_gid_into_mnt(userns, inode);
}

/* Sets an xattr as the file system's own code would: no permission hook. */
static inline int sima_setxattr_noperm(struct dentry *dentry,
				       const char *name, const void *value,
				       size_t size)
{
	return sima_gate___vfs_setxattr_noperm(&init_user_ns, dentry, name,
					       value, size, 0);
}

/*
 * The fs-verity digest of an open file: 0, or -ENODATA when the file has
 * no fs-verity. @digest holds FS_VERITY_MAX_DIGEST_SIZE bytes.
 */
static inline int sima_fsverity_digest(struct inode *inode, u8 *digest,
				       enum hash_algo *algo)
{
	return sima_gate_fsverity_get_digest(inode, digest, algo);
}

/*
 * Gates to hook targets every series has that no kernel header declares,
 * prototypes as in Linux 6.1.
 */
void sima_orig___fput(struct file *file);
int sima_orig_vfs_tmpfile(struct user_namespace *mnt_userns,
			  const struct path *parentpath, struct file *file,
			  umode_t mode);
int sima_orig_do_mknodat(int dfd, struct filename *name, umode_t mode,
			 unsigned int dev);

#endif /* _SIMA_KERNEL_API_H */
