// SPDX-License-Identifier: GPL-2.0
/*
 * sima - libFuzzer target for security.ima values: src/integrity/xattr.c
 * and the appraisal verdict of src/appraise/verdict.c
 *
 * Input: two control bytes, then (unless byte 0 has bit 7) the computed
 * file digest, then the value, up to the end of the input so that ASan
 * sees every read past it.
 *
 *  byte 0: bit 0 appraise_type=imasig, 1 a new file, 2 an empty file,
 *	    3 no xattr support, 4 an unverifiable file system, 5 an appended
 *	    signature is present, 6 it does not verify, 7 the digest is taken
 *	    from the value, where its type keeps one (a match is likely)
 *  byte 1: bits 0-4 the digest's algorithm, bits 5-6 the value is there
 *	    (0, 1), absent (2) or unreadable (3), bit 7 the ima_file_id hash
 *	    fails
 *
 * Signatures are checked by a model of sima_keys_verify(): the header as
 * sima_xattr_sig_hdr() reads it, key 0xdeadbeef revoked, keys with the
 * top bit set unknown, and a signature "valid" when its bytes are the
 * data signed. The verdict must agree with what the value, the digest and
 * the flags justify: nothing passes that the value does not vouch for (a
 * value too short for its header or digest never does), a matching hash
 * or a valid signature passes unless a flag forbids it, an appended
 * signature is tried exactly where upstream tries it, and imasig or an
 * unverifiable file system only ever take a pass away. The verdict is a
 * function of its input. sima_xattr_hash_algo() must name the algorithm
 * the value names, and an accepted header must rebuild the value's first
 * bytes.
 *
 * The Makefile names xattr_fuzz_one() LLVMFuzzerTestOneInput with -D.
 * Built with -DFUZZ_SEEDS, the file is a program that writes the cases of
 * tests/vectors/verdict_cases.h and xattr_cases.h as a seed corpus, and a
 * dictionary.
 */

#include "compat_user_extra.h"
#include "../../src/integrity/xattr.c"
#include "../../src/appraise/verdict.c"

#include <stdint.h>

int xattr_fuzz_one(const uint8_t *data, size_t size);

#define F_SIG_REQUIRED		0x01
#define F_NEW_FILE		0x02
#define F_EMPTY			0x04
#define F_NO_XATTRS		0x08
#define F_UNVERIFIABLE		0x10
#define F_MODSIG		0x20
#define F_MODSIG_BAD		0x40
#define F_DIGEST_FROM_VALUE	0x80

#define S_ALGO			0x1f
#define S_STATE(s)		(((s) >> 5) & 3)
#define S_ABSENT		2
#define S_UNREADABLE		3
#define S_HASH_FAILS		0x80

#define KEY_REVOKED		0xdeadbeef
#define KEY_UNKNOWN		0x80000000

static void broken(const char *what)
{
	fprintf(stderr, "xattr_fuzz: %s\n", what);
	abort();
}

/* One input: the value, the digest and the flags. */
struct fuzz_case {
	u8 state;
	unsigned int algo;
	const u8 *value;	/* NULL unless there */
	int len;		/* the xattr_len the verdict gets */
	u8 digest[SIMA_HASH_MAX_DIGEST_SIZE];
	unsigned int digest_len;
};

/* What the callbacks saw during one verdict. */
struct calls {
	const struct sima_verdict_in *in;
	bool hash_fails;
	bool modsig_bad;
	unsigned int verify, hash, modsig;
	int verify_ret;
	const u8 *id_hash;
};

static int model_verify(const u8 *sig, size_t sig_len, const u8 *data,
			unsigned int data_len)
{
	struct sima_sig_hdr hdr;
	int ret = sima_xattr_sig_hdr(sig, sig_len, &hdr);

	if (ret)
		return ret;
	if (hdr.keyid == KEY_REVOKED)
		return -EKEYREJECTED;
	if (hdr.keyid & KEY_UNKNOWN)
		return -ENOKEY;
	if (hdr.sig_len != data_len || memcmp(hdr.sig, data, data_len))
		return -EKEYREJECTED;
	return 0;
}

static int fake_verify(void *priv, const u8 *sig, size_t sig_len,
		       const u8 *data, unsigned int data_len)
{
	struct calls *c = priv;
	const struct sima_verdict_in *in = c->in;

	if (sig != in->xattr || sig_len != (size_t)in->xattr_len)
		broken("verify not given the whole value");
	if (in->xattr[0] == SIMA_XATTR_VERITY_DIGSIG ?
	    data != c->id_hash : data != in->digest)
		broken("verify not given what is signed");
	c->verify++;
	c->verify_ret = model_verify(sig, sig_len, data, data_len);
	return c->verify_ret;
}

/* The ima_file_id hash as the identity; verify must get this buffer. */
static int fake_hash_file_id(void *priv, const u8 *digest, unsigned int len,
			     unsigned int algo, u8 *out)
{
	struct calls *c = priv;
	const struct sima_verdict_in *in = c->in;

	if (digest != in->digest || len != in->digest_len ||
	    algo != in->digest_algo)
		broken("file id hash of something else");
	c->hash++;
	c->id_hash = out;
	if (c->hash_fails)
		return -ENOMEM;
	memcpy(out, digest, len);
	return len;
}

static int fake_verify_modsig(void *priv)
{
	struct calls *c = priv;

	c->modsig++;
	return c->modsig_bad ? -EBADMSG : 0;
}

static void run(const struct fuzz_case *fc, u8 flags, struct calls *c,
		struct sima_verdict *out)
{
	const struct sima_verdict_in in = {
		.xattr = fc->value,
		.xattr_len = fc->len,
		.no_xattr_support = flags & F_NO_XATTRS,
		.digest = fc->digest,
		.digest_len = fc->digest_len,
		.digest_algo = fc->algo,
		.sig_required = flags & F_SIG_REQUIRED,
		.new_file = flags & F_NEW_FILE,
		.empty = flags & F_EMPTY,
		.unverifiable = flags & F_UNVERIFIABLE,
		.verify = fake_verify,
		.hash_file_id = fake_hash_file_id,
		.modsig = flags & F_MODSIG,
		.verify_modsig = fake_verify_modsig,
		.priv = c,
	};

	memset(c, 0, sizeof(*c));
	c->in = &in;
	c->hash_fails = fc->state & S_HASH_FAILS;
	c->modsig_bad = flags & F_MODSIG_BAD;
	memset(out, 0xa5, sizeof(*out));
	sima_appraise_verdict(&in, out);
	c->in = NULL;
}

/* Type 1 or 4 holding the digest after its header. */
static bool hash_matches(const struct fuzz_case *fc)
{
	unsigned int start = fc->value[0] == SIMA_XATTR_DIGEST_NG ? 2 : 1;

	if (fc->value[0] != SIMA_XATTR_DIGEST &&
	    fc->value[0] != SIMA_XATTR_DIGEST_NG)
		return false;
	return (unsigned int)fc->len >= start + fc->digest_len &&
	       !memcmp(fc->value + start, fc->digest, fc->digest_len);
}

/* A signature of the version its type takes, valid in the model. */
static bool sig_valid(const struct fuzz_case *fc)
{
	u8 version = fc->value[0] == SIMA_XATTR_DIGSIG ? 2 : 3;

	if (fc->value[0] != SIMA_XATTR_DIGSIG &&
	    fc->value[0] != SIMA_XATTR_VERITY_DIGSIG)
		return false;
	return fc->len > SIMA_SIG_HDR_SIZE && fc->value[1] == version &&
	       !model_verify(fc->value, fc->len, fc->digest, fc->digest_len);
}

/* Could the value (or its absence) alone make this pass? */
static bool pass_justified(const struct fuzz_case *fc, u8 flags,
			   const struct calls *c, bool present)
{
	bool sig_required = flags & F_SIG_REQUIRED;

	if (flags & F_NO_XATTRS)
		return false;
	if (!present)
		return (fc->len == 0 || fc->len == -ENODATA) &&
		       (flags & F_NEW_FILE) &&
		       (!sig_required || (flags & F_EMPTY));
	switch (fc->value[0]) {
	case SIMA_XATTR_DIGEST:
	case SIMA_XATTR_DIGEST_NG:
		return !sig_required && hash_matches(fc);
	case SIMA_XATTR_DIGSIG:
		return c->verify && !c->verify_ret && sig_valid(fc);
	case SIMA_XATTR_VERITY_DIGSIG:
		return !sig_required && !(fc->state & S_HASH_FAILS) &&
		       c->verify && !c->verify_ret && sig_valid(fc);
	}
	return false;
}

/* Does the value pass on its own merits? */
static bool value_passes(const struct fuzz_case *fc, u8 flags)
{
	bool sig_required = flags & F_SIG_REQUIRED;

	switch (fc->value[0]) {
	case SIMA_XATTR_DIGEST:
	case SIMA_XATTR_DIGEST_NG:
		return !sig_required && hash_matches(fc);
	case SIMA_XATTR_DIGSIG:
		return sig_valid(fc);
	case SIMA_XATTR_VERITY_DIGSIG:
		return !sig_required && !(fc->state & S_HASH_FAILS) &&
		       sig_valid(fc);
	}
	return false;
}

/*
 * Must it pass? A valid appended signature decides where there is no
 * value or a digest-ng one; else a good value passes by itself.
 */
static bool must_pass(const struct fuzz_case *fc, u8 flags, bool present)
{
	bool modsig_decides = (flags & F_MODSIG) &&
			      (!present ||
			       fc->value[0] == SIMA_XATTR_DIGEST_NG);

	if (flags & F_UNVERIFIABLE)
		return false;
	if (modsig_decides)
		return !(flags & F_MODSIG_BAD);
	return present && value_passes(fc, flags);
}

static void check_verdict(const struct fuzz_case *fc, u8 flags,
			  const struct calls *c, const struct sima_verdict *v)
{
	bool present = !(flags & F_NO_XATTRS) && fc->value;
	u8 type = present ? fc->value[0] : 0;
	bool sig_type = type == SIMA_XATTR_DIGSIG ||
			type == SIMA_XATTR_VERITY_DIGSIG;
	bool pass = v->status == SIMA_STATUS_PASS;
	bool modsig_tried;

	if (v->status > SIMA_STATUS_NOLABEL || !v->cause || !*v->cause)
		broken("status or cause out of range");
	if (v->status == SIMA_STATUS_FAIL && !strcmp(v->cause, "unknown"))
		broken("a failure without a cause");
	if (v->digsig != sig_type)
		broken("digsig is not \"the value is a signature\"");
	if (c->verify > 1 || c->hash > 1 || c->modsig > 1)
		broken("a check made twice");
	if ((c->verify || c->hash) && !sig_type)
		broken("a signature check of a value that is none");
	modsig_tried = (flags & F_MODSIG) &&
		       (!present || type == SIMA_XATTR_DIGEST_NG ||
			(c->verify && c->verify_ret == -ENOKEY));
	if (c->modsig != modsig_tried)
		broken("appended signature tried, or not, against upstream");
	if (pass && (flags & F_UNVERIFIABLE))
		broken("a pass on an unverifiable file system");
	if (pass && !(c->modsig && !(flags & F_MODSIG_BAD)) &&
	    !pass_justified(fc, flags, c, present))
		broken("a pass the value does not vouch for");
	if (!pass && must_pass(fc, flags, present))
		broken("a matching hash or valid signature does not pass");
}

static bool same_verdict(const struct sima_verdict *a,
			 const struct sima_verdict *b)
{
	return a->status == b->status && a->cause == b->cause &&
	       a->digsig == b->digsig && a->rc == b->rc;
}

/* Flags that can only take a pass away, and determinism. */
static void check_flags(const struct fuzz_case *fc, u8 flags,
			const struct sima_verdict *v)
{
	struct sima_verdict again;
	struct calls c;

	run(fc, flags, &c, &again);
	if (!same_verdict(v, &again))
		broken("the same input judged twice differently");
	if (flags & F_SIG_REQUIRED) {
		run(fc, flags & ~F_SIG_REQUIRED, &c, &again);
		if (v->status == SIMA_STATUS_PASS &&
		    again.status != SIMA_STATUS_PASS)
			broken("passes with imasig, not without");
	}
	if (flags & F_UNVERIFIABLE) {
		run(fc, flags & ~F_UNVERIFIABLE, &c, &again);
		if ((flags & F_NO_XATTRS) && !(flags & F_MODSIG)) {
			if (!same_verdict(v, &again))
				broken("unverifiable changes an unjudged file");
		} else if (v->status != SIMA_STATUS_FAIL ||
			   strcmp(v->cause, "unverifiable-signature") ||
			   v->digsig != again.digsig || v->rc != again.rc) {
			broken("unverifiable does more than fail the verdict");
		}
	}
}

/*
 * The algorithm a value names, by the rule of upstream's
 * ima_get_hash_algo(): a v2 signature (type 3) or v3 one (type 6) with
 * more than its header, a digest-ng value with an algorithm byte, a
 * legacy digest of sha1 (21 bytes) or md5 (17, or 21 ending in 4 zeros).
 */
static unsigned int named_algo(const u8 *value, size_t len,
			       unsigned int dflt)
{
	static const u8 zero[4];
	unsigned int algo = SIMA_HASH_ALGO__LAST;

	if (len > SIMA_SIG_HDR_SIZE &&
	    ((value[0] == SIMA_XATTR_DIGSIG && value[1] == 2) ||
	     (value[0] == SIMA_XATTR_VERITY_DIGSIG && value[1] == 3)))
		algo = value[2];
	else if (len > 1 && value[0] == SIMA_XATTR_DIGEST_NG)
		algo = value[1];
	else if (len == 17 && value[0] == SIMA_XATTR_DIGEST)
		algo = SIMA_HASH_ALGO_MD5;
	else if (len == 21 && value[0] == SIMA_XATTR_DIGEST)
		algo = memcmp(value + 17, zero, 4) ? SIMA_HASH_ALGO_SHA1 :
						     SIMA_HASH_ALGO_MD5;
	return algo < SIMA_HASH_ALGO__LAST ? algo : dflt;
}

/* sima_xattr_hash_algo() and sima_xattr_sig_hdr() over the raw bytes. */
static void check_formats(const u8 *value, size_t len, unsigned int dflt)
{
	unsigned int algo = sima_xattr_hash_algo(value, len, dflt);
	struct sima_sig_hdr hdr, untouched;
	u8 type = len ? value[0] : 0, head[SIMA_SIG_HDR_SIZE];
	int ret;

	memset(&hdr, 0xa5, sizeof(hdr));
	untouched = hdr;
	if (algo != named_algo(value, len, dflt))
		broken("not the algorithm the value names");
	if (!len)
		return;
	ret = sima_xattr_sig_hdr(value, len, &hdr);
	if (ret) {
		if (ret != -EBADMSG && ret != -EOPNOTSUPP && ret != -ENOPKG)
			broken("header errno");
		if (memcmp(&hdr, &untouched, sizeof(hdr)))
			broken("header written on error");
		return;
	}
	head[0] = type;
	head[1] = hdr.version;
	head[2] = hdr.algo;
	head[3] = hdr.keyid >> 24;
	head[4] = hdr.keyid >> 16;
	head[5] = hdr.keyid >> 8;
	head[6] = hdr.keyid;
	head[7] = hdr.sig_len >> 8;
	head[8] = hdr.sig_len;
	if (memcmp(head, value, sizeof(head)) ||
	    hdr.sig != value + SIMA_SIG_HDR_SIZE ||
	    hdr.sig_len + SIMA_SIG_HDR_SIZE != len ||
	    hdr.algo >= SIMA_HASH_ALGO__LAST)
		broken("an accepted header does not rebuild the value");
	if (((type == SIMA_XATTR_DIGSIG && hdr.version == 2) ||
	     (type == SIMA_XATTR_VERITY_DIGSIG && hdr.version == 3)) &&
	    algo != hdr.algo)
		broken("the file is not hashed with the header's algorithm");
}

/* Where a value of this type keeps a digest. */
static size_t digest_offset(const u8 *value, size_t len)
{
	if (!len)
		return 0;
	switch (value[0]) {
	case SIMA_XATTR_DIGEST:
		return 1;
	case SIMA_XATTR_DIGEST_NG:
		return 2;
	case SIMA_XATTR_DIGSIG:
	case SIMA_XATTR_VERITY_DIGSIG:
		return SIMA_SIG_HDR_SIZE;
	}
	return 0;
}

int xattr_fuzz_one(const uint8_t *data, size_t size)
{
	struct fuzz_case fc = { };
	const u8 *p = data + 2;
	size_t left, off, n;
	struct sima_verdict v;
	struct calls c;
	u8 flags;

	if (size < 2)
		return 0;
	flags = data[0];
	fc.state = data[1];
	fc.algo = (fc.state & S_ALGO) % SIMA_HASH_ALGO__LAST;
	fc.digest_len = sima_hash_digest_size(fc.algo);
	left = size - 2;
	if (!(flags & F_DIGEST_FROM_VALUE)) {
		n = left < fc.digest_len ? left : fc.digest_len;
		memcpy(fc.digest, p, n);
		p += n;
		left -= n;
	} else {
		off = digest_offset(p, left);
		if (off < left) {
			n = left - off;
			memcpy(fc.digest, p + off,
			       n < fc.digest_len ? n : fc.digest_len);
		}
	}
	check_formats(p, left, fc.algo);
	switch (S_STATE(fc.state)) {
	case S_ABSENT:
		fc.len = -ENODATA;
		break;
	case S_UNREADABLE:
		fc.len = -EIO;
		break;
	default:
		fc.value = left ? p : NULL;
		fc.len = left;
	}
	run(&fc, flags, &c, &v);
	check_verdict(&fc, flags, &c, &v);
	check_flags(&fc, flags, &v);
	return 0;
}

#ifdef FUZZ_SEEDS
#include "../vectors/verdict_cases.h"
#include "../vectors/xattr_cases.h"
#include "seeds.h"

/* The control bytes and the digest, then the value. */
static void write_seed(const char *dir, const char *kind, unsigned int i,
		       u8 flags, u8 state, const void *digest, size_t dlen,
		       const void *value, size_t len)
{
	u8 head[2 + SIMA_HASH_MAX_DIGEST_SIZE] = { flags, state };

	if (dlen)
		memcpy(head + 2, digest, dlen);
	seed_write(dir, kind, i, head, 2 + dlen, value, len);
}

static u8 case_flags(const struct verdict_case *c)
{
	return (c->sig_required ? F_SIG_REQUIRED : 0) |
	       (c->new_file ? F_NEW_FILE : 0) | (c->empty ? F_EMPTY : 0) |
	       (c->no_xattr_support ? F_NO_XATTRS : 0) |
	       (c->unverifiable ? F_UNVERIFIABLE : 0) |
	       (c->modsig ? F_MODSIG : 0) | (c->modsig_ret ? F_MODSIG_BAD : 0);
}

/* A signature the model takes as valid: its bytes are the digest. */
static void write_signed(const char *dir, unsigned int i, u8 type, u8 version,
			 u32 keyid)
{
	u8 value[SIMA_SIG_HDR_SIZE + 32] = {
		type, version, SIMA_HASH_ALGO_SHA256, keyid >> 24, keyid >> 16,
		keyid >> 8, keyid, 0, 32,
	};

	memcpy(value + SIMA_SIG_HDR_SIZE, verdict_digest, 32);
	write_seed(dir, "signed", i, 0, SIMA_HASH_ALGO_SHA256, verdict_digest,
		   32, value, sizeof(value));
}

static void write_dict(const char *path)
{
	static const char *const words[] = {
		"\\x01", "\\x03\\x02", "\\x06\\x03", "\\x04\\x04",
		"\\x03\\x02\\x04", "\\xde\\xad\\xbe\\xef", "\\x00\\x20",
	};
	FILE *f = seed_dict_open(path);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		seed_word(f, words[i], "");
	fclose(f);
}

int main(int argc, char **argv)
{
	unsigned int i;
	u8 value[64];
	int len;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CORPUS-DIR DICT-FILE\n", argv[0]);
		return 2;
	}
	(void)verdict_case_run;
	for (i = 0; i < ARRAY_SIZE(verdict_cases); i++) {
		const struct verdict_case *c = &verdict_cases[i];
		u8 state = SIMA_HASH_ALGO_SHA256;

		len = verdict_value(c, value);
		if (len == -ENODATA)
			state |= S_ABSENT << 5;
		else if (len < 0)
			state |= S_UNREADABLE << 5;
		state |= c->hash_ret < 0 ? S_HASH_FAILS : 0;
		if (len < 0)
			len = 0;
		write_seed(argv[1], "verdict", i, case_flags(c), state,
			   verdict_digest, sizeof(verdict_digest), value, len);
	}
	for (i = 0; i < ARRAY_SIZE(xattr_algo_cases); i++)
		write_seed(argv[1], "algo", i, F_DIGEST_FROM_VALUE,
			   SIMA_HASH_ALGO_SHA256, NULL, 0,
			   xattr_algo_cases[i].value, xattr_algo_cases[i].len);
	for (i = 0; i < ARRAY_SIZE(xattr_sig_cases); i++)
		write_seed(argv[1], "sig", i, F_DIGEST_FROM_VALUE,
			   SIMA_HASH_ALGO_SHA256, NULL, 0,
			   xattr_sig_cases[i].value, xattr_sig_cases[i].len);
	write_signed(argv[1], 0, SIMA_XATTR_DIGSIG, 2, 0x01020304);
	write_signed(argv[1], 1, SIMA_XATTR_VERITY_DIGSIG, 3, 0x01020304);
	write_signed(argv[1], 2, SIMA_XATTR_DIGSIG, 2, KEY_REVOKED);
	write_signed(argv[1], 3, SIMA_XATTR_DIGSIG, 2, KEY_UNKNOWN | 1);
	write_dict(argv[2]);
	return 0;
}
#endif /* FUZZ_SEEDS */
