// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the wrappers of the hook targets every kernel series has
 *
 * Each wrapper stands at one IMA/EVM call site: it calls the original (so
 * other LSMs decide first, as for native IMA), turns its arguments into
 * one struct sima_event and lets sima_dispatch() decide. Where native IMA
 * runs before the function's own work (file free, inode free) the event
 * comes first. A series' own targets have their wrappers in its
 * directory's hooks.c.
 *
 * Locks held by the callers, per hook: security_file_mprotect under
 * mmap_write_lock; setxattr, removexattr, setattr and their post hooks
 * under the inode's i_rwsem; security_inode_free possibly from reclaim.
 * Everything else runs in plain process context.
 */

#include <keys/asymmetric-type.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/key-type.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/personality.h>
#include <linux/sched.h>

#include "sima/classify.h"
#include "sima/dispatch.h"
#include "sima/hash.h"
#include "sima/policy_active.h"
#include "kernel/hooks/wrappers.h"

/*
 * A regular file opened for real: the only files IMA looks at. sima's own
 * private read instances are not: their close must not re-enter sima.
 */
static bool is_reg_file(const struct file *file)
{
	return !(file->f_mode & FMODE_PATH) &&
	       S_ISREG(file_inode(file)->i_mode) &&
	       !sima_file_is_internal(file);
}

/*
 * Every exec asks first whether the active policy can care about its func
 * at all; if not, the event is only counted.
 */
static bool live_event(enum sima_hook_id hook, enum sima_func func)
{
	if (sima_func_live(func))
		return true;
	sima_dispatch_count(hook);
	return false;
}

/*
 * Every open and executable mapping also asks whether the policy decides
 * it without a rule walk, and that it needs nothing.
 */
static bool live_access(enum sima_hook_id hook, enum sima_func func,
			struct file *file, int mask)
{
	if (sima_func_live(func) && !sima_access_untouched(func, file, mask))
		return true;
	sima_dispatch_count(hook);
	return false;
}

static int file_event(enum sima_hook_id hook, enum sima_func func,
		      struct file *file, int mask, bool truncating)
{
	struct sima_event ev = {
		.hook = hook,
		.func = func,
		.mask = mask,
		.cred = current_cred(),
		.file = file,
		.inode = file_inode(file),
		.truncating = truncating,
	};

	if (hook == SIMA_EV_FILE_OPEN || hook == SIMA_EV_MMAP_FILE)
		return sima_dispatch_access(&ev);
	return sima_dispatch(&ev);
}

/**
 * sima_dentry_event - an xattr or attribute change of a dentry
 * @hook: the hook
 * @dentry: the dentry changed
 * @name: the xattr (or POSIX ACL) name, NULL for an attribute change
 * @value: the xattr's new value, if known
 * @size: length of @value
 * @attr: the attribute change, NULL for an xattr
 *
 * Return: the dispatcher's verdict.
 */
int sima_dentry_event(enum sima_hook_id hook, struct dentry *dentry,
		      const char *name, const void *value, size_t size,
		      const struct iattr *attr)
{
	struct sima_event ev = {
		.hook = hook,
		.cred = current_cred(),
		.dentry = dentry,
		.inode = d_backing_inode(dentry),
		.xattr_name = name,
		.xattr_value = value,
		.xattr_size = size,
		.attr = attr,
	};

	return sima_dispatch(&ev);
}

/**
 * sima_data_event - a module, firmware, kexec or policy load
 * @hook: the hook
 * @func: its IMA func
 * @file: the file loaded, or NULL for a buffer
 * @buf: the contents, or NULL before they are read
 * @size: length of @buf
 * @id: kernel_read_file_id or kernel_load_data_id
 * @contents: the kernel will pass the whole contents to a post hook
 *
 * Return: the dispatcher's verdict.
 */
int sima_data_event(enum sima_hook_id hook, enum sima_func func,
		    struct file *file, const void *buf, loff_t size, int id,
		    bool contents)
{
	struct sima_event ev = {
		.hook = hook,
		.func = func,
		.mask = file ? MAY_READ : 0,
		.cred = current_cred(),
		.file = file,
		.inode = file ? file_inode(file) : NULL,
		.buf = buf,
		.size = size,
		.id = id,
		.contents = contents,
	};

	return sima_dispatch(&ev);
}

int sima_hook_security_bprm_check(struct linux_binprm *bprm)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_bprm_check(bprm);
	if (!ret && sima_hook_active() &&
	    live_event(SIMA_EV_BPRM_CHECK, SIMA_FUNC_BPRM_CHECK)) {
		struct sima_event ev = {
			.hook = SIMA_EV_BPRM_CHECK,
			.func = SIMA_FUNC_BPRM_CHECK,
			.mask = MAY_EXEC,
			.cred = current_cred(),
			.bprm_cred = bprm->cred,
			.file = bprm->file,
			.inode = file_inode(bprm->file),
		};

		ret = sima_dispatch_access(&ev);
	}
	sima_hook_exit();
	return ret;
}

static unsigned int mmap_facts(const struct file *file)
{
	unsigned int flags = 0;

	if (current->personality & READ_IMPLIES_EXEC)
		flags |= SIMA_MMAP_READ_IMPLIES_EXEC;
	if (file) {
		const struct vfsmount *mnt = file->f_path.mnt;

		flags |= SIMA_MMAP_HAS_FILE;
		/* path_noexec(), which is not exported */
		if ((mnt->mnt_flags & MNT_NOEXEC) ||
		    (mnt->mnt_sb->s_iflags & SB_I_NOEXEC))
			flags |= SIMA_MMAP_NOEXEC_MOUNT;
	}
	return flags;
}

int sima_hook_security_mmap_file(struct file *file, unsigned long prot,
				 unsigned long flags)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_mmap_file(file, prot, flags);
	if (!ret && sima_hook_active() &&
	    sima_mmap_is_exec(prot, mmap_facts(file)) &&
	    live_access(SIMA_EV_MMAP_FILE, SIMA_FUNC_MMAP_CHECK, file,
			MAY_EXEC))
		ret = file_event(SIMA_EV_MMAP_FILE, SIMA_FUNC_MMAP_CHECK,
				 file, MAY_EXEC, false);
	sima_hook_exit();
	return ret;
}

/* Under mmap_write_lock: the dispatcher may only use cached state here. */
int sima_hook_security_file_mprotect(struct vm_area_struct *vma,
				     unsigned long reqprot,
				     unsigned long prot)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_file_mprotect(vma, reqprot, prot);
	if (!ret && sima_hook_active() &&
	    sima_mprotect_adds_exec(prot, vma->vm_flags & VM_EXEC,
				    vma->vm_file))
		ret = file_event(SIMA_EV_FILE_MPROTECT, SIMA_FUNC_MMAP_CHECK,
				 vma->vm_file, MAY_EXEC, false);
	sima_hook_exit();
	return ret;
}

/**
 * sima_file_check - FILE_CHECK of an opened file
 * @file: the file
 * @acc_mode: the MAY_* bits of its open
 * @truncating: checked inside an O_TRUNC open's truncation (struct sima_event)
 *
 * Return: 0, or the errno that refuses the open.
 */
int sima_file_check(struct file *file, int acc_mode, bool truncating)
{
	int mask;

	if (!sima_hook_active() || !is_reg_file(file))
		return 0;
	mask = sima_open_mask(acc_mode);
	if (!live_access(SIMA_EV_FILE_OPEN, SIMA_FUNC_FILE_CHECK, file, mask))
		return 0;
	return file_event(SIMA_EV_FILE_OPEN, SIMA_FUNC_FILE_CHECK, file, mask,
			  truncating);
}

/*
 * Before ->release, like ima_file_free(): the file is still whole. Only a
 * writer's close can change anything (ima_check_last_writer()); the other
 * closes, the common case, are only counted.
 */
void sima_hook___fput(struct file *file)
{
	sima_hook_enter();
	if (sima_hook_active() && (file->f_mode & FMODE_OPENED) &&
	    is_reg_file(file)) {
		if (file->f_mode & FMODE_WRITE)
			file_event(SIMA_EV_FILE_FREE, SIMA_FUNC_NONE, file, 0,
				   false);
		else
			sima_dispatch_count(SIMA_EV_FILE_FREE);
	}
	sima_orig___fput(file);
	sima_hook_exit();
}

int sima_hook_security_kernel_read_file(struct file *file,
					enum kernel_read_file_id id,
					bool contents)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_read_file(file, id, contents);
	if (!ret && sima_hook_active())
		ret = sima_data_event(SIMA_EV_READ_FILE,
				      sima_read_id_func(id), file, NULL, 0,
				      id, contents);
	sima_hook_exit();
	return ret;
}

int sima_hook_security_kernel_post_read_file(struct file *file,
					     char *buf, loff_t size,
					     enum kernel_read_file_id id)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_post_read_file(file, buf, size, id);
	if (!ret && sima_hook_active())
		ret = sima_data_event(SIMA_EV_POST_READ_FILE,
				      sima_read_id_func(id), file, buf, size,
				      id, true);
	sima_hook_exit();
	return ret;
}

int sima_hook_security_kernel_load_data(enum kernel_load_data_id id,
					bool contents)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_load_data(id, contents);
	if (!ret && sima_hook_active())
		ret = sima_data_event(SIMA_EV_LOAD_DATA,
				      sima_load_id_func(id), NULL, NULL, 0,
				      id, contents);
	sima_hook_exit();
	return ret;
}

int sima_hook_security_kernel_post_load_data(char *buf, loff_t size,
					     enum kernel_load_data_id id,
					     char *description)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_post_load_data(buf, size, id,
						       description);
	if (!ret && sima_hook_active())
		ret = sima_data_event(SIMA_EV_POST_LOAD_DATA,
				      sima_load_id_func(id), NULL, buf, size,
				      id, true);
	sima_hook_exit();
	return ret;
}

int sima_hook_security_inode_setxattr(struct sima_idmap *idmap,
				      struct dentry *dentry,
				      const char *name,
				      const void *value, size_t size,
				      int flags)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_setxattr(idmap, dentry, name, value,
						size, flags);
	if (!ret && sima_hook_active())
		ret = sima_dentry_event(SIMA_EV_SETXATTR, dentry, name, value,
					size, NULL);
	sima_hook_exit();
	return ret;
}

void sima_hook_security_inode_post_setxattr(struct dentry *dentry,
					    const char *name,
					    const void *value,
					    size_t size, int flags)
{
	sima_hook_enter();
	sima_orig_security_inode_post_setxattr(dentry, name, value, size,
					       flags);
	if (sima_hook_active())
		sima_dentry_event(SIMA_EV_POST_SETXATTR, dentry, name, value,
				  size, NULL);
	sima_hook_exit();
}

int
sima_hook_security_inode_removexattr(struct sima_idmap *idmap,
				     struct dentry *dentry, const char *name)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_removexattr(idmap, dentry, name);
	if (!ret && sima_hook_active())
		ret = sima_dentry_event(SIMA_EV_REMOVEXATTR, dentry, name, NULL,
					0, NULL);
	sima_hook_exit();
	return ret;
}

int sima_hook___vfs_removexattr_locked(struct sima_idmap *idmap,
				       struct dentry *dentry,
				       const char *name,
				       struct inode **delegated_inode)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig___vfs_removexattr_locked(idmap, dentry, name,
						 delegated_inode);
	if (!ret && sima_hook_active())
		sima_dentry_event(SIMA_EV_POST_REMOVEXATTR, dentry, name, NULL,
				  0, NULL);
	sima_hook_exit();
	return ret;
}

int sima_hook_security_inode_setattr(struct sima_idmap *idmap,
				     struct dentry *dentry,
				     struct iattr *attr)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_setattr(idmap, dentry, attr);
	if (!ret && sima_hook_active())
		ret = sima_dentry_event(SIMA_EV_SETATTR, dentry, NULL, NULL, 0,
					attr);
	sima_hook_exit();
	return ret;
}

int sima_hook_notify_change(struct sima_idmap *idmap,
			    struct dentry *dentry, struct iattr *attr,
			    struct inode **delegated_inode)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_notify_change(idmap, dentry, attr,
				      delegated_inode);
	if (!ret && sima_hook_active())
		sima_dentry_event(SIMA_EV_POST_SETATTR, dentry, NULL, NULL, 0,
				  attr);
	sima_hook_exit();
	return ret;
}

int sima_hook_vfs_tmpfile(struct sima_idmap *idmap,
			  const struct path *parentpath,
			  struct file *file, umode_t mode)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_vfs_tmpfile(idmap, parentpath, file, mode);
	if (!ret && sima_hook_active())
		file_event(SIMA_EV_POST_TMPFILE, SIMA_FUNC_FILE_CHECK, file,
			   MAY_ACCESS, false);
	sima_hook_exit();
	return ret;
}

int sima_hook_do_mknodat(int dfd, struct filename *name, umode_t mode,
			 unsigned int dev)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_do_mknodat(dfd, name, mode, dev);
	if (!ret && sima_hook_active()) {
		struct sima_event ev = {
			.hook = SIMA_EV_POST_MKNOD,
			.cred = current_cred(),
		};

		sima_dispatch(&ev);
	}
	sima_hook_exit();
	return ret;
}

/* May run from reclaim: the dispatcher must neither sleep nor allocate. */
void sima_hook_security_inode_free(struct inode *inode)
{
	sima_hook_enter();
	if (sima_hook_active()) {
		struct sima_event ev = {
			.hook = SIMA_EV_INODE_FREE,
			.inode = inode,
		};

		sima_dispatch(&ev);
	}
	sima_orig_security_inode_free(inode);
	sima_hook_exit();
}

/* IMA measures the certificates that land on asymmetric keyrings. */
key_ref_t sima_hook_key_create_or_update(key_ref_t keyring_ref,
					 const char *type,
					 const char *description,
					 const void *payload,
					 size_t plen, key_perm_t perm,
					 unsigned long flags)
{
	key_ref_t ret;

	sima_hook_enter();
	ret = sima_orig_key_create_or_update(keyring_ref, type, description,
					     payload, plen, perm, flags);
	if (!IS_ERR(ret) && sima_hook_active() &&
	    !strcmp(key_ref_to_ptr(ret)->type->name, "asymmetric")) {
		struct sima_event ev = {
			.hook = SIMA_EV_KEY_UPDATE,
			.func = SIMA_FUNC_KEY_CHECK,
			.cred = current_cred(),
			.buf = payload,
			.size = plen,
			.keyring = key_ref_to_ptr(keyring_ref)->description,
		};

		sima_dispatch(&ev);
	}
	sima_hook_exit();
	return ret;
}

/*
 * A key revoked, invalidated, unlinked or moved, or a keyring cleared,
 * revoked or invalidated: what verified with it may no longer be trusted. Upstream
 * keeps its cached verdicts; sima drops them.
 */
static void key_withdrawn(const struct key *key)
{
	struct sima_event ev = {
		.hook = SIMA_EV_KEY_WITHDRAWN,
		.cred = current_cred(),
	};

	if (sima_hook_active() && (key->type == &key_type_asymmetric ||
				   key->type == &key_type_keyring))
		sima_dispatch(&ev);
}

void sima_hook_key_revoke(struct key *key)
{
	sima_hook_enter();
	sima_orig_key_revoke(key);
	key_withdrawn(key);
	sima_hook_exit();
}

void sima_hook_key_invalidate(struct key *key)
{
	sima_hook_enter();
	sima_orig_key_invalidate(key);
	key_withdrawn(key);
	sima_hook_exit();
}

int sima_hook_key_unlink(struct key *keyring, struct key *key)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_key_unlink(keyring, key);
	if (!ret)
		key_withdrawn(key);
	sima_hook_exit();
	return ret;
}

int sima_hook_key_move(struct key *key, struct key *from_keyring,
		       struct key *to_keyring, unsigned int flags)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_key_move(key, from_keyring, to_keyring, flags);
	if (!ret)
		key_withdrawn(key);
	sima_hook_exit();
	return ret;
}

int sima_hook_keyring_clear(struct key *keyring)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_keyring_clear(keyring);
	if (!ret)
		key_withdrawn(keyring);
	sima_hook_exit();
	return ret;
}

/*
 * Subsystems report critical data (device-mapper tables, SELinux state)
 * through native IMA's function, which only kernels with IMA have.
 */
int sima_hook_ima_measure_critical_data(const char *event_label,
					const char *event_name,
					const void *buf, size_t buf_len,
					bool hash, u8 *digest,
					size_t digest_len)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_ima_measure_critical_data(event_label, event_name, buf,
						  buf_len, hash, digest,
						  digest_len);
	if (event_label && event_name && buf && buf_len &&
	    sima_hook_active()) {
		struct sima_event ev = {
			.hook = SIMA_EV_CRITICAL_DATA,
			.func = SIMA_FUNC_CRITICAL_DATA,
			.cred = current_cred(),
			.buf = buf,
			.size = buf_len,
			.label = event_label,
			.data_name = event_name,
			.hash_buf = hash,
		};

		sima_dispatch(&ev);
	}
	sima_hook_exit();
	return ret;
}
