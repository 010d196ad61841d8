/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/appraise/verdict.c, shared by KUnit and tests/unit
 *
 * Each case appraises one security.ima value against the digest
 * VERDICT_DIGEST (sha256, 32 bytes of 0x11); the fake signature check
 * returns the case's verify_ret, the fake file-id hash its hash_ret.
 * Statuses and causes are upstream 6.1's (ima_appraise_measurement).
 */
#ifndef _SIMA_VERDICT_CASES_H
#define _SIMA_VERDICT_CASES_H

#include "sima/digest.h"
#include "sima/verdict.h"
#include "sima/xattr.h"

/* The computed digest: sha256, 32 bytes of 0x11. */
#define DIGEST_HEX \
	"1111111111111111111111111111111111111111111111111111111111111111"
/* The same digest with its last byte off by one. */
#define WRONG_HEX \
	"1111111111111111111111111111111111111111111111111111111111111112"
/* A v2 signature: header (sha256, keyid 01020304, size 1), one byte. */
#define SIG_HEX(type, ver) type ver "040102030400015a"

struct verdict_case {
	const char *name;
	const char *hex;	/* the value; NULL: absent or unreadable */
	int err;		/* xattr_len when @hex is NULL */
	bool sig_required;
	bool verity_required;	/* with sig_required: appraise_type=sigv3 */
	bool new_file;
	bool empty;
	bool no_xattr_support;
	bool unverifiable;
	int verify_ret;
	int hash_ret;
	bool modsig;		/* a modsig is allowed and present */
	int modsig_ret;		/* what checking it returns */
	enum sima_status want;
	const char *cause;	/* NULL: "unknown" */
	bool digsig;
};

static const struct verdict_case verdict_cases[] = {
	{ "absent", NULL, -ENODATA, .want = SIMA_STATUS_NOLABEL,
	  .cause = "missing-hash" },
	{ "empty value", NULL, 0, .want = SIMA_STATUS_NOLABEL,
	  .cause = "missing-hash" },
	{ "absent, signature required", NULL, -ENODATA, .sig_required = true,
	  .want = SIMA_STATUS_NOLABEL, .cause = "IMA-signature-required" },
	{ "absent, new file", NULL, -ENODATA, .new_file = true,
	  .want = SIMA_STATUS_PASS, .cause = "missing-hash" },
	{ "absent, new non-empty file, signature required", NULL, -ENODATA,
	  .new_file = true, .sig_required = true, .want = SIMA_STATUS_NOLABEL,
	  .cause = "IMA-signature-required" },
	{ "absent, new empty file, signature required", NULL, -ENODATA,
	  .new_file = true, .empty = true, .sig_required = true,
	  .want = SIMA_STATUS_PASS, .cause = "IMA-signature-required" },
	{ "read error", NULL, -EIO, .want = SIMA_STATUS_UNKNOWN },
	{ "no xattr support", "0404" DIGEST_HEX, .no_xattr_support = true,
	  .want = SIMA_STATUS_UNKNOWN },
	{ "digest-ng match", "0404" DIGEST_HEX, .want = SIMA_STATUS_PASS },
	{ "digest-ng longer value", "0404" DIGEST_HEX "09",
	  .want = SIMA_STATUS_PASS },
	{ "digest-ng mismatch", "0404" WRONG_HEX, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-hash" },
	{ "digest-ng truncated", "04041111111111111111",
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-hash" },
	{ "digest-ng type byte only", "04", .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-hash" },
	{ "digest-ng, signature required", "0404" DIGEST_HEX,
	  .sig_required = true, .want = SIMA_STATUS_FAIL,
	  .cause = "IMA-signature-required" },
	{ "legacy digest match", "01" DIGEST_HEX, .want = SIMA_STATUS_PASS },
	{ "legacy digest mismatch", "01" WRONG_HEX, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-hash" },
	{ "signature valid", SIG_HEX("03", "02"), .want = SIMA_STATUS_PASS,
	  .digsig = true },
	{ "signature valid, required", SIG_HEX("03", "02"),
	  .sig_required = true, .want = SIMA_STATUS_PASS, .digsig = true },
	{ "signature invalid", SIG_HEX("03", "02"),
	  .verify_ret = -EKEYREJECTED, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-signature", .digsig = true },
	{ "signature, unknown key", SIG_HEX("03", "02"), .verify_ret = -ENOKEY,
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-signature",
	  .digsig = true },
	{ "signature, malformed", SIG_HEX("03", "02"), .verify_ret = -EBADMSG,
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-signature",
	  .digsig = true },
	{ "signature v1 (unsupported)", SIG_HEX("03", "01"),
	  .verify_ret = -EOPNOTSUPP, .want = SIMA_STATUS_UNKNOWN,
	  .digsig = true },
	{ "signature version 3", SIG_HEX("03", "03"), .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-signature-version", .digsig = true },
	{ "signature type byte only", "03", .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-signature-version", .digsig = true },
	{ "verity signature valid", SIG_HEX("06", "03"), .hash_ret = 32,
	  .want = SIMA_STATUS_PASS, .digsig = true },
	{ "verity signature, imasig rule", SIG_HEX("06", "03"), .hash_ret = 32,
	  .sig_required = true, .want = SIMA_STATUS_FAIL,
	  .cause = "IMA-signature-required", .digsig = true },
	{ "verity signature version 2", SIG_HEX("06", "02"), .hash_ret = 32,
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-signature-version",
	  .digsig = true },
	{ "verity signature, hash error", SIG_HEX("06", "03"),
	  .hash_ret = -ENOMEM, .want = SIMA_STATUS_FAIL,
	  .cause = "sigv3-hashing-error", .digsig = true },
	{ "verity signature invalid", SIG_HEX("06", "03"), .hash_ret = 32,
	  .verify_ret = -EKEYREJECTED, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-verity-signature", .digsig = true },
	/* digest_type=verity appraise_type=sigv3: only type 6 passes */
	{ "absent, sigv3 rule", NULL, -ENODATA, .sig_required = true,
	  .verity_required = true, .want = SIMA_STATUS_NOLABEL,
	  .cause = "verity-signature-required" },
	{ "digest-ng, sigv3 rule", "0404" DIGEST_HEX, .sig_required = true,
	  .verity_required = true, .want = SIMA_STATUS_FAIL,
	  .cause = "verity-signature-required" },
	{ "legacy digest, sigv3 rule", "01" DIGEST_HEX, .sig_required = true,
	  .verity_required = true, .want = SIMA_STATUS_FAIL,
	  .cause = "verity-signature-required" },
	{ "v2 signature valid, sigv3 rule", SIG_HEX("03", "02"),
	  .sig_required = true, .verity_required = true,
	  .want = SIMA_STATUS_FAIL, .cause = "verity-signature-required",
	  .digsig = true },
	{ "verity signature valid, sigv3 rule", SIG_HEX("06", "03"),
	  .hash_ret = 32, .sig_required = true, .verity_required = true,
	  .want = SIMA_STATUS_PASS, .digsig = true },
	{ "verity signature invalid, sigv3 rule", SIG_HEX("06", "03"),
	  .hash_ret = 32, .verify_ret = -EKEYREJECTED, .sig_required = true,
	  .verity_required = true, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-verity-signature", .digsig = true },
	{ "verity signature version 2, sigv3 rule", SIG_HEX("06", "02"),
	  .hash_ret = 32, .sig_required = true, .verity_required = true,
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-signature-version",
	  .digsig = true },
	{ "evm hmac in security.ima", "021111111111111111",
	  .want = SIMA_STATUS_UNKNOWN, .cause = "unknown-ima-data" },
	{ "portable evm signature in security.ima", SIG_HEX("05", "02"),
	  .want = SIMA_STATUS_UNKNOWN, .cause = "unknown-ima-data" },
	{ "type 0", "0001", .want = SIMA_STATUS_UNKNOWN,
	  .cause = "unknown-ima-data" },
	{ "type 0xff", "ff01", .want = SIMA_STATUS_UNKNOWN,
	  .cause = "unknown-ima-data" },
	/* An appended signature decides where upstream lets it. */
	{ "modsig valid, no xattr", NULL, -ENODATA, .modsig = true,
	  .want = SIMA_STATUS_PASS },
	{ "modsig invalid, no xattr", NULL, -ENODATA, .modsig = true,
	  .modsig_ret = -EKEYREJECTED, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-signature" },
	{ "modsig unknown key, required", NULL, -ENODATA, .modsig = true,
	  .sig_required = true, .modsig_ret = -ENOKEY,
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-signature" },
	{ "modsig valid, xattr read error", NULL, -EIO, .modsig = true,
	  .want = SIMA_STATUS_PASS },
	{ "modsig valid, no xattr support", "0404" DIGEST_HEX,
	  .no_xattr_support = true, .modsig = true, .want = SIMA_STATUS_PASS },
	{ "modsig valid over a wrong digest-ng", "0404" WRONG_HEX,
	  .modsig = true, .want = SIMA_STATUS_PASS },
	{ "modsig valid, digest-ng, signature required", "0404" DIGEST_HEX,
	  .sig_required = true, .modsig = true, .want = SIMA_STATUS_PASS },
	{ "modsig invalid over a matching digest-ng", "0404" DIGEST_HEX,
	  .modsig = true, .modsig_ret = -EBADMSG, .want = SIMA_STATUS_FAIL,
	  .cause = "invalid-signature" },
	{ "modsig not tried over a legacy digest", "01" WRONG_HEX,
	  .modsig = true, .want = SIMA_STATUS_FAIL, .cause = "invalid-hash" },
	{ "modsig not tried over a valid signature", SIG_HEX("03", "02"),
	  .modsig = true, .modsig_ret = -EBADMSG, .want = SIMA_STATUS_PASS,
	  .digsig = true },
	{ "modsig not tried over a bad signature", SIG_HEX("03", "02"),
	  .verify_ret = -EKEYREJECTED, .modsig = true,
	  .want = SIMA_STATUS_FAIL, .cause = "invalid-signature",
	  .digsig = true },
	{ "modsig valid, signature of an unknown key", SIG_HEX("03", "02"),
	  .verify_ret = -ENOKEY, .modsig = true, .want = SIMA_STATUS_PASS,
	  .digsig = true },
	/* FUSE with an untrusted mounter, or fail_securely: nothing passes */
	{ "unverifiable fs, valid signature", SIG_HEX("03", "02"),
	  .unverifiable = true, .want = SIMA_STATUS_FAIL,
	  .cause = "unverifiable-signature", .digsig = true },
	{ "unverifiable fs, matching hash", "0404" DIGEST_HEX,
	  .unverifiable = true, .want = SIMA_STATUS_FAIL,
	  .cause = "unverifiable-signature" },
	{ "unverifiable fs, absent", NULL, -ENODATA, .unverifiable = true,
	  .want = SIMA_STATUS_FAIL, .cause = "unverifiable-signature" },
	{ "unverifiable fs, new file", NULL, -ENODATA, .new_file = true,
	  .unverifiable = true, .want = SIMA_STATUS_FAIL,
	  .cause = "unverifiable-signature" },
	{ "unverifiable fs without xattrs", "0404" DIGEST_HEX,
	  .no_xattr_support = true, .unverifiable = true,
	  .want = SIMA_STATUS_UNKNOWN },
	{ "unverifiable fs, valid modsig", NULL, -ENODATA, .modsig = true,
	  .unverifiable = true, .want = SIMA_STATUS_FAIL,
	  .cause = "unverifiable-signature" },
	{ "modsig not tried over unknown data", "ff01", .modsig = true,
	  .modsig_ret = -EBADMSG, .want = SIMA_STATUS_UNKNOWN,
	  .cause = "unknown-ima-data" },
};

#undef SIG_HEX
#undef WRONG_HEX
#undef DIGEST_HEX

static const u8 verdict_digest[32] = {
	[0 ... 31] = 0x11,
};

/* The value of a case into @out (at least 64 bytes); its length. */
static int verdict_value(const struct verdict_case *c, u8 *out)
{
	int len = 0;

	if (!c->hex)
		return c->err;
	for (; c->hex[2 * len]; len++) {
		unsigned int hi = c->hex[2 * len], lo = c->hex[2 * len + 1];

		hi = hi <= '9' ? hi - '0' : hi - 'a' + 10;
		lo = lo <= '9' ? lo - '0' : lo - 'a' + 10;
		out[len] = hi << 4 | lo;
	}
	return len;
}

/* The fakes the cases drive. */
struct verdict_fake {
	const struct verdict_case *c;
	unsigned int verified_len;
};

static int verdict_fake_verify(void *priv, const u8 *sig, size_t sig_len,
			       const u8 *data, unsigned int data_len)
{
	struct verdict_fake *f = priv;

	(void)sig;
	(void)sig_len;
	(void)data;
	f->verified_len = data_len;
	return f->c->verify_ret;
}

static int verdict_fake_verify_modsig(void *priv)
{
	struct verdict_fake *f = priv;

	return f->c->modsig_ret;
}

static int verdict_fake_hash(void *priv, const u8 *digest, unsigned int len,
			     unsigned int algo, u8 *out)
{
	struct verdict_fake *f = priv;

	(void)digest;
	(void)len;
	(void)algo;
	if (f->c->hash_ret > 0)
		memset(out, 0x22, f->c->hash_ret);
	return f->c->hash_ret;
}

/* @buf holds the value; the unit runner passes an exact-size copy. */
static void verdict_case_run_on(const struct verdict_case *c,
				const u8 *value, int len,
				struct verdict_fake *f, struct sima_verdict *out)
{
	struct sima_verdict_in in = {
		.xattr = len > 0 ? value : NULL,
		.xattr_len = len,
		.no_xattr_support = c->no_xattr_support,
		.unverifiable = c->unverifiable,
		.digest = verdict_digest,
		.digest_len = sizeof(verdict_digest),
		.digest_algo = SIMA_HASH_ALGO_SHA256,
		.sig_required = c->sig_required,
		.verity_required = c->verity_required,
		.new_file = c->new_file,
		.empty = c->empty,
		.verify = verdict_fake_verify,
		.hash_file_id = verdict_fake_hash,
		.modsig = c->modsig,
		.verify_modsig = verdict_fake_verify_modsig,
		.priv = f,
	};

	f->c = c;
	f->verified_len = 0;
	sima_appraise_verdict(&in, out);
}

static void verdict_case_run(const struct verdict_case *c,
			     struct verdict_fake *f, struct sima_verdict *out)
{
	u8 value[64];

	verdict_case_run_on(c, value, verdict_value(c, value), f, out);
}

#endif /* _SIMA_VERDICT_CASES_H */
