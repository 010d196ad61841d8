/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the wrappers every kernel series has (wrappers.c), each typed as
 * its original, and what a series' own wrappers (its hooks.c) share
 */
#ifndef _SIMA_WRAPPERS_H
#define _SIMA_WRAPPERS_H

#include <linux/fs.h>
#include <linux/types.h>

#include "sima/event.h"
#include "kernel/hook.h"
#include "kernel/hooks/hook_targets.h"

extern typeof(sima_orig_security_bprm_check) sima_hook_security_bprm_check;
extern typeof(sima_orig_security_mmap_file) sima_hook_security_mmap_file;
extern typeof(sima_orig_security_file_mprotect)
	sima_hook_security_file_mprotect;
extern typeof(sima_orig___fput) sima_hook___fput;
extern typeof(sima_orig_security_kernel_read_file)
	sima_hook_security_kernel_read_file;
extern typeof(sima_orig_security_kernel_post_read_file)
	sima_hook_security_kernel_post_read_file;
extern typeof(sima_orig_security_kernel_load_data)
	sima_hook_security_kernel_load_data;
extern typeof(sima_orig_security_kernel_post_load_data)
	sima_hook_security_kernel_post_load_data;
extern typeof(sima_orig_security_inode_setxattr)
	sima_hook_security_inode_setxattr;
extern typeof(sima_orig_security_inode_post_setxattr)
	sima_hook_security_inode_post_setxattr;
extern typeof(sima_orig_security_inode_removexattr)
	sima_hook_security_inode_removexattr;
extern typeof(sima_orig___vfs_removexattr_locked)
	sima_hook___vfs_removexattr_locked;
extern typeof(sima_orig_security_inode_setattr)
	sima_hook_security_inode_setattr;
extern typeof(sima_orig_notify_change) sima_hook_notify_change;
extern typeof(sima_orig_vfs_tmpfile) sima_hook_vfs_tmpfile;
extern typeof(sima_orig_do_mknodat) sima_hook_do_mknodat;
extern typeof(sima_orig_security_inode_free) sima_hook_security_inode_free;
extern typeof(sima_orig_key_create_or_update) sima_hook_key_create_or_update;
extern typeof(sima_orig_key_revoke) sima_hook_key_revoke;
extern typeof(sima_orig_key_invalidate) sima_hook_key_invalidate;
extern typeof(sima_orig_key_unlink) sima_hook_key_unlink;
extern typeof(sima_orig_keyring_clear) sima_hook_keyring_clear;
extern typeof(sima_orig_key_move) sima_hook_key_move;
extern typeof(sima_orig_ima_measure_critical_data)
	sima_hook_ima_measure_critical_data;

int sima_file_check(struct file *file, int acc_mode, bool truncating);
int sima_dentry_event(enum sima_hook_id hook, struct dentry *dentry,
		      const char *name, const void *value, size_t size,
		      const struct iattr *attr);
int sima_data_event(enum sima_hook_id hook, enum sima_func func,
		    struct file *file, const void *buf, loff_t size, int id,
		    bool contents);

/*
 * An entry of a series' hook table for SIMA_TARGET(fn, need): the wrapper
 * must have its original's prototype (the kernel's own, where a header
 * declares it).
 */
#define SIMA_OPTIONAL_required	false
#define SIMA_OPTIONAL_optional	true
#define SIMA_HOOK_ENTRY(fn, need)					\
	SIMA_HOOK(#fn, sima_hook_##fn, &sima_orig_addrs[SIMA_TARGET_##fn], \
		  SIMA_OPTIONAL_##need +					\
		  BUILD_BUG_ON_ZERO(!__same_type(sima_hook_##fn,		\
						 sima_orig_##fn)))

/*
 * In the series' hooks.c: its hook table, and anything its own wrappers
 * need found before they run.
 */
extern struct sima_hook sima_hook_table[SIMA_NR_TARGETS];
int sima_series_prepare(void);

#endif /* _SIMA_WRAPPERS_H */
