// SPDX-License-Identifier: GPL-2.0
/*
 * sima - appraisal: security.ima checked, enforced, fixed
 *
 * For a file an appraise rule matches, the verdict of verdict.c is
 * computed once per content version and cached per hook group (as
 * upstream caches IMA_{FILE,MMAP,BPRM,CREDS,READ}_APPRAISED), then
 * enforced according to ima_appraise=: enforce refuses with EACCES, fix
 * writes the computed hash and passes, log passes, off skips appraisal.
 * Every failure is audited (type 1800, op=appraise_data).
 *
 * Lock order: the iint mutex, then the inode lock (fix mode writes the
 * xattr). Hooks that run under the inode lock (setxattr, setattr) only
 * flip atomic iint bits.
 */

#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/capability.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/xattr.h>

#include "sima/appraise.h"
#include "sima/audit.h"
#include "sima/cmdline.h"
#include "sima/hash.h"
#include "sima/iint.h"
#include "sima/modsig.h"
#include "sima/policy_active.h"
#include "sima/trust.h"
#include "sima/verdict.h"
#include "sima/xattr.h"
#include "sima/xattr_read.h"
#include "appraise/blacklist.h"
#include "appraise/keys.h"
#include "kernel_api.h"

enum appraise_mode {
	MODE_OFF,
	MODE_ENFORCE,
	MODE_FIX,
	MODE_LOG,
};

static char *ima_appraise;
module_param(ima_appraise, charp, 0444);
MODULE_PARM_DESC(ima_appraise, "Appraisal mode: enforce (default), fix, log or off");

static enum appraise_mode mode = MODE_ENFORCE;
/* mode != MODE_OFF, for sima_appraise_active(); set at init. */
bool sima_appraise_on __read_mostly = true;
static unsigned int hash_algo;

/* Upstream matches the mode by prefix. */
static int parse_mode(const char *val, enum appraise_mode *out)
{
	static const char *const names[] = {
		[MODE_OFF] = "off", [MODE_ENFORCE] = "enforce",
		[MODE_FIX] = "fix", [MODE_LOG] = "log",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strncmp(val, names[i], strlen(names[i]))) {
			*out = i;
			return 0;
		}
	}
	return -EINVAL;
}

static void cmdline_opt(char *param, char *val, void *priv)
{
	if (val && !strcmp(param, "ima_appraise") && parse_mode(val, priv))
		pr_warn("ima_appraise=%s on the command line: unknown, ignored\n",
			val);
}

/**
 * sima_appraise_init - choose the mode
 * @algo: ima_hash, the algorithm fix mode and last writers label with
 *
 * Return: 0, or -EINVAL for a bad ima_appraise parameter.
 */
int sima_appraise_init(unsigned int algo)
{
	hash_algo = algo;
	if (ima_appraise) {
		if (parse_mode(ima_appraise, &mode)) {
			pr_err("ima_appraise=%s: not enforce, fix, log or off\n",
			       ima_appraise);
			return -EINVAL;
		}
	} else if (!IS_ENABLED(CONFIG_IMA)) {
		sima_cmdline_each(cmdline_opt, &mode);
	}
	sima_appraise_on = mode != MODE_OFF;
	return 0;
}

/**
 * sima_appraise_enforcing - are appraisal failures refused
 *
 * Return: true in enforce mode.
 */
bool sima_appraise_enforcing(void)
{
	return mode == MODE_ENFORCE;
}

/* What the verdict's callbacks need. */
struct appraisal {
	const struct sima_modsig *ms;
	bool platform;
};

/* Upstream's platform keyring fallback covers type 3 signatures only. */
static int verify(void *priv, const u8 *sig, size_t sig_len, const u8 *data,
		  unsigned int data_len)
{
	const struct appraisal *a = priv;

	return sima_keys_verify(sig, sig_len, data, data_len,
				a->platform && sig[0] == SIMA_XATTR_DIGSIG);
}

static int verify_modsig(void *priv)
{
	const struct appraisal *a = priv;

	return sima_modsig_verify(a->ms, a->platform);
}

/* struct ima_file_id: { type 6, algo, digest }, hashed with the algo. */
static int hash_file_id(void *priv, const u8 *digest, unsigned int len,
			unsigned int algo, u8 *out)
{
	u8 id[2 + SIMA_HASH_MAX_DIGEST_SIZE];
	struct sima_digest d;
	int err;

	id[0] = SIMA_XATTR_VERITY_DIGSIG;
	id[1] = algo;
	memcpy(id + 2, digest, len);
	err = sima_hash_buf(algo, id, 2 + len, &d);
	if (err)
		return err;
	memcpy(out, d.data, d.len);
	return d.len;
}

/* The value upstream writes: type 1 up to sha1, else type 4. */
static int write_hash(struct dentry *dentry, const struct sima_digest *d)
{
	struct inode *inode = d_backing_inode(dentry);
	u8 value[2 + SIMA_HASH_MAX_DIGEST_SIZE];
	size_t len;
	int err;

	if (IS_RDONLY(inode))
		return -EROFS;
	if (IS_IMMUTABLE(inode))
		return -EPERM;
	if (d->algo <= SIMA_HASH_ALGO_SHA1) {
		value[0] = SIMA_XATTR_DIGEST;
		memcpy(value + 1, d->data, d->len);
		len = 1 + d->len;
	} else {
		value[0] = SIMA_XATTR_DIGEST_NG;
		value[1] = d->algo;
		memcpy(value + 2, d->data, d->len);
		len = 2 + d->len;
	}
	inode_lock(inode);
	err = sima_setxattr_noperm(dentry, XATTR_NAME_IMA, value, len);
	inode_unlock(inode);
	return err;
}

/**
 * sima_appraise_unverifiable - does a file's appraisal fail for its fs
 * @inode: the file's backing inode
 * @action: the decision's action bits
 *
 * FUSE and the like: the file system cannot promise that the contents read
 * later are those verified. Signatures there count for nothing when an
 * unprivileged user mounted it, or always under ima_policy=fail_securely.
 *
 * Return: true when nothing on it may pass.
 */
bool sima_appraise_unverifiable(const struct inode *inode, u32 action)
{
	unsigned long f = inode->i_sb->s_iflags;

	return (f & SB_I_IMA_UNVERIFIABLE_SIGNATURE) &&
	       ((f & SB_I_UNTRUSTED_MOUNTER) ||
		(action & SIMA_MATCH_FAIL_UNVERIFIABLE_SIGS));
}

static enum sima_status appraise(const struct sima_event *ev,
				 struct sima_iint *iint,
				 const struct sima_match_result *res,
				 const struct sima_modsig *ms, const char *name)
{
	struct dentry *dentry = file_dentry(ev->file);
	struct inode *inode = ev->inode;
	struct appraisal a = {
		.ms = ms,
		/* Kexec images may be signed by a platform (UEFI db) key. */
		.platform = ev->func == SIMA_FUNC_KEXEC_KERNEL_CHECK,
	};
	struct sima_verdict_in in = {
		.no_xattr_support = !(inode->i_opflags & IOP_XATTR),
		.digest = iint->digest.data,
		.digest_len = iint->digest.len,
		.digest_algo = iint->digest.algo,
		.sig_required = res->action & SIMA_RULE_DIGSIG_REQUIRED,
		.verity_required = res->action & SIMA_RULE_VERITY_REQUIRED,
		.empty = !i_size_read(inode),
		.unverifiable =
			sima_appraise_unverifiable(d_backing_inode(dentry),
						   res->action),
		.verify = verify,
		.hash_file_id = hash_file_id,
		.modsig = !!ms,
		.verify_modsig = verify_modsig,
		.priv = &a,
	};
	struct sima_verdict v;
	u8 *xattr = NULL;
	ssize_t len;

	len = sima_ima_xattr_read(dentry, &xattr);
	in.xattr = xattr;
	in.xattr_len = len;
	if (ev->file->f_mode & FMODE_CREATED)
		set_bit(SIMA_IINT_NEW_FILE, &iint->flags);
	in.new_file = test_bit(SIMA_IINT_NEW_FILE, &iint->flags);
	sima_appraise_verdict(&in, &v);
	if (v.status == SIMA_STATUS_PASS &&
	    sima_blacklist_has_digest(&iint->digest)) {
		v.status = SIMA_STATUS_FAIL;
		v.cause = "blacklisted-hash";
		v.rc = -EKEYREJECTED;
	}
	if (v.digsig)
		set_bit(SIMA_IINT_DIGSIG, &iint->flags);
	else if (xattr)
		clear_bit(SIMA_IINT_DIGSIG, &iint->flags);
	/* Nothing could be checked: upstream neither fixes nor audits. */
	if (in.no_xattr_support && !ms)
		goto out;
	if (v.status == SIMA_STATUS_PASS)
		goto out;
	/* Audited even when fixed, as upstream. */
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, inode, name, "appraise_data",
		       v.cause, v.rc, false);
	if (in.unverifiable)
		goto out;
	/* Fix mode never replaces a signature, appended or not. */
	if (mode == MODE_FIX && !ms &&
	    (!xattr || xattr[0] != SIMA_XATTR_DIGSIG) &&
	    !write_hash(dentry, &iint->digest))
		v.status = SIMA_STATUS_PASS;
	/* A new, empty file may carry its signature already. */
	if (in.empty && in.new_file && test_bit(SIMA_IINT_DIGSIG, &iint->flags))
		v.status = SIMA_STATUS_PASS;
out:
	kfree(xattr);
	return v.status;
}

/**
 * sima_appraise_cached - is a verdict cached for this hook group
 * @iint: the inode's state
 * @sub: the group (enum sima_appraise_sub)
 *
 * Lockless: a stale answer only costs a trip under the mutex.
 *
 * Return: true when the status of @sub is current.
 */
bool sima_appraise_cached(const struct sima_iint *iint, unsigned int sub)
{
	return test_bit(SIMA_IINT_APPRAISED + sub, &iint->flags) &&
	       READ_ONCE(iint->verdict_gen) == sima_trust_gen();
}

/*
 * An executable mapping of a file mapped writable elsewhere: the pages
 * appraised may change under it. Refused after a pass, as upstream.
 */
static int mmapped_writers(const struct sima_event *ev, const char *name)
{
	if (ev->func != SIMA_FUNC_MMAP_CHECK ||
	    !mapping_writably_mapped(ev->file->f_mapping))
		return 0;
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, ev->inode, name, "mmap_file",
		       "mmapped_writers", -ETXTBSY, false);
	return -ETXTBSY;
}

/**
 * sima_appraise_file - appraise a file an appraise rule matched
 * @ev: the access
 * @iint: its inode's state, mutex held, digest current
 * @res: the matching decision
 * @ms: the appended signature of the buffer, when the rule allows one
 * @name: the file's path, for audit records
 *
 * Return: 0, or -EACCES to refuse the access (enforce mode).
 */
int sima_appraise_file(const struct sima_event *ev, struct sima_iint *iint,
		       const struct sima_match_result *res,
		       const struct sima_modsig *ms, const char *name)
{
	unsigned int sub = res->appraise_sub;
	enum sima_status status;
	int rc = 0;

	if (sima_appraise_cached(iint, sub)) {
		status = iint->status[sub];
	} else {
		unsigned int gen = sima_trust_gen();

		/* Read before verifying: a withdrawal during it is seen. */
		if (iint->verdict_gen != gen) {
			sima_iint_forget_verdicts(iint);
			WRITE_ONCE(iint->verdict_gen, gen);
		}
		status = appraise(ev, iint, res, ms, name);
		WRITE_ONCE(iint->status[sub], status);
		/*
		 * Only a pass is cached, as upstream: a failure is appraised
		 * (and audited) again on each access, so that a key added
		 * since can make it pass.
		 */
		if (status == SIMA_STATUS_PASS) {
			/* Lockless readers see the status with the bit. */
			smp_mb__before_atomic();
			set_bit(SIMA_IINT_APPRAISED + sub, &iint->flags);
		}
	}
	if (status != SIMA_STATUS_PASS)
		rc = -EACCES;
	else
		rc = mmapped_writers(ev, name);
	if (!rc && res->appraise_algos &&
	    !(res->appraise_algos & BIT(iint->digest.algo))) {
		sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, ev->inode, name,
			       "collect_data", "denied-hash-algorithm",
			       -EACCES, false);
		rc = -EACCES;
	}
	/* Only a fresh file may be written over its signature. */
	if ((ev->mask & MAY_WRITE) &&
	    test_bit(SIMA_IINT_DIGSIG, &iint->flags) &&
	    !test_bit(SIMA_IINT_NEW_FILE, &iint->flags))
		rc = -EACCES;
	if (rc && mode == MODE_ENFORCE)
		return -EACCES;
	if (ev->file->f_mode & FMODE_WRITE)
		set_bit(SIMA_IINT_UPDATE_XATTR, &iint->flags);
	return 0;
}

/**
 * sima_appraise_last_writer - label a file whose last writer closes
 * @ev: the file_free event of that writer
 * @iint: the inode's state, mutex held; its digest is stale
 *
 * In every mode, as upstream: a file appraised while written gets its
 * new hash in security.ima, unless it is signed or failed appraisal.
 */
void sima_appraise_last_writer(const struct sima_event *ev,
			       struct sima_iint *iint)
{
	struct sima_digest d;

	if (!test_and_clear_bit(SIMA_IINT_UPDATE_XATTR, &iint->flags) ||
	    test_bit(SIMA_IINT_DIGSIG, &iint->flags) ||
	    (iint->status[SIMA_APPRAISE_FILE] != SIMA_STATUS_PASS &&
	     !test_bit(SIMA_IINT_HASH_RULE, &iint->flags)))
		return;
	if (sima_hash_file(ev->file, hash_algo, &d))
		return;
	write_hash(file_dentry(ev->file), &d);
}

/* security.ima or the attributes changed: appraise (and hash) again. */
static void reset(struct inode *inode, bool digsig)
{
	struct sima_iint *iint;

	if (!S_ISREG(inode->i_mode) || !sima_policy_has(SIMA_ACT_APPRAISE))
		return;
	rcu_read_lock();
	iint = sima_iint_find(inode);
	if (iint) {
		clear_bit(SIMA_IINT_HASHED, &iint->flags);
		sima_iint_forget_verdicts(iint);
		if (digsig)
			set_bit(SIMA_IINT_DIGSIG, &iint->flags);
		else
			clear_bit(SIMA_IINT_DIGSIG, &iint->flags);
	}
	rcu_read_unlock();
}

/*
 * The algorithm of a security.ima value being set: one a SETXATTR_CHECK
 * rule allows, or without such a rule ima_hash or any the kernel has.
 * The audit record names the file by its path within its filesystem, as
 * upstream's validate_hash_algo().
 */
static int check_xattr_algo(const struct sima_event *ev)
{
	unsigned int algo = sima_xattr_hash_algo(ev->xattr_value,
						 ev->xattr_size, hash_algo);
	const char *cause = "unavailable-hash-algorithm";
	u32 allowed = sima_policy_setxattr_algos();
	char *pathbuf, *path = NULL;

	if (allowed) {
		if (allowed & BIT(algo))
			return 0;
		cause = "denied-hash-algorithm";
	} else if (algo == hash_algo || sima_hash_available(algo)) {
		return 0;
	}
	pathbuf = __getname();
	if (!pathbuf)
		return -EACCES;
	path = dentry_path_raw(ev->dentry, pathbuf, PATH_MAX);
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, ev->inode,
		       IS_ERR(path) ? NULL : path, "set_data", cause, -EACCES,
		       false);
	__putname(pathbuf);
	return -EACCES;
}

/**
 * sima_appraise_xattr_event - guard security.ima, forget stale verdicts
 * @ev: a setxattr, removexattr or post-setattr event
 *
 * As upstream, whatever the policy: only CAP_SYS_ADMIN may set or remove
 * security.ima, and a value must have a known type and algorithm.
 *
 * Return: 0, or -EPERM, -EINVAL or -EACCES to refuse the change.
 */
int sima_appraise_xattr_event(const struct sima_event *ev)
{
	const u8 *value = ev->xattr_value;
	int err;

	if (ev->hook == SIMA_EV_POST_SETATTR) {
		struct sima_iint *iint;

		if (!S_ISREG(ev->inode->i_mode) ||
		    !sima_policy_has(SIMA_ACT_APPRAISE))
			return 0;
		rcu_read_lock();
		iint = sima_iint_find(ev->inode);
		if (iint)
			sima_iint_forget_verdicts(iint);
		rcu_read_unlock();
		return 0;
	}
	if (!ev->xattr_name || strcmp(ev->xattr_name, XATTR_NAME_IMA))
		return 0;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (ev->hook == SIMA_EV_REMOVEXATTR) {
		reset(ev->inode, false);
		return 0;
	}
	if (!ev->xattr_size || value[0] >= SIMA_XATTR_LAST)
		return -EINVAL;
	err = check_xattr_algo(ev);
	if (err)
		return err;
	reset(ev->inode, value[0] == SIMA_XATTR_DIGSIG);
	return 0;
}

/**
 * sima_appraise_load_data - loads without a file cannot be appraised
 * @ev: a load_data or post_load_data event
 *
 * As upstream: in enforce mode, where an appraise rule for the func has
 * ever been active, a kexec_load(2) image, an init_module(2) module (unless
 * module signatures are enforced) and a firmware loaded through the sysfs
 * fallback are refused.
 *
 * Return: 0, or -EACCES.
 */
int sima_appraise_load_data(const struct sima_event *ev)
{
	if (mode != MODE_ENFORCE || ev->func == SIMA_FUNC_NONE ||
	    !sima_policy_appraise_required(ev->func))
		return 0;
	switch (ev->func) {
	case SIMA_FUNC_KEXEC_KERNEL_CHECK:
		if (ev->hook != SIMA_EV_LOAD_DATA)
			return 0;
		pr_err("impossible to appraise a kernel image without a file descriptor; try using kexec_file_load syscall.\n");
		return -EACCES;
	case SIMA_FUNC_FIRMWARE_CHECK:
		if (ev->hook == SIMA_EV_LOAD_DATA && ev->contents)
			return 0;
		pr_err("Prevent firmware sysfs fallback loading.\n");
		return -EACCES;
	case SIMA_FUNC_MODULE_CHECK:
		if (ev->hook != SIMA_EV_LOAD_DATA || is_module_sig_enforced())
			return 0;
		pr_err("impossible to appraise a module without a file descriptor. sig_enforce kernel parameter might help\n");
		return -EACCES;
	default:
		return 0;
	}
}
