// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the wrappers of the hook targets only Linux 6.1 has
 *
 * FILE_CHECK: native IMA checks an open in do_open(), after the file is
 * open and before an O_TRUNC open truncates it, and knfsd's opens through
 * ima_file_check(). No single function sima can hook covers that: the
 * opens are checked on their way out of do_filp_open() and
 * do_file_open_root(), an O_TRUNC open in its do_truncate(), before the
 * contents go, and knfsd's in ima_file_check(). The kexec command line
 * is measured where the image loader is asked to load.
 */

#include <linux/fs.h>
#include <linux/ima.h>
#include <linux/kexec.h>

#include "sima/kallsyms.h"
#include "kernel/hooks/wrappers.h"

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

/* The originals only Linux 6.1 has. */
struct file *sima_orig_do_filp_open(int dfd, struct filename *pathname,
				    const struct sima_open_flags *op);
struct file *sima_orig_do_file_open_root(const struct path *root,
					 const char *name,
					 const struct sima_open_flags *op);
typeof(do_truncate) sima_orig_do_truncate;
typeof(ima_file_check) sima_orig_ima_file_check;
typeof(arch_kexec_kernel_image_load)
	sima_orig_arch_kexec_kernel_image_load;

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
	ret = sima_file_check(file, op->acc_mode, false);
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
		ret = sima_file_check(filp, trunc_acc_mode(filp), true);
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
		ret = sima_file_check(file, mask, false);
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
		sima_data_event(SIMA_EV_KEXEC_CMDLINE, SIMA_FUNC_KEXEC_CMDLINE,
				NULL, image->cmdline_buf,
				image->cmdline_buf_len, 0, true);
	ret = sima_orig_arch_kexec_kernel_image_load(image);
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
 * sima_series_prepare - what the 6.1 wrappers need before they run
 *
 * Return: 0, or -ENOENT without vmlinux's text bounds.
 */
int sima_series_prepare(void)
{
	core_text_start = sima_kallsyms_lookup("_stext");
	core_text_end = sima_kallsyms_lookup("_etext");
	return core_text_start && core_text_end ? 0 : -ENOENT;
}
