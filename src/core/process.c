// SPDX-License-Identifier: GPL-2.0
/*
 * sima - one event through policy, hashing, measurement, appraisal, audit
 *
 * Upstream's process_measurement(): the policy says what an access needs;
 * the file is hashed once per content version, with the algorithm its
 * security.ima names, under its iint mutex; then it is measured,
 * appraised and audited as asked. Only appraisal refuses accesses, and
 * only in enforce mode; measurement errors leave a file unmeasured and the
 * next access tries again.
 */

#include <linux/fs.h>
#include <linux/iversion.h>
#include <linux/slab.h>
#include <linux/utsname.h>

#include "sima/appraise.h"
#include "sima/audit.h"
#include "sima/dispatch.h"
#include "sima/hash.h"
#include "sima/iint.h"
#include "sima/measure.h"
#include "sima/modsig.h"
#include "sima/policy_active.h"
#include "sima/trust.h"
#include "sima/verdict.h"
#include "sima/verity.h"
#include "sima/xattr.h"
#include "sima/xattr_read.h"
#include "core/key_queue.h"

/* Whether the inode has read-only openers (the count leases keep). */
static bool has_readers(const struct inode *inode)
{
#if defined(CONFIG_IMA) || defined(CONFIG_FILE_LOCKING)
	return atomic_read(&inode->i_readcount) > 0;
#else
	return true;	/* not counted by this kernel: assume the worst */
#endif
}

/*
 * The measured content may not be what a reader sees: a writer opens a
 * file that was measured for a reader (Time of Measure, Time of Use), or a
 * reader has a file measured while a writer has it open.
 */
static void rdwr_violations(const struct sima_event *ev, bool must_measure)
{
	struct inode *inode = ev->inode;
	struct sima_iint *iint;
	bool tomtou;

	if (ev->file->f_mode & FMODE_WRITE) {
		if (!has_readers(inode))
			return;
		rcu_read_lock();
		iint = sima_iint_find(inode);
		tomtou = iint &&
			 test_bit(SIMA_IINT_MUST_MEASURE, &iint->flags);
		rcu_read_unlock();
		if (tomtou)
			sima_measure_violation(ev, "ToMToU");
		return;
	}
	if (!must_measure)
		return;
	/* Set for good: later writers see that a reader relied on it. */
	iint = sima_iint_get(inode);
	if (!IS_ERR(iint))
		set_bit(SIMA_IINT_MUST_MEASURE, &iint->flags);
	if (atomic_read(&inode->i_writecount) > (ev->truncating ? 1 : 0))
		sima_measure_violation(ev, "open_writers");
}

/* Violations concern file and mmap checks, once anything measures. */
static bool violation_check(const struct sima_event *ev, bool file_measure)
{
	return file_measure && ev->file &&
	       (ev->func == SIMA_FUNC_FILE_CHECK ||
		ev->func == SIMA_FUNC_MMAP_CHECK);
}

/*
 * As upstream, a file is hashed with the algorithm its security.ima names
 * (so that it can be compared), else with ima_hash; sima falls back to
 * ima_hash where the crypto API lacks the named one.
 */
static unsigned int file_algo(const struct sima_event *ev)
{
	unsigned int algo = sima_measure_algo();
	u8 *xattr = NULL;
	ssize_t len;

	len = sima_ima_xattr_read(file_dentry(ev->file), &xattr);
	if (len <= 0)
		return algo;
	algo = sima_xattr_hash_algo(xattr, len, algo);
	kfree(xattr);
	return sima_hash_available(algo) ? algo : sima_measure_algo();
}

static int hash_event(const struct sima_event *ev, struct sima_digest *d)
{
	unsigned int algo = file_algo(ev);

	if (ev->buf)
		return sima_hash_buf(algo, ev->buf, ev->size, d);
	return sima_hash_file(ev->file, algo, d);
}

/* A "hash" rule: note a signature, relabel at the last writer's close. */
static void hash_rule(const struct sima_event *ev, struct sima_iint *iint)
{
	u8 *xattr = NULL;
	ssize_t len;

	if (!test_bit(SIMA_IINT_DIGSIG, &iint->flags)) {
		len = sima_ima_xattr_read(file_dentry(ev->file), &xattr);
		if (len > 2 && xattr[0] == SIMA_XATTR_DIGSIG)
			set_bit(SIMA_IINT_DIGSIG, &iint->flags);
		kfree(xattr);
	}
	set_bit(SIMA_IINT_HASH_RULE, &iint->flags);
	set_bit(SIMA_IINT_UPDATE_XATTR, &iint->flags);
}

/* Upstream's collect_data record, named by the file's own name. */
static void audit_hash_failure(const struct sima_event *ev, int err,
			       const char *cause)
{
	struct name_snapshot name;

	take_dentry_name_snapshot(&name, file_dentry(ev->file));
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, ev->inode,
		       (const char *)name.name.name, "collect_data", cause,
		       err, false);
	release_dentry_name_snapshot(&name);
}

/*
 * Hash once per content version; -errno when the file cannot be hashed.
 * A digest_type=verity rule wants fs-verity's digest instead (nothing is
 * read, so O_DIRECT does not matter): the two kinds replace each other,
 * like a new version, so that each rule gets its own.
 */
static int refresh_digest(const struct sima_event *ev,
			  const struct sima_match_result *res,
			  struct sima_iint *iint)
{
	bool verity = res->action & SIMA_RULE_VERITY_REQUIRED;
	u64 version = inode_query_iversion(ev->inode);
	int err;

	if (test_bit(SIMA_IINT_HASHED, &iint->flags) &&
	    test_bit(SIMA_IINT_VERITY, &iint->flags) == verity &&
	    (!IS_I_VERSION(ev->inode) || iint->version == version))
		return 0;
	if (!verity && !ev->buf && (ev->file->f_flags & O_DIRECT)) {
		sima_measure_direct_io(ev, res,
				       res->action & SIMA_ACT_MEASURE);
		return (res->action & SIMA_RULE_PERMIT_DIRECTIO) ? 1 : -EINVAL;
	}
	if (verity)
		err = sima_verity_digest(ev->inode, &iint->digest);
	else
		err = hash_event(ev, &iint->digest);
	if (err) {
		clear_bit(SIMA_IINT_HASHED, &iint->flags);
		if (ev->file)
			audit_hash_failure(ev, err, verity ?
					   sima_verity_cause(err) : "failed");
		return err;
	}
	assign_bit(SIMA_IINT_VERITY, &iint->flags, verity);
	iint->version = version;
	iint->measured_pcrs = 0;
	clear_bit(SIMA_IINT_AUDITED, &iint->flags);
	sima_iint_forget_verdicts(iint);
	set_bit(SIMA_IINT_HASHED, &iint->flags);
	return 0;
}

/*
 * FUSE and the like, where appraisal is not failed outright: contents can
 * change without sima seeing it (no i_version), so every access hashes,
 * measures and appraises again, as upstream.
 */
static bool unseen_changes(const struct inode *inode, u32 action)
{
	return (inode->i_sb->s_iflags & SB_I_IMA_UNVERIFIABLE_SIGNATURE) &&
	       !sima_appraise_unverifiable(inode, action);
}

/*
 * The common case, a file already handled in its current version, is
 * decided from the iint's atomic flags without its mutex.
 */
static bool nothing_to_do(const struct sima_event *ev,
			  const struct sima_match_result *res,
			  struct sima_iint *iint, u32 pcr)
{
	unsigned int sub = res->appraise_sub;

	if (!test_bit(SIMA_IINT_HASHED, &iint->flags) ||
	    test_bit(SIMA_IINT_VERITY, &iint->flags) !=
	    !!(res->action & SIMA_RULE_VERITY_REQUIRED) ||
	    (res->action & SIMA_ACT_HASH))
		return false;
	if (IS_I_VERSION(ev->inode) &&
	    READ_ONCE(iint->version) != inode_peek_iversion(ev->inode))
		return false;
	if ((res->action & SIMA_ACT_MEASURE) &&
	    !(READ_ONCE(iint->measured_pcrs) & BIT_ULL(pcr)))
		return false;
	if ((res->action & SIMA_ACT_AUDIT) &&
	    !test_bit(SIMA_IINT_AUDITED, &iint->flags))
		return false;
	if (!(res->action & SIMA_ACT_APPRAISE))
		return true;
	/* Checked on every executable mapping, cached pass or not. */
	if (ev->func == SIMA_FUNC_MMAP_CHECK &&
	    mapping_writably_mapped(ev->file->f_mapping))
		return false;
	if (!sima_appraise_cached(iint, sub) ||
	    (ev->file->f_mode & FMODE_WRITE) || res->appraise_algos)
		return false;
	/* Pairs with the barrier before the bit is set. */
	smp_rmb();
	return READ_ONCE(iint->status[sub]) == SIMA_STATUS_PASS;
}

/*
 * The measurement (@measure: not yet in its PCR) and appraisal (@fresh:
 * no cached verdict) of a file whose digest is current. Where there is
 * something to do, a buffer a rule lets carry an appended signature has
 * it read first: its digest may be blacklisted, it may decide the
 * appraisal, and a template with modsig fields lists it even if the file
 * was measured without.
 */
static int measure_appraise(const struct sima_event *ev,
			    const struct sima_match_result *res,
			    struct sima_iint *iint, u32 pcr, bool measure,
			    bool fresh, const char *path)
{
	struct sima_modsig modsig, *ms = NULL;
	int rc = 0;

	if ((measure || fresh) && (res->action & SIMA_RULE_MODSIG_ALLOWED) &&
	    ev->buf && !sima_modsig_read(ev->buf, ev->size, &modsig))
		ms = &modsig;
	if (ms && (res->action & SIMA_ACT_MEASURE) &&
	    sima_measure_lists_modsig(res))
		measure = true;
	if (measure && !sima_measure_file(ev, res, &iint->digest, ms, path))
		iint->measured_pcrs |= BIT_ULL(pcr);
	if (!(res->action & SIMA_ACT_APPRAISE))
		goto out;
	/* A blacklisted digest is refused before any appraisal, as upstream. */
	if (ms && fresh && (res->action & SIMA_RULE_CHECK_BLACKLIST) &&
	    sima_modsig_blacklisted(ms)) {
		if (res->action & SIMA_ACT_MEASURE)
			sima_measure_blacklisted(ms->digest, ms->digest_len, res);
		rc = -EPERM;
		goto out;
	}
	rc = sima_appraise_file(ev, iint, res, ms,
				sima_measure_name(ev->file, path));
out:
	if (ms)
		sima_modsig_release(ms);
	return rc;
}

static int process_file(const struct sima_event *ev,
			const struct sima_match_result *res)
{
	u32 pcr = sima_measure_pcr(res);
	bool appraise = res->action & SIMA_ACT_APPRAISE;
	bool measure, audit, fresh, unseen;
	struct sima_iint *iint;
	const char *path = NULL;
	char *pathbuf = NULL;
	int rc;

	iint = sima_iint_get(ev->inode);
	if (IS_ERR(iint))
		return PTR_ERR(iint);
	unseen = unseen_changes(ev->inode, res->action);
	if (!unseen && nothing_to_do(ev, res, iint, pcr))
		return 0;
	mutex_lock(&iint->mutex);
	if (unseen)	/* hash, measure and appraise it all again */
		clear_bit(SIMA_IINT_HASHED, &iint->flags);
	if (res->action & SIMA_ACT_HASH)
		hash_rule(ev, iint);
	if (!(res->action & (SIMA_ACT_MEASURE | SIMA_ACT_AUDIT |
			     SIMA_ACT_APPRAISE))) {
		rc = 0;
		goto out;
	}
	rc = refresh_digest(ev, res, iint);
	if (rc) {
		rc = rc > 0 ? 0 : rc;	/* O_DIRECT: permit_directio */
		goto out;
	}
	measure = (res->action & SIMA_ACT_MEASURE) &&
		  !(iint->measured_pcrs & BIT_ULL(pcr));
	audit = (res->action & SIMA_ACT_AUDIT) &&
		!test_bit(SIMA_IINT_AUDITED, &iint->flags);
	fresh = appraise && !sima_appraise_cached(iint, res->appraise_sub);
	/* Every record of an appraisal, cached or not, names the path. */
	if (measure || audit || appraise) {
		pathbuf = __getname();
		if (pathbuf)
			path = sima_measure_path(ev->file, pathbuf);
	}
	rc = measure_appraise(ev, res, iint, pcr, measure, fresh, path);
	if (audit) {
		sima_audit_measurement(sima_measure_name(ev->file, path),
				       &iint->digest);
		set_bit(SIMA_IINT_AUDITED, &iint->flags);
	}
out:
	mutex_unlock(&iint->mutex);
	if (pathbuf)
		__putname(pathbuf);
	return rc;
}

/*
 * The last writer closes: the content may have changed. A filesystem
 * without i_version gets rehashed; a file appraised while written gets
 * its new hash in security.ima.
 */
static void file_closed(const struct sima_event *ev)
{
	struct inode *inode = ev->inode;
	struct sima_iint *iint;

	if (!(ev->file->f_mode & FMODE_WRITE) ||
	    atomic_read(&inode->i_writecount) != 1)
		return;
	/* The open file pins the inode, and with it the iint. */
	rcu_read_lock();
	iint = sima_iint_find(inode);
	rcu_read_unlock();
	if (!iint)
		return;
	mutex_lock(&iint->mutex);
	if (!IS_I_VERSION(inode) ||
	    !inode_eq_iversion(inode, iint->version) ||
	    test_bit(SIMA_IINT_NEW_FILE, &iint->flags)) {
		clear_bit(SIMA_IINT_HASHED, &iint->flags);
		sima_iint_forget_verdicts(iint);
		sima_appraise_last_writer(ev, iint);
		clear_bit(SIMA_IINT_NEW_FILE, &iint->flags);
	}
	clear_bit(SIMA_IINT_UPDATE_XATTR, &iint->flags);
	mutex_unlock(&iint->mutex);
}

/*
 * An O_TMPFILE inode an appraise or hash rule covers: as upstream, it
 * passes until its last writer closes, which labels it with its hash.
 */
static void tmpfile_created(const struct sima_event *ev)
{
	struct sima_match_result res;
	struct sima_iint *iint;

	if (!sima_appraise_active() || !S_ISREG(ev->inode->i_mode))
		return;
	sima_policy_match(ev, SIMA_ACT_APPRAISE | SIMA_ACT_HASH, &res, NULL);
	if (!(res.action & (SIMA_ACT_APPRAISE | SIMA_ACT_HASH)))
		return;
	iint = sima_iint_get(ev->inode);
	if (IS_ERR(iint))
		return;
	mutex_lock(&iint->mutex);
	iint->status[SIMA_APPRAISE_FILE] = SIMA_STATUS_PASS;
	set_bit(SIMA_IINT_UPDATE_XATTR, &iint->flags);
	mutex_unlock(&iint->mutex);
}

/* Which other events carry something to measure or appraise. */
static bool processed_here(const struct sima_event *ev)
{
	/*
	 * Only regular files: never read a device (an executable mapping
	 * of /dev/zero, say) to hash it.
	 */
	if (ev->file && !S_ISREG(ev->inode->i_mode))
		return false;
	switch (ev->hook) {
	case SIMA_EV_READ_FILE:
		/* With contents, the post-read hook sees the buffer. */
		return ev->file && !ev->contents;
	case SIMA_EV_POST_READ_FILE:
		return ev->file && ev->buf;
	case SIMA_EV_KEXEC_CMDLINE:
	case SIMA_EV_KEY_UPDATE:
	case SIMA_EV_CRITICAL_DATA:
		return ev->size > 0;
	default:
		return false;
	}
}

static bool buffer_event(const struct sima_event *ev)
{
	return ev->hook == SIMA_EV_KEXEC_CMDLINE ||
	       ev->hook == SIMA_EV_KEY_UPDATE ||
	       ev->hook == SIMA_EV_CRITICAL_DATA;
}

/* The classes of rules sima acts on. */
static u32 acted_on(void)
{
	u32 actions = SIMA_ACT_MEASURE | SIMA_ACT_AUDIT | SIMA_ACT_HASH;

	if (sima_appraise_active())
		actions |= SIMA_ACT_APPRAISE;
	return actions;
}

static int process(const struct sima_event *ev)
{
	u32 actions = acted_on();
	struct sima_match_result res;
	bool file_measure;
	int rc;

	sima_policy_match(ev, actions | SIMA_WANT_POLICY_FLAG, &res,
			  &file_measure);
	res.action &= actions | SIMA_MATCH_OPTIONS;
	if (violation_check(ev, file_measure))
		rdwr_violations(ev, res.action & SIMA_ACT_MEASURE);
	if (!(res.action & actions))
		return 0;
	if (buffer_event(ev)) {
		if (res.action & SIMA_ACT_MEASURE)
			sima_measure_buffer_event(ev, &res);
		return 0;
	}
	rc = process_file(ev, &res);
	if (rc && (res.action & SIMA_ACT_APPRAISE) &&
	    sima_appraise_enforcing())
		return -EACCES;
	return 0;
}

/*
 * mprotect() making a file mapping executable: the file cannot be read
 * under mmap_lock, so, as upstream, a mapping an appraise rule covers is
 * refused (EPERM, in every mode), and a measured or appraised one audited.
 */
static int mprotect_exec(const struct sima_event *ev)
{
	const u32 want = SIMA_ACT_MEASURE | SIMA_ACT_APPRAISE;
	struct sima_match_result res;
	const char *path = NULL;
	char *pathbuf;
	int rc = 0;

	if (!sima_appraise_active() || !sima_policy_has(SIMA_ACT_APPRAISE))
		return 0;
	sima_policy_match(ev, want | SIMA_WANT_POLICY_FLAG, &res, NULL);
	if (!(res.action & want))
		return 0;
	if (res.action & SIMA_ACT_APPRAISE)
		rc = -EPERM;
	pathbuf = __getname();
	if (pathbuf)
		path = sima_measure_path(ev->file, pathbuf);
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, ev->inode,
		       sima_measure_name(ev->file, path), "collect_data",
		       "failed-mprotect", rc, false);
	if (pathbuf)
		__putname(pathbuf);
	return rc;
}

/*
 * Upstream judges an exec twice: then as CREDS_CHECK, by the new creds.
 * Out of line: INIT_STACK_ALL_ZERO kernels clear @creds on entry.
 */
static noinline int creds_check(const struct sima_event *ev)
{
	struct sima_event creds = *ev;

	creds.func = SIMA_FUNC_CREDS_CHECK;
	creds.cred = ev->bprm_cred;
	creds.bprm_cred = NULL;
	return process(&creds);
}

/**
 * sima_access_untouched - can a file access pass without an event
 * @func: SIMA_FUNC_FILE_CHECK or SIMA_FUNC_MMAP_CHECK
 * @file: the file
 * @mask: the access's MAY_* mask
 *
 * The hottest hooks' shortcut: true when the policy's quick decision
 * (sima_policy_untouched()) leaves nothing to measure, appraise, audit or
 * hash, and no violation to look for.
 *
 * Return: true when sima has nothing to do about the access.
 */
bool sima_access_untouched(enum sima_func func, struct file *file, int mask)
{
	return sima_policy_untouched(func, file, mask,
				     acted_on() | SIMA_WANT_POLICY_FLAG);
}

/**
 * sima_process_access - an open, exec or executable mapping of a file
 * @ev: its event (SIMA_EV_FILE_OPEN, SIMA_EV_BPRM_CHECK or
 *	SIMA_EV_MMAP_FILE)
 *
 * The hottest events skip sima_process_event()'s sorting.
 *
 * Return: 0, or a negative errno to refuse the access.
 */
int sima_process_access(const struct sima_event *ev)
{
	int rc;

	/*
	 * Only regular files: never read a device (an executable mapping
	 * of /dev/zero, say) to hash it.
	 */
	if (!S_ISREG(ev->inode->i_mode))
		return 0;
	rc = process(ev);
	if (!rc && ev->bprm_cred)
		rc = creds_check(ev);
	return rc;
}

/**
 * sima_process_event - everything sima does about one event
 * @ev: the event
 *
 * Return: 0, or a negative errno to refuse the operation.
 */
int sima_process_event(const struct sima_event *ev)
{
	switch (ev->hook) {
	case SIMA_EV_INODE_FREE:
		sima_iint_free(ev->inode);
		return 0;
	case SIMA_EV_FILE_FREE:
		file_closed(ev);
		return 0;
	case SIMA_EV_POST_TMPFILE:
		tmpfile_created(ev);
		return 0;
	case SIMA_EV_SETXATTR:
	case SIMA_EV_REMOVEXATTR:
	case SIMA_EV_POST_SETATTR:
		return sima_appraise_xattr_event(ev);
	case SIMA_EV_LOAD_DATA:
	case SIMA_EV_POST_LOAD_DATA:
		return sima_appraise_load_data(ev);
	case SIMA_EV_KEY_UPDATE:
		if (sima_key_queue_add(ev->keyring, ev->buf, ev->size))
			return 0;
		break;
	case SIMA_EV_KEY_WITHDRAWN:
		sima_trust_withdraw();
		return 0;
	case SIMA_EV_FILE_MPROTECT:
		return mprotect_exec(ev);
	case SIMA_EV_BPRM_CHECK:
	case SIMA_EV_MMAP_FILE:
	case SIMA_EV_FILE_OPEN:
		return sima_process_access(ev);
	default:
		break;
	}
	return processed_here(ev) ? process(ev) : 0;
}

/**
 * sima_process_kernel_version - the kernel's release, as critical data
 *
 * As upstream at init, once the list has its boot_aggregate.
 *
 * Return: 0; the outcome is the policy's and the list's.
 */
int sima_process_kernel_version(void)
{
	const char *release = init_utsname()->release;
	struct sima_event ev = {
		.hook = SIMA_EV_CRITICAL_DATA,
		.func = SIMA_FUNC_CRITICAL_DATA,
		.cred = current_cred(),
		.buf = release,
		.size = strlen(release),
		.label = "kernel_info",
		.data_name = "kernel_version",
	};

	sima_process_event(&ev);
	return 0;
}
