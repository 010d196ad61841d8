/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the appraisal verdict on one security.ima value (pure)
 */
#ifndef _SIMA_VERDICT_H
#define _SIMA_VERDICT_H

#include "sima/compat.h"

/* integrity_status values that appraisal produces. */
enum sima_status {
	SIMA_STATUS_UNKNOWN,
	SIMA_STATUS_PASS,
	SIMA_STATUS_FAIL,
	SIMA_STATUS_NOLABEL,
};

/**
 * struct sima_verdict_in - what appraising one file depends on
 * @xattr: the security.ima value, or NULL
 * @xattr_len: its length; 0 or -ENODATA when absent, another negative
 *	errno when it could not be read
 * @no_xattr_support: the file system stores no extended attributes
 * @digest: the file digest, computed with the algorithm @xattr names
 * @digest_len: bytes in @digest
 * @digest_algo: enum sima_hash_algo of @digest
 * @sig_required: the rule says appraise_type=imasig or sigv3
 * @verity_required: the rule says digest_type=verity: @digest is the
 *	file's fs-verity digest, and only a type 6 signature of it passes
 * @new_file: created by this open or since its last writer closed
 * @empty: the file is empty
 * @verify: checks a v2 (type 3) or v3 (type 6) signature over @data;
 *	0 when valid, -EOPNOTSUPP when it cannot be checked, else an error
 * @hash_file_id: for a type 6 signature, hashes the ima_file_id made of
 *	@digest into @out; returns its length or a negative errno
 * @unverifiable: the file system cannot vouch that contents stay those
 *	verified (FUSE), and its mounter is untrusted or the policy says
 *	fail_securely: nothing passes
 * @modsig: the rule allows an appended signature and the buffer has one
 * @verify_modsig: checks it; 0 when valid
 * @priv: for the callbacks
 */
struct sima_verdict_in {
	const u8 *xattr;
	int xattr_len;
	bool no_xattr_support;
	const u8 *digest;
	unsigned int digest_len;
	unsigned int digest_algo;
	bool sig_required;
	bool verity_required;
	bool new_file;
	bool empty;
	bool unverifiable;
	int (*verify)(void *priv, const u8 *sig, size_t sig_len,
		      const u8 *data, unsigned int data_len);
	int (*hash_file_id)(void *priv, const u8 *digest, unsigned int len,
			    unsigned int algo, u8 *out);
	bool modsig;
	int (*verify_modsig)(void *priv);
	void *priv;
};

/**
 * struct sima_verdict - the outcome
 * @status: SIMA_STATUS_*
 * @cause: the audit cause upstream gives ("missing-hash", ...); only
 *	audited when @status is not PASS
 * @digsig: the value is a signature: writes to the file are refused in
 *	enforce mode, and fix mode leaves it alone
 * @rc: the verification result, for the audit record's res field
 */
struct sima_verdict {
	enum sima_status status;
	const char *cause;
	bool digsig;
	int rc;
};

void sima_appraise_verdict(const struct sima_verdict_in *in,
			   struct sima_verdict *out);

#endif /* _SIMA_VERDICT_H */
