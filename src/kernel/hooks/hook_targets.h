/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the hook targets of the kernel series sima is built for
 * (hook_targets.def in the series directory) and the gates to the
 * originals every series has. A gate has the kernel's own type of its
 * original wherever a kernel header declares it; the series' kernel_api.h
 * declares the others, and the originals only that series has.
 */
#ifndef _SIMA_HOOK_TARGETS_H
#define _SIMA_HOOK_TARGETS_H

#include <linux/fs.h>
#include <linux/ima.h>
#include <linux/key.h>
#include <linux/security.h>
#include <linux/xattr.h>

#include "kernel_api.h"

enum sima_target_id {
#define SIMA_TARGET(fn, need) SIMA_TARGET_##fn,
#include "hook_targets.def"
#undef SIMA_TARGET
	SIMA_NR_TARGETS
};

/* Where each original's gate enters it, by enum sima_target_id. */
extern unsigned long sima_orig_addrs[SIMA_NR_TARGETS];

extern typeof(security_bprm_check) sima_orig_security_bprm_check;
extern typeof(security_mmap_file) sima_orig_security_mmap_file;
extern typeof(security_file_mprotect) sima_orig_security_file_mprotect;
extern typeof(security_kernel_read_file) sima_orig_security_kernel_read_file;
extern typeof(security_kernel_post_read_file)
	sima_orig_security_kernel_post_read_file;
extern typeof(security_kernel_load_data) sima_orig_security_kernel_load_data;
extern typeof(security_kernel_post_load_data)
	sima_orig_security_kernel_post_load_data;
extern typeof(security_inode_setxattr) sima_orig_security_inode_setxattr;
extern typeof(security_inode_post_setxattr)
	sima_orig_security_inode_post_setxattr;
extern typeof(security_inode_removexattr) sima_orig_security_inode_removexattr;
extern typeof(__vfs_removexattr_locked) sima_orig___vfs_removexattr_locked;
extern typeof(security_inode_setattr) sima_orig_security_inode_setattr;
extern typeof(notify_change) sima_orig_notify_change;
extern typeof(security_inode_free) sima_orig_security_inode_free;
extern typeof(key_create_or_update) sima_orig_key_create_or_update;
extern typeof(key_revoke) sima_orig_key_revoke;
extern typeof(key_invalidate) sima_orig_key_invalidate;
extern typeof(key_unlink) sima_orig_key_unlink;
extern typeof(keyring_clear) sima_orig_keyring_clear;
extern typeof(key_move) sima_orig_key_move;
extern typeof(ima_measure_critical_data) sima_orig_ima_measure_critical_data;

#endif /* _SIMA_HOOK_TARGETS_H */
