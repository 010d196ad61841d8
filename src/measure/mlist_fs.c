// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the measurement list files in securityfs
 *
 * binary_runtime_measurements gives the stored records as they are;
 * ascii_runtime_measurements renders each record anew, so the two can
 * never disagree. Readers seek by position, without any lock.
 */

#include <linux/fs.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "sima/securityfs.h"
#include "sima/template.h"
#include "measure/mlist.h"
#include "measure/mlist_fs.h"

static struct dentry *binary_file;
static struct dentry *ascii_file;
static struct dentry *count_file;
static struct dentry *violations_file;

static void *list_start(struct seq_file *m, loff_t *pos)
{
	struct sima_mlist_record *rec = m->private;

	return sima_mlist_get(*pos, rec) ? rec : NULL;
}

static void *list_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return list_start(m, pos);
}

static void list_stop(struct seq_file *m, void *v)
{
}

static int binary_show(struct seq_file *m, void *v)
{
	const struct sima_mlist_record *rec = v;

	seq_write(m, rec->data, rec->len);
	return 0;
}

static int ascii_show(struct seq_file *m, void *v)
{
	const struct sima_mlist_record *rec = v;
	struct sima_record r;
	size_t used, len;
	char *buf;

	if (sima_template_parse_binary(rec->data, rec->len, false, &r, &used))
		return -EINVAL;
	len = sima_template_ascii(r.pcr, r.digest, &r.desc, &r.data, false,
				  NULL, 0);
	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	sima_template_ascii(r.pcr, r.digest, &r.desc, &r.data, false, buf,
			    len + 1);
	seq_write(m, buf, len);
	kfree(buf);
	return 0;
}

static const struct seq_operations binary_seqops = {
	.start = list_start,
	.next = list_next,
	.stop = list_stop,
	.show = binary_show,
};

static const struct seq_operations ascii_seqops = {
	.start = list_start,
	.next = list_next,
	.stop = list_stop,
	.show = ascii_show,
};

static int binary_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &binary_seqops,
				sizeof(struct sima_mlist_record));
}

static int ascii_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &ascii_seqops,
				sizeof(struct sima_mlist_record));
}

static const struct file_operations binary_fops = {
	.owner = THIS_MODULE,
	.open = binary_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

static const struct file_operations ascii_fops = {
	.owner = THIS_MODULE,
	.open = ascii_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

static int count_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%ld\n", (long)sima_mlist_count());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(count);

static int violations_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%ld\n", (long)sima_mlist_violations());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(violations);

/**
 * sima_mlist_fs_init - create the list files in sima's directory
 *
 * Return: 0 or a negative errno; nothing is left behind on failure.
 */
int sima_mlist_fs_init(void)
{
	struct dentry *dir = sima_fs_dir();

	binary_file = securityfs_create_file("binary_runtime_measurements",
					     0440, dir, NULL, &binary_fops);
	ascii_file = securityfs_create_file("ascii_runtime_measurements",
					    0440, dir, NULL, &ascii_fops);
	count_file = securityfs_create_file("runtime_measurements_count",
					    0440, dir, NULL, &count_fops);
	violations_file = securityfs_create_file("violations", 0440, dir,
						 NULL, &violations_fops);
	if (IS_ERR(binary_file) || IS_ERR(ascii_file) || IS_ERR(count_file) ||
	    IS_ERR(violations_file)) {
		sima_mlist_fs_exit();
		return -ENOMEM;
	}
	return 0;
}

/**
 * sima_mlist_fs_exit - remove the list files
 */
void sima_mlist_fs_exit(void)
{
	struct dentry **files[] = {
		&binary_file, &ascii_file, &count_file, &violations_file,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		if (!IS_ERR_OR_NULL(*files[i]))
			securityfs_remove(*files[i]);
		*files[i] = NULL;
	}
}
