/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the hooked functions of Linux 6.1 (hook_targets.def) and the
 * gates to their originals (gate.h)
 */
#ifndef _SIMA_HOOK_TARGETS_H
#define _SIMA_HOOK_TARGETS_H

#include <linux/fs.h>
#include <linux/ima.h>
#include <linux/kexec.h>
#include <linux/key.h>
#include <linux/security.h>
#include <linux/xattr.h>

enum sima_target_id {
#define SIMA_TARGET(fn, optional) SIMA_TARGET_##fn,
#include "hook_targets.def"
#undef SIMA_TARGET
	SIMA_NR_TARGETS
};

/* Where each original's gate enters it, by enum sima_target_id. */
extern unsigned long sima_orig_addrs[SIMA_NR_TARGETS];

/*
 * Mirror of fs/internal.h:struct open_flags (unchanged 5.6 - 6.12); only
 * acc_mode is read, the MAY_* mask native IMA's FILE_CHECK receives.
 */
struct sima_open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

/* Private to fs/: prototypes mirrored from Linux 6.1. */
void sima_orig___fput(struct file *file);
struct file *sima_orig_do_filp_open(int dfd, struct filename *pathname,
				    const struct sima_open_flags *op);
struct file *sima_orig_do_file_open_root(const struct path *root,
					 const char *name,
					 const struct sima_open_flags *op);
int sima_orig_vfs_tmpfile(struct user_namespace *mnt_userns,
			  const struct path *parentpath, struct file *file,
			  umode_t mode);
int sima_orig_do_mknodat(int dfd, struct filename *name, umode_t mode,
			 unsigned int dev);

/* Declared by the kernel: its own prototypes. */
extern typeof(security_bprm_check) sima_orig_security_bprm_check;
extern typeof(security_mmap_file) sima_orig_security_mmap_file;
extern typeof(security_file_mprotect) sima_orig_security_file_mprotect;
extern typeof(do_truncate) sima_orig_do_truncate;
extern typeof(ima_file_check) sima_orig_ima_file_check;
extern typeof(security_kernel_read_file) sima_orig_security_kernel_read_file;
extern typeof(security_kernel_post_read_file)
	sima_orig_security_kernel_post_read_file;
extern typeof(security_kernel_load_data) sima_orig_security_kernel_load_data;
extern typeof(security_kernel_post_load_data)
	sima_orig_security_kernel_post_load_data;
extern typeof(arch_kexec_kernel_image_load)
	sima_orig_arch_kexec_kernel_image_load;
extern typeof(security_inode_setxattr) sima_orig_security_inode_setxattr;
extern typeof(security_inode_post_setxattr)
	sima_orig_security_inode_post_setxattr;
extern typeof(security_inode_removexattr) sima_orig_security_inode_removexattr;
extern typeof(__vfs_removexattr_locked) sima_orig___vfs_removexattr_locked;
extern typeof(security_inode_setattr) sima_orig_security_inode_setattr;
extern typeof(notify_change) sima_orig_notify_change;
extern typeof(security_inode_free) sima_orig_security_inode_free;
extern typeof(key_revoke) sima_orig_key_revoke;
extern typeof(key_invalidate) sima_orig_key_invalidate;
extern typeof(key_unlink) sima_orig_key_unlink;
extern typeof(keyring_clear) sima_orig_keyring_clear;
extern typeof(key_move) sima_orig_key_move;
extern typeof(ima_measure_critical_data) sima_orig_ima_measure_critical_data;
extern typeof(key_create_or_update) sima_orig_key_create_or_update;

#endif /* _SIMA_HOOK_TARGETS_H */
