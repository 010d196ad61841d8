// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the hooked kernel functions and their wrappers
 *
 * Each wrapper stands at one IMA/EVM call site of Linux 6.1: it calls the
 * original (so other LSMs decide first, as for native IMA), turns its
 * arguments into one struct sima_event and lets sima_dispatch() decide.
 * Where native IMA runs before the function's own work (file free, inode
 * free) the event comes first.
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
#include <linux/ima.h>
#include <linux/kexec.h>
#include <linux/key-type.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/personality.h>
#include <linux/sched.h>
#include <linux/xattr.h>

#include "sima/classify.h"
#include "sima/dispatch.h"
#include "sima/hash.h"
#include "sima/kallsyms.h"
#include "sima/policy_active.h"
#include "kernel/hook.h"
#include "hook_targets.h"

/* Cleared first on unload: wrappers keep calling the original, silently. */
bool sima_hooks_live;

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

static int dentry_event(enum sima_hook_id hook, struct dentry *dentry,
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

/* Module, firmware, kexec and policy loads: by file or from a buffer. */
static int data_event(enum sima_hook_id hook, enum sima_func func,
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

static int sima_hook_security_bprm_check(struct linux_binprm *bprm)
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

static int sima_hook_security_mmap_file(struct file *file, unsigned long prot,
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
static int sima_hook_security_file_mprotect(struct vm_area_struct *vma,
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

/* FILE_CHECK of an opened file, with the MAY_* bits of its open. */
static int file_check(struct file *file, int acc_mode, bool truncating)
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
 * Opens do_open() truncates: FILE_CHECK ran in the do_truncate() wrapper,
 * before the contents went. O_TMPFILE opens get none, as upstream: the new
 * inode is a new file (the vfs_tmpfile() wrapper).
 */
static bool checked_elsewhere(const struct file *file,
			      const struct sima_open_flags *op)
{
	if ((op->open_flag & __O_TMPFILE) == __O_TMPFILE)
		return true;
	return (op->open_flag & O_TRUNC) && !(file->f_mode & FMODE_CREATED) &&
	       S_ISREG(file_inode(file)->i_mode);
}

/* FILE_CHECK after a successful open; a denial closes the file again. */
static struct file *open_check(struct file *file,
			       const struct sima_open_flags *op)
{
	int ret;

	if (IS_ERR(file) || checked_elsewhere(file, op))
		return file;
	ret = file_check(file, op->acc_mode, false);
	if (ret) {
		fput(file);
		return ERR_PTR(ret);
	}
	return file;
}

static struct file *sima_hook_do_filp_open(int dfd, struct filename *pathname,
					   const struct sima_open_flags *op)
{
	struct file *file;

	sima_hook_enter();
	file = open_check(sima_orig_do_filp_open(dfd, pathname, op), op);
	sima_hook_exit();
	return file;
}

static struct file *sima_hook_do_file_open_root(const struct path *root,
						const char *name,
						const struct sima_open_flags *op)
{
	struct file *file;

	sima_hook_enter();
	file = open_check(sima_orig_do_file_open_root(root, name, op), op);
	sima_hook_exit();
	return file;
}

/*
 * The MAY_* bits of an O_TRUNC open, rebuilt from the file as the VFS
 * built them from the flags: O_TRUNC adds MAY_WRITE; exec opens never
 * truncate.
 */
static int trunc_acc_mode(const struct file *file)
{
	int acc_mode = MAY_OPEN | MAY_WRITE;

	if (file->f_mode & FMODE_READ)
		acc_mode |= MAY_READ;
	if (file->f_flags & O_APPEND)
		acc_mode |= MAY_APPEND;
	return acc_mode;
}

/*
 * do_open() truncates an O_TRUNC open through here (ATTR_OPEN, with the
 * file): FILE_CHECK comes first, as upstream's, so that a refused open
 * leaves the contents alone and appraisal judges the file as it was.
 */
static int sima_hook_do_truncate(struct user_namespace *mnt_userns,
				 struct dentry *dentry, loff_t length,
				 unsigned int time_attrs, struct file *filp)
{
	int ret = 0;

	sima_hook_enter();
	if (filp && (time_attrs & ATTR_OPEN))
		ret = file_check(filp, trunc_acc_mode(filp), true);
	if (!ret)
		ret = sima_orig_do_truncate(mnt_userns, dentry, length,
					    time_attrs, filp);
	sima_hook_exit();
	return ret;
}

/* vmlinux's text: a caller elsewhere is a module's. */
static unsigned long core_text_start, core_text_end;

/*
 * knfsd opens files for its clients with FILE_CHECK through native IMA's
 * ima_file_check(), on kernels that have it. Its other caller, do_open(),
 * is in vmlinux and checked by the open wrappers; a caller in a module's
 * text is nfsd.ko's.
 */
static int sima_hook_ima_file_check(struct file *file, int mask)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	int ret;

	sima_hook_enter();
	ret = sima_orig_ima_file_check(file, mask);
	if (!ret && (caller < core_text_start || caller >= core_text_end))
		ret = file_check(file, mask, false);
	sima_hook_exit();
	return ret;
}

/*
 * Before ->release, like ima_file_free(): the file is still whole. Only a
 * writer's close can change anything (ima_check_last_writer()); the other
 * closes, the common case, are only counted.
 */
static void sima_hook___fput(struct file *file)
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

static int sima_hook_security_kernel_read_file(struct file *file,
					       enum kernel_read_file_id id,
					       bool contents)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_read_file(file, id, contents);
	if (!ret && sima_hook_active())
		ret = data_event(SIMA_EV_READ_FILE, sima_read_id_func(id), file,
				 NULL, 0, id, contents);
	sima_hook_exit();
	return ret;
}

static int sima_hook_security_kernel_post_read_file(struct file *file,
						    char *buf, loff_t size,
						    enum kernel_read_file_id id)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_post_read_file(file, buf, size, id);
	if (!ret && sima_hook_active())
		ret = data_event(SIMA_EV_POST_READ_FILE, sima_read_id_func(id),
				 file, buf, size, id, true);
	sima_hook_exit();
	return ret;
}

static int sima_hook_security_kernel_load_data(enum kernel_load_data_id id,
					       bool contents)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_load_data(id, contents);
	if (!ret && sima_hook_active())
		ret = data_event(SIMA_EV_LOAD_DATA, sima_load_id_func(id), NULL,
				 NULL, 0, id, contents);
	sima_hook_exit();
	return ret;
}

static int sima_hook_security_kernel_post_load_data(char *buf, loff_t size,
						    enum kernel_load_data_id id,
						    char *description)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_kernel_post_load_data(buf, size, id,
						       description);
	if (!ret && sima_hook_active())
		ret = data_event(SIMA_EV_POST_LOAD_DATA, sima_load_id_func(id),
				 NULL, buf, size, id, true);
	sima_hook_exit();
	return ret;
}

/*
 * kexec_file_load() measures the command line just before it asks the
 * image loader to load: the same point, with the command line in place.
 * The event is measure-only, so the dispatcher cannot refuse it.
 */
static void *sima_hook_arch_kexec_kernel_image_load(struct kimage *image)
{
	void *ret;

	sima_hook_enter();
	if (sima_hook_active())
		data_event(SIMA_EV_KEXEC_CMDLINE, SIMA_FUNC_KEXEC_CMDLINE, NULL,
			   image->cmdline_buf, image->cmdline_buf_len, 0, true);
	ret = sima_orig_arch_kexec_kernel_image_load(image);
	sima_hook_exit();
	return ret;
}

static int sima_hook_security_inode_setxattr(struct user_namespace *mnt_userns,
					     struct dentry *dentry,
					     const char *name,
					     const void *value, size_t size,
					     int flags)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_setxattr(mnt_userns, dentry, name, value,
						size, flags);
	if (!ret && sima_hook_active())
		ret = dentry_event(SIMA_EV_SETXATTR, dentry, name, value, size,
				   NULL);
	sima_hook_exit();
	return ret;
}

static void sima_hook_security_inode_post_setxattr(struct dentry *dentry,
						   const char *name,
						   const void *value,
						   size_t size, int flags)
{
	sima_hook_enter();
	sima_orig_security_inode_post_setxattr(dentry, name, value, size,
					       flags);
	if (sima_hook_active())
		dentry_event(SIMA_EV_POST_SETXATTR, dentry, name, value, size,
			     NULL);
	sima_hook_exit();
}

static int
sima_hook_security_inode_removexattr(struct user_namespace *mnt_userns,
				     struct dentry *dentry, const char *name)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_removexattr(mnt_userns, dentry, name);
	if (!ret && sima_hook_active())
		ret = dentry_event(SIMA_EV_REMOVEXATTR, dentry, name, NULL, 0,
				   NULL);
	sima_hook_exit();
	return ret;
}

static int sima_hook___vfs_removexattr_locked(struct user_namespace *mnt_userns,
					      struct dentry *dentry,
					      const char *name,
					      struct inode **delegated_inode)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig___vfs_removexattr_locked(mnt_userns, dentry, name,
						 delegated_inode);
	if (!ret && sima_hook_active())
		dentry_event(SIMA_EV_POST_REMOVEXATTR, dentry, name, NULL, 0,
			     NULL);
	sima_hook_exit();
	return ret;
}

static int sima_hook_security_inode_setattr(struct user_namespace *mnt_userns,
					    struct dentry *dentry,
					    struct iattr *attr)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_security_inode_setattr(mnt_userns, dentry, attr);
	if (!ret && sima_hook_active())
		ret = dentry_event(SIMA_EV_SETATTR, dentry, NULL, NULL, 0, attr);
	sima_hook_exit();
	return ret;
}

static int sima_hook_notify_change(struct user_namespace *mnt_userns,
				   struct dentry *dentry, struct iattr *attr,
				   struct inode **delegated_inode)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_notify_change(mnt_userns, dentry, attr,
				      delegated_inode);
	if (!ret && sima_hook_active())
		dentry_event(SIMA_EV_POST_SETATTR, dentry, NULL, NULL, 0, attr);
	sima_hook_exit();
	return ret;
}

static int sima_hook_vfs_tmpfile(struct user_namespace *mnt_userns,
				 const struct path *parentpath,
				 struct file *file, umode_t mode)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_vfs_tmpfile(mnt_userns, parentpath, file, mode);
	if (!ret && sima_hook_active())
		file_event(SIMA_EV_POST_TMPFILE, SIMA_FUNC_FILE_CHECK, file,
			   MAY_ACCESS, false);
	sima_hook_exit();
	return ret;
}

static int sima_hook_do_mknodat(int dfd, struct filename *name, umode_t mode,
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
static void sima_hook_security_inode_free(struct inode *inode)
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
static key_ref_t sima_hook_key_create_or_update(key_ref_t keyring_ref,
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

static void sima_hook_key_revoke(struct key *key)
{
	sima_hook_enter();
	sima_orig_key_revoke(key);
	key_withdrawn(key);
	sima_hook_exit();
}

static void sima_hook_key_invalidate(struct key *key)
{
	sima_hook_enter();
	sima_orig_key_invalidate(key);
	key_withdrawn(key);
	sima_hook_exit();
}

static int sima_hook_key_unlink(struct key *keyring, struct key *key)
{
	int ret;

	sima_hook_enter();
	ret = sima_orig_key_unlink(keyring, key);
	if (!ret)
		key_withdrawn(key);
	sima_hook_exit();
	return ret;
}

static int sima_hook_key_move(struct key *key, struct key *from_keyring,
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

static int sima_hook_keyring_clear(struct key *keyring)
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
static int sima_hook_ima_measure_critical_data(const char *event_label,
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

unsigned long sima_orig_addrs[SIMA_NR_TARGETS] __ro_after_init;

/*
 * In hook_targets.def's order: sima_hook_entry scans it hottest first.
 * Each wrapper must have its original's prototype (the kernel's own,
 * where a header declares it).
 */
#define SIMA_TARGET(fn, opt)						\
	SIMA_HOOK(#fn, sima_hook_##fn, &sima_orig_addrs[SIMA_TARGET_##fn], \
		  (opt) + BUILD_BUG_ON_ZERO(!__same_type(sima_hook_##fn,	\
							 sima_orig_##fn))),

static struct sima_hook sima_hook_table[] = {
#include "hook_targets.def"
#undef SIMA_TARGET
};

static struct sima_hook_set sima_hooks = {
	.hooks = sima_hook_table,
	.nr = ARRAY_SIZE(sima_hook_table),
};

/**
 * sima_hooks_prepare - find every call site, before sima measures anything
 *
 * Return: 0, or the error of sima_hooks_resolve() (already reported).
 */
int sima_hooks_prepare(void)
{
	core_text_start = sima_kallsyms_lookup("_stext");
	core_text_end = sima_kallsyms_lookup("_etext");
	if (!core_text_start || !core_text_end)
		return -ENOENT;
	return sima_hooks_resolve(&sima_hooks);
}

/**
 * sima_hooks_unprepare - undo sima_hooks_prepare(), the hooks removed
 */
void sima_hooks_unprepare(void)
{
	sima_hooks_forget(&sima_hooks);
}

/**
 * sima_hooks_init - hook every IMA/EVM call site and start reporting
 *
 * Return: 0, or the error of sima_hooks_install() (already reported).
 */
int sima_hooks_init(void)
{
	int err;

	err = sima_hooks_install(&sima_hooks);
	if (!err)
		WRITE_ONCE(sima_hooks_live, true);
	return err;
}

/**
 * sima_hooks_exit - unhook every call site; returns once no task is inside
 */
void sima_hooks_exit(void)
{
	/* Wrappers still running keep calling the original, silently. */
	WRITE_ONCE(sima_hooks_live, false);
	sima_hooks_remove(&sima_hooks);
}
