// SPDX-License-Identifier: GPL-2.0
/*
 * sima - measuring files and buffers into the list
 *
 * For an event the policy wants measured: hash the file once per change
 * (its i_version, or every write-close where the filesystem has none), then
 * record it once per PCR. Measurement errors never deny the access; they
 * only leave the file unmeasured, and the next access tries again.
 */

#include <crypto/hash.h>
#include <linux/fs.h>
#include <linux/iversion.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/xattr.h>

#include "sima/audit.h"
#include "sima/cmdline.h"
#include "sima/event.h"
#include "sima/hash.h"
#include "sima/gate.h"
#include "sima/measure.h"
#include "sima/modsig.h"
#include "sima/policy_match.h"
#include "sima/securityfs.h"
#include "sima/template.h"
#include "sima/xattr.h"
#include "sima/xattr_read.h"
#include "measure/mlist.h"
#include "measure/tpm.h"

static char *ima_hash;
module_param(ima_hash, charp, 0444);
MODULE_PARM_DESC(ima_hash, "Digest algorithm of files and templates (default: sha256)");

static char *ima_template;
module_param(ima_template, charp, 0444);
MODULE_PARM_DESC(ima_template, "Default template: a name or a format string (default: ima-ng)");

static char *ima_template_fmt;
module_param(ima_template_fmt, charp, 0444);
MODULE_PARM_DESC(ima_template_fmt, "Default template as a format string, e.g. d-ng|n-ng|sig (overrides ima_template)");

static int pcr = -1;
module_param(pcr, int, 0444);
MODULE_PARM_DESC(pcr, "PCR measurements extend (default: 10, or 11 where native IMA owns 10)");

static unsigned int list_algo;
static const struct sima_template_desc *default_desc;

struct measurement {
	const struct sima_template_desc *desc;
	struct sima_template_data td;
};

static void walk(const void *priv,
		 void (*update)(void *ctx, const void *p, size_t n), void *ctx)
{
	const struct measurement *m = priv;

	sima_template_hash_walk(m->desc, &m->td, false, update, ctx);
}

static size_t render(const void *priv, u32 pcr, const u8 *sha1, u8 *buf,
		     size_t size)
{
	const struct measurement *m = priv;

	return sima_template_binary(pcr, sha1, m->desc, &m->td, false, buf,
				    size);
}

/* Upstream's audit cause for an add; @buf has SIMA_AUDIT_CAUSE_LEN_MAX bytes. */
static const char *add_cause(int err, int tpm_result, char *buf)
{
	switch (err) {
	case 0:
		break;
	case -EEXIST:
		return "hash_exists";
	case -ENOMEM:
		return "ENOMEM";
	default:
		return "hashing_error";
	}
	if (!tpm_result)
		return "hash_added";
	snprintf(buf, SIMA_AUDIT_CAUSE_LEN_MAX, "TPM_error(%d)", tpm_result);
	return buf;
}

/*
 * Encode and append; -EEXIST (already recorded) counts as success, and so
 * does an entry whose PCR extension failed, as upstream. Like upstream,
 * the audit record names the entry (file path or event name), or the
 * template when hashing the entry failed. A buffer measurement (@buf_op
 * names it) that adds nothing, -EEXIST included, gets a record of its own
 * with the errno.
 */
static int record(u32 to_pcr, const struct sima_template_desc *desc,
		  const struct sima_template_input *in,
		  const struct inode *inode, const char *buf_op)
{
	struct measurement m = { .desc = desc };
	struct sima_mlist_event ev = {
		.pcr = to_pcr,
		.violation = in->violation,
		.walk = walk,
		.render = render,
		.priv = &m,
	};
	char cause[SIMA_AUDIT_CAUSE_LEN_MAX];
	bool hashing_failed;
	int err, tpm_result;

	err = sima_template_encode(desc, in, false, &m.td);
	if (err) {
		if (buf_op)
			sima_audit_message(SIMA_AUDIT_INTEGRITY_PCR, NULL,
					   in->name, buf_op, "alloc_entry",
					   err, false, err);
		return err;
	}
	err = sima_mlist_add(&ev, &tpm_result);
	sima_template_data_free(&m.td);
	hashing_failed = err && err != -EEXIST && err != -ENOMEM;
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_PCR, inode,
		       hashing_failed ? sima_template_desc_name(desc) :
		       in->name ?: in->dentry_name,
		       "add_template_measure",
		       add_cause(err, tpm_result, cause), err,
		       (!err && !tpm_result) || err == -EEXIST);
	if (err && buf_op)
		sima_audit_message(SIMA_AUDIT_INTEGRITY_PCR, NULL, in->name,
				   buf_op, "store_entry", err, false, err);
	return err == -EEXIST ? 0 : err;
}

/* The legacy "ima" template's d field wants SHA-1 (or MD5) content. */
static int legacy_digest(const struct sima_template_desc *desc,
			 const struct sima_digest *digest, struct file *file,
			 const void *buf, loff_t size, struct sima_digest *out)
{
	if (!sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_D) ||
	    digest->algo == SIMA_HASH_ALGO_SHA1 ||
	    digest->algo == SIMA_HASH_ALGO_MD5) {
		*out = *digest;
		return 0;
	}
	if (buf)
		return sima_hash_buf(SIMA_HASH_ALGO_SHA1, buf, size, out);
	return sima_hash_file(file, SIMA_HASH_ALGO_SHA1, out);
}

/**
 * sima_measure_path - the absolute path IMA names a file by
 * @file: the file
 * @pathbuf: PATH_MAX bytes (__getname())
 *
 * Return: the path in @pathbuf, or NULL (use the file's own name).
 */
const char *sima_measure_path(struct file *file, char *pathbuf)
{
	char *path = sima_gate_d_absolute_path(&file->f_path, pathbuf,
					       PATH_MAX);

	return IS_ERR(path) ? NULL : path;
}

/**
 * sima_measure_name - the name audit records give a file
 * @file: the file
 * @path: its path from sima_measure_path(), or NULL
 *
 * Return: @path, else the file's own name.
 */
const char *sima_measure_name(struct file *file, const char *path)
{
	return path ?: (const char *)file_dentry(file)->d_name.name;
}

/**
 * sima_measure_pcr - the PCR a decision measures into
 * @res: the decision, or NULL for the default
 *
 * Return: the rule's pcr=, else the pcr parameter.
 */
u32 sima_measure_pcr(const struct sima_match_result *res)
{
	return res && res->pcr >= 0 ? res->pcr : pcr;
}

/**
 * sima_measure_algo - ima_hash
 *
 * Return: enum sima_hash_algo value.
 */
unsigned int sima_measure_algo(void)
{
	return list_algo;
}

/* sima_template_xattrs_read()'s reader: one xattr, raw, as EVM reads it. */
static ssize_t xattr_get(void *ctx, const char *name, u8 **value)
{
	return sima_xattr_get(ctx, name, value);
}

/* The fields that read security.evm and the EVM-list xattrs, as upstream. */
struct file_xattrs {
	u8 *ima;
	u8 *evm;
	struct sima_template_xattrs list;
};

static void read_xattrs(const struct sima_template_desc *desc,
			struct dentry *dentry, struct sima_template_input *in,
			struct file_xattrs *x)
{
	bool sig = sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_SIG);
	ssize_t len;

	/* A violation has no security.ima: its sig is the EVM signature. */
	if (sig && !in->violation) {
		len = sima_ima_xattr_read(dentry, &x->ima);
		if (len > 0) {
			in->ima_xattr = x->ima;
			in->ima_xattr_len = len;
		}
	}
	if (sig || sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_EVMSIG)) {
		len = xattr_get(dentry, XATTR_NAME_EVM, &x->evm);
		if (len > 0) {
			in->evm_xattr = x->evm;
			in->evm_xattr_len = len;
		}
	}
	if (sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_XATTRNAMES) ||
	    sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_XATTRLENGTHS) ||
	    sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_XATTRVALUES)) {
		sima_template_xattrs_read(&x->list, xattr_get, dentry);
		in->xattrs = x->list.x;
		in->nr_xattrs = x->list.nr;
	}
}

static void free_xattrs(struct file_xattrs *x)
{
	kfree(x->ima);
	kfree(x->evm);
	sima_template_xattrs_free(&x->list);
}

/*
 * A file's entry; a NULL @digest makes it a violation entry. @verity: the
 * digest is fs-verity's (d-ngv2 says so).
 */
static int record_file(const struct sima_event *ev, u32 to_pcr,
		       const struct sima_template_desc *desc,
		       const struct sima_digest *digest, bool verity,
		       const struct sima_modsig *ms, const char *path)
{
	struct dentry *dentry = file_dentry(ev->file);
	struct sima_template_input in = {
		.has_file = true,
		.algo = list_algo,
		.name = path,
		.dentry_name = dentry->d_name.name,
		.uid = i_uid_read(ev->inode),
		.gid = i_gid_read(ev->inode),
		.mode = ev->inode->i_mode,
	};
	struct file_xattrs x = { };
	struct sima_digest legacy;
	int err;

	if (!digest) {
		in.violation = true;
		goto record;
	}
	err = legacy_digest(desc, digest, ev->file, ev->buf, ev->size, &legacy);
	if (err)
		return err;
	in.verity = verity;
	in.algo = digest->algo;
	in.digest = digest->data;
	in.digest_len = digest->len;
	in.legacy_digest = legacy.data;
	in.legacy_digest_len = legacy.len;
	if (ms) {
		/* Upstream lists no d-modsig it could not compute. */
		if (!ms->digest &&
		    sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_D_MODSIG))
			return -EINVAL;
		in.modsig = ms->raw;
		in.modsig_len = ms->raw_len;
		in.modsig_algo = ms->algo;
		in.modsig_digest = ms->digest;
		in.modsig_digest_len = ms->digest_len;
	}
record:
	read_xattrs(desc, dentry, &in, &x);
	err = record(to_pcr, desc, &in, ev->inode, NULL);
	free_xattrs(&x);
	return err;
}

static const struct sima_template_desc *
template_of(const struct sima_match_result *res)
{
	const struct sima_template_desc *desc = NULL;

	if (res->template)
		desc = sima_template_find(res->template);
	return desc ?: default_desc;
}

/**
 * sima_measure_file - add a file's entry
 * @ev: the access
 * @res: the decision: its PCR, template and digest_type
 * @digest: the file's digest (fs-verity's for digest_type=verity)
 * @ms: the buffer's appended signature, or NULL
 * @path: from sima_measure_path()
 *
 * Return: 0 (also when already listed), or an error.
 */
int sima_measure_file(const struct sima_event *ev,
		      const struct sima_match_result *res,
		      const struct sima_digest *digest,
		      const struct sima_modsig *ms, const char *path)
{
	return record_file(ev, sima_measure_pcr(res), template_of(res), digest,
			   res->action & SIMA_RULE_VERITY_REQUIRED, ms, path);
}

/**
 * sima_measure_lists_modsig - does a decision's template show a modsig
 * @res: the decision
 *
 * Return: true when its template has a d-modsig or modsig field: a file
 * measured before gets another entry once it comes with its signature.
 */
bool sima_measure_lists_modsig(const struct sima_match_result *res)
{
	const struct sima_template_desc *desc = template_of(res);

	return sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_D_MODSIG) ||
	       sima_template_has_field(desc, SIMA_TEMPLATE_FIELD_MODSIG);
}

/**
 * sima_measure_direct_io - a file opened with O_DIRECT, as upstream
 * @ev: the access
 * @res: the decision
 * @measure: whether it asks for a measurement
 *
 * Upstream does not hash a file opened with O_DIRECT: it audits that, and
 * records a zero digest with the file's name, without caching anything,
 * so that a later open measures the file for real.
 */
void sima_measure_direct_io(const struct sima_event *ev,
			    const struct sima_match_result *res, bool measure)
{
	struct sima_digest zero = {
		.algo = list_algo,
		.len = sima_hash_digest_size(list_algo),
	};
	char *pathbuf;

	sima_audit_msg(SIMA_AUDIT_INTEGRITY_DATA, ev->inode,
		       file_dentry(ev->file)->d_name.name, "collect_data",
		       "failed(directio)", -EINVAL, false);
	if (!measure)
		return;
	pathbuf = __getname();
	if (!pathbuf)
		return;
	record_file(ev, sima_measure_pcr(res), template_of(res), &zero, false,
		    NULL, sima_measure_path(ev->file, pathbuf));
	__putname(pathbuf);
}

static void hashing_failed(const char *name, const char *op, int err)
{
	sima_audit_message(SIMA_AUDIT_INTEGRITY_PCR, NULL, name, op,
			   "hashing_error", err, false, err);
}

/*
 * A buffer that is not a file's contents: kexec command line, key. @op
 * names it in the audit record of a failure, as upstream names the func.
 */
static void measure_buffer(const void *buf, loff_t size, const char *name,
			   const struct sima_match_result *res, const char *op)
{
	const struct sima_template_desc *desc = sima_template_find("ima-buf");
	struct sima_digest d;
	struct sima_template_input in = { };
	int err;

	if (res->template)
		desc = sima_template_find(res->template) ?: desc;
	err = sima_hash_buf(list_algo, buf, size, &d);
	if (err) {
		hashing_failed(name, op, err);
		return;
	}
	in.algo = d.algo;
	in.digest = d.data;
	in.digest_len = d.len;
	in.legacy_digest = d.data;
	in.legacy_digest_len = d.len;
	in.name = name;
	in.buf = buf;
	in.buf_len = size;
	record(sima_measure_pcr(res), desc, &in, NULL, op);
}

/* Critical data; with hash_buf its digest stands in for the buffer. */
static void measure_data(const struct sima_event *ev,
			 const struct sima_match_result *res, const char *op)
{
	struct sima_digest d;
	int err;

	if (!ev->hash_buf) {
		measure_buffer(ev->buf, ev->size, ev->data_name, res, op);
		return;
	}
	err = sima_hash_buf(list_algo, ev->buf, ev->size, &d);
	if (err)
		hashing_failed(ev->data_name, op, err);
	else
		measure_buffer(d.data, d.len, ev->data_name, res, op);
}

/**
 * sima_measure_buffer_event - measure a kexec command line, a key or
 *	critical data
 * @ev: the event
 * @res: the decision (measure)
 */
void sima_measure_buffer_event(const struct sima_event *ev,
			       const struct sima_match_result *res)
{
	switch (ev->hook) {
	case SIMA_EV_KEXEC_CMDLINE:
		/* The command line buffer ends in its NUL. */
		measure_buffer(ev->buf, ev->size - 1, "kexec-cmdline", res,
			       "measuring_kexec_cmdline");
		break;
	case SIMA_EV_KEY_UPDATE:
		measure_buffer(ev->buf, ev->size, ev->keyring, res,
			       "measuring_key");
		break;
	case SIMA_EV_CRITICAL_DATA:
		measure_data(ev, res, "measuring_critical_data");
		break;
	default:
		break;
	}
}

/**
 * sima_measure_blacklisted - the entry of a blacklisted appended signature
 * @digest: the digest of the data it signs
 * @len: its length
 * @res: the decision that measures the file: its PCR
 *
 * As upstream: an ima-buf entry named "blacklisted-hash" holding the
 * digest, whatever template the rule names.
 */
void sima_measure_blacklisted(const u8 *digest, u32 len,
			      const struct sima_match_result *res)
{
	struct sima_match_result buf_res;

	sima_match_none(&buf_res);
	buf_res.pcr = res->pcr;
	/* Upstream measures it with no func. */
	measure_buffer(digest, len, "blacklisted-hash", &buf_res,
		       "unknown_function");
}

/**
 * sima_measure_violation - a violation entry
 * @ev: the open that caused it
 * @cause: "ToMToU" or "open_writers"
 *
 * Zero digest, 0xff.. extended into the default PCR, always audited.
 */
void sima_measure_violation(const struct sima_event *ev, const char *cause)
{
	const char *path = NULL;
	char *pathbuf;
	int err = -ENOMEM;

	pathbuf = __getname();
	if (pathbuf) {
		path = sima_measure_path(ev->file, pathbuf);
		err = record_file(ev, pcr, default_desc, NULL, false, NULL,
				  path);
	}
	sima_audit_msg(SIMA_AUDIT_INTEGRITY_PCR, ev->inode,
		       sima_measure_name(ev->file, path), "invalid_pcr", cause,
		       err, false);
	if (pathbuf)
		__putname(pathbuf);
}

static int add_boot_aggregate(void)
{
	struct sima_digest d, legacy;
	struct sima_template_input in = { .name = "boot_aggregate" };
	int err;

	err = sima_tpm_boot_aggregate(list_algo, &d);
	if (err)
		return err;
	legacy = d;
	if (d.algo != SIMA_HASH_ALGO_SHA1) {
		err = sima_tpm_boot_aggregate(SIMA_HASH_ALGO_SHA1, &legacy);
		if (err)
			return err;
		if (legacy.algo != SIMA_HASH_ALGO_SHA1)
			memset(legacy.data, 0, sizeof(legacy.data));
		legacy.len = 20;
	}
	in.algo = d.algo;
	in.digest = d.data;
	in.digest_len = d.len;
	in.legacy_digest = legacy.data;
	in.legacy_digest_len = legacy.len;
	return record(pcr, default_desc, &in, NULL, NULL);
}

/* Options from the kernel command line, where no native IMA takes them. */
struct cmdline_opts {
	char hash[16];
	char template[SIMA_TEMPLATE_FMT_MAX + 1];
	bool is_fmt;
};

static void cmdline_opt(char *param, char *val, void *priv)
{
	struct cmdline_opts *o = priv;
	bool fmt = !strcmp(param, "ima_template_fmt");

	if (!val)
		return;
	if (!strcmp(param, "ima_hash")) {
		strscpy(o->hash, val, sizeof(o->hash));
	} else if ((fmt || !strcmp(param, "ima_template")) &&
		   !o->template[0]) {
		/* As upstream, the first of the two wins. */
		strscpy(o->template, val, sizeof(o->template));
		o->is_fmt = fmt;
	}
}

/*
 * ima_template_fmt= fills upstream's one custom template, which lists show
 * by its format string even where a builtin has the same fields.
 */
static const struct sima_template_desc *find_template(const char *tmpl,
						      bool fmt)
{
	static struct sima_template_desc custom;	/* set at init only */
	const struct sima_template_desc *d;

	if (!fmt) {
		d = sima_template_find(tmpl);
		if (d)
			return d;
	}
	return sima_template_parse_fmt(tmpl, &custom) ? NULL : &custom;
}

/*
 * A bad module parameter fails the load; a bad command line option is
 * ignored with a warning, as upstream ignores it.
 */
static int choose_options(void)
{
	static struct cmdline_opts o;	/* init only: no concurrency */
	const char *tmpl = ima_template_fmt ?: ima_template;
	bool is_fmt = ima_template_fmt;
	int algo, err;

	if (!IS_ENABLED(CONFIG_IMA) && (!ima_hash || !tmpl)) {
		err = sima_cmdline_each(cmdline_opt, &o);
		if (err)
			return err;
	}
	if (!ima_hash && o.hash[0]) {
		algo = sima_hash_algo_lookup(o.hash);
		if (algo >= 0 &&
		    crypto_has_shash(sima_hash_algo_name(algo), 0, 0))
			ima_hash = o.hash;
		else
			pr_warn("ima_hash=%s on the command line: not available, ignored\n",
				o.hash);
	}
	if (!tmpl && o.template[0]) {
		if (find_template(o.template, o.is_fmt)) {
			tmpl = o.template;
			is_fmt = o.is_fmt;
		} else {
			pr_warn("%s=%s on the command line: not valid, ignored\n",
				o.is_fmt ? "ima_template_fmt" : "ima_template",
				o.template);
		}
	}
	if (!ima_hash)
		ima_hash = "sha256";
	algo = sima_hash_algo_lookup(ima_hash);
	if (algo < 0) {
		pr_err("ima_hash=%s: unknown algorithm\n", ima_hash);
		return -EINVAL;
	}
	list_algo = algo;
	default_desc = find_template(tmpl ?: "ima-ng", is_fmt);
	if (!default_desc) {
		pr_err("%s=%s: unknown template or bad format\n",
		       is_fmt ? "ima_template_fmt" : "ima_template", tmpl);
		return -EINVAL;
	}
	if (sima_template_is_ima(default_desc) &&
	    list_algo != SIMA_HASH_ALGO_SHA1 && list_algo != SIMA_HASH_ALGO_MD5) {
		pr_err("the ima template needs ima_hash=sha1 or md5\n");
		return -EINVAL;
	}
	return 0;
}

/**
 * sima_measure_init - parameters: algorithm, template, PCR
 *
 * Hashing, the TPM and the list start after it, with its algorithm
 * (sima_measure_algo()).
 *
 * Return: 0 or a negative errno; the cause is logged.
 */
int sima_measure_init(void)
{
	int err;

	err = choose_options();
	if (err)
		return err;
	if (pcr < 0)
		pcr = sima_fs_native_ima() ? 11 : 10;
	if (pcr >= 24) {
		pr_err("pcr=%d: out of range\n", pcr);
		return -EINVAL;
	}
	return 0;
}

/**
 * sima_measure_boot_aggregate - the list's first entry
 *
 * Return: 0 or a negative errno.
 */
int sima_measure_boot_aggregate(void)
{
	int err;

	/* The PCR outlives sima: an earlier instance's extensions stay. */
	if (!sima_tpm_pcr_is_zero(pcr))
		pr_warn("PCR %d was already extended (sima reloaded?): this list will not replay against it\n",
			pcr);
	err = add_boot_aggregate();
	if (err)
		return err;
	pr_info("measuring with %s into PCR %d, template %s\n", ima_hash, pcr,
		sima_template_desc_name(default_desc));
	return 0;
}
