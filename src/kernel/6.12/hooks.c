// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the wrappers of the hook targets only Linux 6.12 has
 *
 * FILE_CHECK: do_open() and knfsd call security_file_post_open() with the
 * open's MAY_* bits once the file is open, and before an O_TRUNC open
 * truncates it: native IMA's own check (an LSM hook since 6.9), so one
 * wrapper covers every open, knfsd's included. O_TMPFILE and O_PATH opens
 * never get there, as upstream. The kexec command line is measured where
 * the bzImage loader is asked to load.
 */

#include <linux/fs.h>
#include <linux/kexec.h>
#include <linux/security.h>

#include "kernel/hooks/wrappers.h"

/* The originals only Linux 6.12 has. */
typeof(security_file_post_open) sima_orig_security_file_post_open;
typeof(security_inode_set_acl) sima_orig_security_inode_set_acl;
typeof(security_inode_post_set_acl) sima_orig_security_inode_post_set_acl;
typeof(security_inode_remove_acl) sima_orig_security_inode_remove_acl;
typeof(security_inode_post_remove_acl)
	sima_orig_security_inode_post_remove_acl;
void *sima_orig_bzImage64_load(struct kimage *image, char *kernel,
			       unsigned long kernel_len, char *initrd,
			       unsigned long initrd_len, char *cmdline,
			       unsigned long cmdline_len);

/* A refusal makes the caller drop the file: it must not be put here. */
static int sima_hook_security_file_post_open(struct file *file, int mask)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_file_post_open(file, mask);
	if (!ret)
		ret = sima_file_check(file, mask, false);
	sima_hook_exit();
	return ret;
}

/*
 * POSIX ACLs: since 6.2 setxattr(2) and removexattr(2) of an ACL go
 * through the ACL hooks, not the xattr ones; as on 6.1, each change is an
 * xattr event with the ACL's name.
 */
static int sima_hook_security_inode_set_acl(struct mnt_idmap *idmap,
					    struct dentry *dentry,
					    const char *acl_name,
					    struct posix_acl *kacl)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_set_acl(idmap, dentry, acl_name, kacl);
	if (!ret && sima_hook_active())
		ret = sima_dentry_event(SIMA_EV_SETXATTR, dentry, acl_name,
					NULL, 0, NULL);
	sima_hook_exit();
	return ret;
}

static void sima_hook_security_inode_post_set_acl(struct dentry *dentry,
						  const char *acl_name,
						  struct posix_acl *kacl)
{
	sima_hook_enter();
	sima_orig_security_inode_post_set_acl(dentry, acl_name, kacl);
	if (sima_hook_active())
		sima_dentry_event(SIMA_EV_POST_SETXATTR, dentry, acl_name, NULL,
				  0, NULL);
	sima_hook_exit();
}

static int sima_hook_security_inode_remove_acl(struct mnt_idmap *idmap,
					       struct dentry *dentry,
					       const char *acl_name)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_remove_acl(idmap, dentry, acl_name);
	if (!ret && sima_hook_active())
		ret = sima_dentry_event(SIMA_EV_REMOVEXATTR, dentry, acl_name,
					NULL, 0, NULL);
	sima_hook_exit();
	return ret;
}

static void sima_hook_security_inode_post_remove_acl(struct mnt_idmap *idmap,
						     struct dentry *dentry,
						     const char *acl_name)
{
	sima_hook_enter();
	sima_orig_security_inode_post_remove_acl(idmap, dentry, acl_name);
	if (sima_hook_active())
		sima_dentry_event(SIMA_EV_POST_REMOVEXATTR, dentry, acl_name,
				  NULL, 0, NULL);
	sima_hook_exit();
}

/*
 * kexec_file_load() has copied the command line into the image and asks
 * the loader to load: the point where native IMA measures it. The event
 * is measure-only, so the dispatcher cannot refuse it.
 */
static void *sima_hook_bzImage64_load(struct kimage *image, char *kernel,
				      unsigned long kernel_len, char *initrd,
				      unsigned long initrd_len, char *cmdline,
				      unsigned long cmdline_len)
{
	void *ret;

	sima_hook_enter();
	if (sima_hook_active())
		sima_data_event(SIMA_EV_KEXEC_CMDLINE, SIMA_FUNC_KEXEC_CMDLINE,
				NULL, cmdline, cmdline_len, 0, true);
	ret = sima_orig_bzImage64_load(image, kernel, kernel_len, initrd,
				       initrd_len, cmdline, cmdline_len);
	sima_hook_exit();
	return ret;
}

/* In hook_targets.def's order: sima_hook_entry scans it hottest first. */
struct sima_hook sima_hook_table[SIMA_NR_TARGETS] = {
#define SIMA_TARGET(fn, need) SIMA_HOOK_ENTRY(fn, need),
#include "hook_targets.def"
#undef SIMA_TARGET
};

/**
 * sima_series_prepare - what the 6.12 wrappers need before they run
 *
 * Return: 0: they need nothing.
 */
int sima_series_prepare(void)
{
	return 0;
}
