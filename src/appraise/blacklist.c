// SPDX-License-Identifier: GPL-2.0
/*
 * sima - revoked signing keys and file digests
 *
 * /sys/kernel/security/sima/blacklist takes lines "key:<8 hex digits>" (the
 * key id a v2 signature names) and "<algo>:<hex digest>" (a file's content
 * digest). Appraisal then fails a file whose digest is listed (cause
 * "blacklisted-hash"), and a signature made with a listed key
 * ("invalid-signature"), however valid. Revocation is one-way: entries
 * only come, and each write makes every cached verdict stale. Lines are
 * parsed by src/appraise/blacklist_parse.c, which user space builds too.
 */

#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "sima/blacklist_parse.h"
#include "sima/digest.h"
#include "sima/hash.h"
#include "sima/securityfs.h"
#include "sima/trust.h"
#include "appraise/blacklist.h"

struct entry {
	struct list_head node;
	struct sima_blacklist_item item;
};

/* Protects @entries; sleeps. Appraisal reads under it (rarely large). */
static DEFINE_MUTEX(blacklist_mutex);
static LIST_HEAD(entries);
static struct dentry *blacklist_file;

/**
 * sima_blacklist_has_digest - is a file digest revoked
 * @digest: the file's digest
 *
 * Return: true if listed (same algorithm and bytes).
 */
bool sima_blacklist_has_digest(const struct sima_digest *digest)
{
	struct entry *e;
	bool found = false;

	mutex_lock(&blacklist_mutex);
	list_for_each_entry(e, &entries, node) {
		if (!e->item.key && e->item.digest.algo == digest->algo &&
		    !memcmp(e->item.digest.data, digest->data, digest->len)) {
			found = true;
			break;
		}
	}
	mutex_unlock(&blacklist_mutex);
	return found;
}

/**
 * sima_blacklist_has_keyid - is a signing key revoked
 * @keyid: the key id of a v2 signature header
 *
 * Return: true if listed.
 */
bool sima_blacklist_has_keyid(u32 keyid)
{
	struct entry *e;
	bool found = false;

	mutex_lock(&blacklist_mutex);
	list_for_each_entry(e, &entries, node) {
		if (e->item.key && e->item.keyid == keyid) {
			found = true;
			break;
		}
	}
	mutex_unlock(&blacklist_mutex);
	return found;
}

static ssize_t blacklist_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct sima_blacklist_item item;
	char *buf, *cur, *line;
	unsigned int lineno = 0;
	struct entry *e, *tmp;
	const char *why;
	LIST_HEAD(add);
	int err = 0;

	if (*ppos || count >= PAGE_SIZE)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	cur = buf;
	while (!err && (line = strsep(&cur, "\n"))) {
		lineno++;
		err = sima_blacklist_parse_line(line, &item, &why);
		if (err > 0) {
			err = 0;
			continue;
		}
		if (err) {
			pr_err("blacklist: line %u: %s\n", lineno, why);
			break;
		}
		e = kzalloc(sizeof(*e), GFP_KERNEL);
		if (!e) {
			err = -ENOMEM;
			break;
		}
		e->item = item;
		list_add_tail(&e->node, &add);
	}
	kfree(buf);
	if (err) {
		list_for_each_entry_safe(e, tmp, &add, node)
			kfree(e);
		return err;
	}
	mutex_lock(&blacklist_mutex);
	list_splice_tail(&add, &entries);
	mutex_unlock(&blacklist_mutex);
	sima_trust_withdraw();
	return count;
}

static int blacklist_show(struct seq_file *m, void *v)
{
	struct entry *e;

	mutex_lock(&blacklist_mutex);
	list_for_each_entry(e, &entries, node) {
		if (e->item.key)
			seq_printf(m, "key:%08x\n", e->item.keyid);
		else
			seq_printf(m, "%s:%*phN\n",
				   sima_hash_algo_name(e->item.digest.algo),
				   e->item.digest.len, e->item.digest.data);
	}
	mutex_unlock(&blacklist_mutex);
	return 0;
}

static int blacklist_open(struct inode *inode, struct file *file)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if ((file->f_mode & FMODE_READ) && (file->f_mode & FMODE_WRITE))
		return -EACCES;
	if (file->f_mode & FMODE_WRITE)
		return 0;
	return single_open(file, blacklist_show, NULL);
}

static int blacklist_release(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_WRITE)
		return 0;
	return single_release(inode, file);
}

static const struct file_operations blacklist_fops = {
	.owner = THIS_MODULE,
	.open = blacklist_open,
	.read = seq_read,
	.write = blacklist_write,
	.llseek = seq_lseek,
	.release = blacklist_release,
};

/**
 * sima_blacklist_fs_init - create the blacklist file
 *
 * Return: 0 or the securityfs error.
 */
int sima_blacklist_fs_init(void)
{
	return sima_fs_file("blacklist", 0600, &blacklist_fops,
			    &blacklist_file);
}

/**
 * sima_blacklist_fs_exit - remove the file
 */
void sima_blacklist_fs_exit(void)
{
	securityfs_remove(blacklist_file);
	blacklist_file = NULL;
}

/**
 * sima_blacklist_exit - free every entry; no hook can run any more
 */
void sima_blacklist_exit(void)
{
	struct entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, &entries, node)
		kfree(e);
	INIT_LIST_HEAD(&entries);
}
