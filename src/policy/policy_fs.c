// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the securityfs "policy" file: reading and loading the IMA policy
 *
 * Byte for byte the file of Linux 6.1's IMA (ima_fs.c), built with
 * CONFIG_IMA_READ_POLICY and, by default, CONFIG_IMA_WRITE_POLICY:
 *
 * - open O_RDONLY (CAP_SYS_ADMIN) reads the active rules back, one per
 *   line; any other open without O_WRONLY is refused with EACCES;
 * - open O_WRONLY starts a transaction; only one writer at a time (EBUSY);
 * - each write() parses one rule line and returns its length + 1, or, when
 *   the data starts with '/', loads every line of the file at that path
 *   (read through kernel_read_file(), so POLICY_CHECK rules apply to it);
 * - any failed write spoils the transaction;
 * - close makes a good, non-empty transaction active: appended to the
 *   custom rules, the first one replacing the boot policy.
 *
 * With policy_writable=0 the file is write-once, as IMA without
 * CONFIG_IMA_WRITE_POLICY: after a successful load it turns 0400 and opens
 * for writing get EBUSY.
 *
 * Unlike IMA, the transaction lives in the open file (struct policy_txn),
 * and readers of the file see one consistent policy from open to close.
 */

#include <crypto/hash.h>
#include <linux/bitops.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kernel_read_file.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uidgid.h>
#include <linux/vmalloc.h>

#include "sima/audit.h"
#include "sima/digest.h"
#include "sima/policy_active.h"
#include "sima/securityfs.h"
#include "sima/verity.h"
#include "policy/lsm.h"
#include "policy/policy_load.h"

static bool policy_writable = true;
module_param(policy_writable, bool, 0444);
MODULE_PARM_DESC(policy_writable,
		 "Policy can be extended by appending rules after it was loaded, as CONFIG_IMA_WRITE_POLICY=y; 0 makes it write-once (default: 1)");

/* At most this much of a rejected line goes to the log. */
#define SHOWN_LINE_MAX	200

/* Bits of policy_fs_flags, changed with atomic bit operations only. */
enum {
	POLICY_BUSY,	/* a writer has the file open, or write-once loaded */
};

static unsigned long policy_fs_flags;
static struct dentry *policy_file;
/* From the parts above the policy, set at init (sima_policy_fs_init()). */
static bool modsig_supported;
static void (*policy_loaded)(void);

/**
 * struct policy_txn - one writer's transaction, in file->private_data
 * @lock: serialises the write() calls of this open file (threads or
 *	processes sharing it) and protects the other fields; sleeps, taken
 *	interruptibly. Never held with sima_policy_mutex; kernel_read_file()
 *	runs sima's hooks under it, which must not take it.
 * @env: what the rules may contain; @env.hash_algos is filled in the
 *	first time a rule names appraise_algos=
 * @have_algos: @env.hash_algos is filled in
 * @batch: the rules parsed so far
 * @lines: rules written directly so far, to name a rejected one
 * @audit: the policy-rule audit record of the rule being parsed, opened
 *	at its first word, or NULL
 * @failed: a write failed: close drops the transaction. Also set without
 *	@lock by writes that fail before taking it (WRITE_ONCE).
 */
struct policy_txn {
	struct mutex lock;	/* see @lock above */
	struct sima_policy_env env;
	bool have_algos;
	struct sima_rule_batch batch;
	unsigned int lines;
	struct audit_buffer *audit;
	bool failed;
};

/**
 * sima_policy_fs_writable - can the policy be extended after a load
 *
 * Return: the policy_writable module parameter.
 */
bool sima_policy_fs_writable(void)
{
	return policy_writable;
}

/* Ids are written in the writer's user namespace. */
static bool map_id(const struct sima_policy_env *env, bool group, u32 id,
		   u32 *kid)
{
	kuid_t uid;
	kgid_t gid;

	if (group) {
		gid = make_kgid(current_user_ns(), id);
		*kid = __kgid_val(gid);
		return gid_valid(gid);
	}
	uid = make_kuid(current_user_ns(), id);
	*kid = __kuid_val(uid);
	return uid_valid(uid);
}

static const char *find_template(const struct sima_policy_env *env,
				 const char *name)
{
	return sima_policy_template(name);
}

/* The algorithms appraise_algos= accepts: those the crypto API has. */
static u32 hash_algos(void)
{
	unsigned int algo;
	u32 algos = 0;

	for (algo = 0; algo < SIMA_HASH_ALGO__LAST; algo++)
		if (crypto_has_shash(sima_hash_algo_name(algo), 0, 0))
			algos |= BIT(algo);
	return algos;
}

/* Runs under the transaction's lock, from sima_rule_batch_add(). */
static void audit_word(const struct sima_policy_env *env, const char *key,
		       char op, const char *val)
{
	struct policy_txn *txn = container_of(env, struct policy_txn, env);

	if (!txn->audit)
		txn->audit = sima_audit_rule_start();
	sima_audit_rule_word(txn->audit, key, op, val);
}

static int add_rule(struct policy_txn *txn, const char *line, size_t len,
		    unsigned int lineno)
{
	unsigned int nr = txn->batch.nr;
	const char *why;
	int err;

	lockdep_assert_held(&txn->lock);
	if (!txn->have_algos && strnstr(line, "appraise_algos=", len)) {
		txn->env.hash_algos = hash_algos();
		txn->have_algos = true;
	}
	err = sima_rule_batch_add(&txn->batch, line, len, &txn->env, &why);
	/* As upstream: a record per rule, none for blanks and comments. */
	if (!txn->audit && (txn->batch.nr != nr || (err && err != -ENOMEM)))
		txn->audit = sima_audit_rule_start();
	sima_audit_rule_end(txn->audit, err);
	txn->audit = NULL;
	if (err) {
		pr_err("policy: line %u: %s: %.*s\n", lineno,
		       why ?: "invalid rule",
		       (int)min_t(size_t, len, SHOWN_LINE_MAX), line);
		sima_audit_msg(SIMA_AUDIT_INTEGRITY_STATUS, NULL, NULL,
			       "update_policy", "invalid-policy", err, false);
	}
	return err;
}

/* Every line of a policy file; the last one must end in a newline too. */
static int add_lines(struct policy_txn *txn, const char *text, size_t size)
{
	unsigned int lineno = 0;
	int err;

	while (size) {
		const char *end = memchr(text, '\n', size);
		size_t len = end ? end - text : size;

		lineno++;
		if (!end || memchr(text, '\0', len)) {
			pr_err("policy: line %u: %s: %.*s\n", lineno,
			       end ? "NUL byte in line" :
				     "no newline at end of file",
			       (int)min_t(size_t, len, SHOWN_LINE_MAX), text);
			return -EINVAL;
		}
		err = add_rule(txn, text, len, lineno);
		if (err)
			return err;
		text += len + 1;
		size -= len + 1;
	}
	return 0;
}

/* Loads the file named by the written data, up to its first newline. */
static ssize_t load_file(struct policy_txn *txn, char *data)
{
	size_t written = strlen(data);
	void *text = NULL;
	ssize_t size;
	int err;

	data[strcspn(data, "\n")] = '\0';
	size = kernel_read_file_from_path(data, 0, &text, INT_MAX, NULL,
					  READING_POLICY);
	if (size < 0) {
		pr_err("policy: cannot read %s: %zd\n", data, size);
		return size;
	}
	err = add_lines(txn, text, size);
	vfree(text);
	return err ?: written;
}

static ssize_t write_locked(struct policy_txn *txn, char *data)
{
	size_t len;
	int err;

	if (data[0] == '/')
		return load_file(txn, data);
	if (sima_policy_appraise_required(SIMA_FUNC_POLICY_CHECK)) {
		pr_err("policy: signed policy file (written as an absolute path) required\n");
		sima_audit_msg(SIMA_AUDIT_INTEGRITY_STATUS, NULL, NULL,
			       "policy_update", "signed policy required", 1,
			       false);
		return -EACCES;
	}
	len = strcspn(data, "\n");
	err = add_rule(txn, data, len, ++txn->lines);
	return err ?: len + 1;
}

/**
 * policy_write - parse one rule, or load a policy file
 * @file: the policy file, open for writing
 * @buf: the data; only its first PAGE_SIZE - 1 bytes are looked at
 * @count: its length
 * @ppos: must be 0
 *
 * Return:
 * * length + 1 of the first line of @buf, which was parsed
 * * the length of @buf up to its first NUL, when @buf names a file
 *   (starts with '/') whose every line was parsed
 * * -EINVAL	- *@ppos is not 0, a rule is invalid, or the file is empty
 *		  or does not end with a newline
 * * -EACCES	- a rule was written directly while signed policy files are
 *		  required (an appraise func=POLICY_CHECK rule was active)
 * * -EINTR	- interrupted while waiting for another write()
 * * -ENOMEM, -EFAULT, or the error of kernel_read_file_from_path()
 *
 * Any error spoils the transaction: close will drop it.
 */
static ssize_t policy_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *ppos)
{
	struct policy_txn *txn = file->private_data;
	ssize_t ret = -EINVAL;
	char *data;

	if (*ppos)
		goto out;
	data = memdup_user_nul(buf, min_t(size_t, count, PAGE_SIZE - 1));
	if (IS_ERR(data)) {
		ret = PTR_ERR(data);
		goto out;
	}
	ret = mutex_lock_interruptible(&txn->lock);
	if (!ret) {
		ret = write_locked(txn, data);
		mutex_unlock(&txn->lock);
	}
	kfree(data);
out:
	if (ret < 0)
		WRITE_ONCE(txn->failed, true);
	return ret;
}

static void *policy_seq_start(struct seq_file *m, loff_t *pos)
{
	return (void *)sima_policy_rule(m->private, *pos);
}

static void *policy_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	return (void *)sima_policy_rule(m->private, ++*pos);
}

static void policy_seq_stop(struct seq_file *m, void *v)
{
}

/* Prints straight into the seq_file buffer; too small, it grows. */
static int policy_seq_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t size = seq_get_buf(m, &buf);
	int len = sima_rule_print(v, buf, size);

	seq_commit(m, (size_t)len < size ? len : -1);
	return 0;
}

static const struct seq_operations policy_seq_ops = {
	.start = policy_seq_start,
	.next = policy_seq_next,
	.stop = policy_seq_stop,
	.show = policy_seq_show,
};

/* A reader sees the policy that was active when it opened the file. */
static int open_read(struct file *file)
{
	struct sima_policy *policy;
	int err;

	if ((file->f_flags & O_ACCMODE) != O_RDONLY)
		return -EACCES;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	policy = sima_policy_get();
	if (!policy)
		return -ENOENT;
	err = seq_open(file, &policy_seq_ops);
	if (err) {
		sima_policy_put(policy);
		return err;
	}
	((struct seq_file *)file->private_data)->private = policy;
	return 0;
}

/**
 * policy_open - open the policy file
 * @inode: its inode
 * @file: the open file
 *
 * Return:
 * * 0
 * * -EACCES	- neither O_RDONLY nor O_WRONLY
 * * -EPERM	- reading without CAP_SYS_ADMIN
 * * -EBUSY	- another writer has the file open, or (write-once) the
 *		  policy was already loaded
 * * -ENOMEM
 */
static int policy_open(struct inode *inode, struct file *file)
{
	struct policy_txn *txn;

	if (!(file->f_flags & O_WRONLY))
		return open_read(file);
	if (test_and_set_bit_lock(POLICY_BUSY, &policy_fs_flags))
		return -EBUSY;
	txn = kzalloc(sizeof(*txn), GFP_KERNEL);
	if (!txn) {
		clear_bit_unlock(POLICY_BUSY, &policy_fs_flags);
		return -ENOMEM;
	}
	mutex_init(&txn->lock);
	txn->env.key_check = true;
	txn->env.modsig = modsig_supported;
	txn->env.verity = sima_verity_supported();
	txn->env.custom_policy = sima_policy_is_custom();
	txn->env.map_id = map_id;
	txn->env.find_template = find_template;
	txn->env.lsm_check = sima_lsm_check;
	txn->env.audit_word = audit_word;
	file->private_data = txn;
	return 0;
}

/* Ends a transaction: makes it active if it is good and not empty. */
static int policy_release(struct inode *inode, struct file *file)
{
	struct policy_txn *txn = file->private_data;
	bool ok;

	if (!(file->f_flags & O_WRONLY)) {
		struct sima_policy *policy =
			((struct seq_file *)file->private_data)->private;

		sima_policy_put(policy);
		return seq_release(inode, file);
	}
	ok = !txn->failed && txn->batch.nr && !sima_policy_load(&txn->batch);
	if (ok)
		policy_loaded();
	pr_info("policy update %s\n", ok ? "completed" : "failed");
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_STATUS, NULL, NULL, "policy_update",
		       ok ? "completed" : "failed", !ok, false);
	sima_rule_batch_free(&txn->batch);
	mutex_destroy(&txn->lock);
	kfree(txn);
	if (ok && !policy_writable) {
		/* Write-once: the writer bit stays set. */
		inode->i_mode &= ~0200;
		return 0;
	}
	clear_bit_unlock(POLICY_BUSY, &policy_fs_flags);
	return 0;
}

static const struct file_operations policy_fops = {
	.owner = THIS_MODULE,
	.open = policy_open,
	.write = policy_write,
	.read = seq_read,
	.llseek = generic_file_llseek,
	.release = policy_release,
};

/**
 * sima_policy_fs_init - create the policy file
 * @modsig: appended signatures can be checked: appraise_type=imasig|modsig
 *	and appraise_flag= are accepted
 * @loaded: called after each policy load through the file, with the
 *	writer's credentials; may sleep
 *
 * Return: 0, or a negative errno.
 */
int sima_policy_fs_init(bool modsig, void (*loaded)(void))
{
	modsig_supported = modsig;
	policy_loaded = loaded;
	return sima_fs_file("policy", 0600, &policy_fops, &policy_file);
}

/**
 * sima_policy_fs_exit - remove the policy file
 *
 * Open files pin the module, so none is left when this runs at unload.
 */
void sima_policy_fs_exit(void)
{
	securityfs_remove(policy_file);
	policy_file = NULL;
}
