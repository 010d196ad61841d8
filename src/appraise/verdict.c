// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the appraisal verdict on one security.ima value (pure)
 *
 * Upstream's decision table, statuses and audit causes, over a value read
 * from the file system as it is: lengths are checked before every read.
 * Signature checks are the caller's (they need keys); EVM is not consulted
 * (as upstream without an EVM key: INTEGRITY_UNKNOWN, go on).
 */

#include "sima/digest.h"
#include "sima/verdict.h"
#include "sima/xattr.h"

static void fail(struct sima_verdict *out, const char *cause)
{
	out->status = SIMA_STATUS_FAIL;
	out->cause = cause;
}

static const char *sig_required_cause(const struct sima_verdict_in *in)
{
	return in->verity_required ? "verity-signature-required" :
				     "IMA-signature-required";
}

/* Types 1 and 4: the stored digest must match over the computed length. */
static void verify_digest(const struct sima_verdict_in *in,
			  struct sima_verdict *out)
{
	unsigned int start = in->xattr[0] == SIMA_XATTR_DIGEST_NG ? 2 : 1;

	if (in->sig_required) {
		fail(out, sig_required_cause(in));
		return;
	}
	if ((unsigned int)in->xattr_len < start + in->digest_len ||
	    memcmp(in->xattr + start, in->digest, in->digest_len)) {
		out->rc = -EINVAL;
		fail(out, "invalid-hash");
		return;
	}
	out->rc = 0;
	out->status = SIMA_STATUS_PASS;
}

static void verify_sig(const struct sima_verdict_in *in,
		       struct sima_verdict *out)
{
	out->digsig = true;
	/* sigv3 rules take no type 3 signature of the fs-verity digest. */
	if (in->sig_required && in->verity_required) {
		fail(out, "verity-signature-required");
		return;
	}
	if (in->xattr_len < 2 || in->xattr[1] >= 3) {
		fail(out, "invalid-signature-version");
		return;
	}
	out->rc = in->verify(in->priv, in->xattr, in->xattr_len, in->digest,
			     in->digest_len);
	if (out->rc == -EOPNOTSUPP) {
		out->status = SIMA_STATUS_UNKNOWN;
		return;
	}
	if (out->rc)
		fail(out, "invalid-signature");
	else
		out->status = SIMA_STATUS_PASS;
}

/* Type 6 signs the hash of { 6, algo, digest } (struct ima_file_id). */
static void verify_verity_sig(const struct sima_verdict_in *in,
			      struct sima_verdict *out)
{
	u8 id_hash[SIMA_HASH_MAX_DIGEST_SIZE];
	int len;

	out->digsig = true;
	/* imasig rules want a type 3 signature of the file's contents. */
	if (in->sig_required && !in->verity_required) {
		fail(out, "IMA-signature-required");
		return;
	}
	if (in->xattr_len < 2 || in->xattr[1] != 3) {
		fail(out, "invalid-signature-version");
		return;
	}
	len = in->hash_file_id(in->priv, in->digest, in->digest_len,
			       in->digest_algo, id_hash);
	if (len < 0) {
		out->rc = len;
		fail(out, "sigv3-hashing-error");
		return;
	}
	out->rc = in->verify(in->priv, in->xattr, in->xattr_len, id_hash, len);
	if (out->rc)
		fail(out, "invalid-verity-signature");
	else
		out->status = SIMA_STATUS_PASS;
}

/* The security.ima value alone; false when there is none to judge. */
static bool verdict_xattr(const struct sima_verdict_in *in,
			  struct sima_verdict *out)
{
	if (in->xattr_len <= 0 || !in->xattr) {
		if (in->modsig || (in->xattr_len && in->xattr_len != -ENODATA))
			return false;
		out->cause = in->sig_required ? sig_required_cause(in) :
						"missing-hash";
		out->status = SIMA_STATUS_NOLABEL;
		/* A new file passes until its first hash is written. */
		if (in->new_file && (!in->sig_required || in->empty))
			out->status = SIMA_STATUS_PASS;
		return false;
	}
	switch (in->xattr[0]) {
	case SIMA_XATTR_DIGEST:
	case SIMA_XATTR_DIGEST_NG:
		verify_digest(in, out);
		break;
	case SIMA_XATTR_DIGSIG:
		verify_sig(in, out);
		break;
	case SIMA_XATTR_VERITY_DIGSIG:
		verify_verity_sig(in, out);
		break;
	default:
		out->cause = "unknown-ima-data";
		break;
	}
	return true;
}

/*
 * An appended signature decides when there is no value, when the value
 * is a type 4 hash, or when the value's key is unknown.
 */
static void verdict(const struct sima_verdict_in *in,
		    struct sima_verdict *out)
{
	bool have_xattr;

	out->status = SIMA_STATUS_UNKNOWN;
	out->cause = "unknown";
	out->digsig = false;
	out->rc = in->xattr_len;
	if (in->no_xattr_support && !in->modsig)
		return;
	have_xattr = !in->no_xattr_support && verdict_xattr(in, out);
	if (!in->modsig || (have_xattr &&
			    in->xattr[0] != SIMA_XATTR_DIGEST_NG &&
			    out->rc != -ENOKEY))
		return;
	out->rc = in->verify_modsig(in->priv);
	if (out->rc) {
		fail(out, "invalid-signature");
		return;
	}
	out->status = SIMA_STATUS_PASS;
	out->cause = "unknown";
}

/**
 * sima_appraise_verdict - appraise a file by its security.ima value
 * @in: the facts
 * @out: the verdict
 *
 * On an unverifiable file system everything is checked as usual (the
 * result code and the signature flag stay), then fails; as upstream, not
 * where nothing could be checked for want of xattrs.
 */
void sima_appraise_verdict(const struct sima_verdict_in *in,
			   struct sima_verdict *out)
{
	verdict(in, out);
	if (in->unverifiable && (!in->no_xattr_support || in->modsig))
		fail(out, "unverifiable-signature");
}
