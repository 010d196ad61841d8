// SPDX-License-Identifier: GPL-2.0
/*
 * sima - measurement templates: descriptors, format strings, field data
 *
 * A template names the fields of a measurement-list entry. This file knows
 * the fields upstream IMA 6.1 defines, its builtin templates, the syntax
 * of ima_template_fmt=, how each field's bytes are made from an event,
 * and which bytes the template digest covers. The encodings are upstream's
 * byte for byte: the list and the PCRs must replay with upstream tools.
 *
 * Pure logic (see include/sima/template.h); template_render.c writes and
 * reads the list formats.
 */

#include "sima/template.h"

/* Types of security.ima / security.evm values the sig fields take. */
#define XATTR_IMA_DIGSIG	3	/* EVM_IMA_XATTR_DIGSIG */
#define XATTR_EVM_PORTABLE	5	/* EVM_XATTR_PORTABLE_DIGSIG */
#define XATTR_IMA_VERITY_SIG	6	/* IMA_VERITY_DIGSIG */

/* Size of the d field of a violation, and of the padded n of "ima". */
#define LEGACY_DIGEST_SIZE	20
#define LEGACY_NAME_SIZE	(SIMA_TEMPLATE_EVENT_NAME_MAX + 1)

/* No field, nor the sum of them, may come near a u32's range. */
#define TEMPLATE_DATA_MAX	0x7fff0000ULL

static const char *const field_names[SIMA_TEMPLATE_NR_FIELD_IDS] = {
#define SIMA_TEMPLATE_FIELD_DEF(id, name, show) name,
#include "sima/template_fields.def"
#undef SIMA_TEMPLATE_FIELD_DEF
};

static const u8 field_shows[SIMA_TEMPLATE_NR_FIELD_IDS] = {
#define SIMA_TEMPLATE_FIELD_DEF(id, name, show) SIMA_TEMPLATE_SHOW_##show,
#include "sima/template_fields.def"
#undef SIMA_TEMPLATE_FIELD_DEF
};

#define F(id) SIMA_TEMPLATE_FIELD_##id

/* Linux 6.1's builtin templates (ima_template.c), in lookup order. */
static const struct sima_template_desc builtin_templates[] = {
	{ "ima", "d|n", 2, { F(D), F(N) } },
	{ "ima-ng", "d-ng|n-ng", 2, { F(D_NG), F(N_NG) } },
	{ "ima-sig", "d-ng|n-ng|sig", 3, { F(D_NG), F(N_NG), F(SIG) } },
	{ "ima-ngv2", "d-ngv2|n-ng", 2, { F(D_NGV2), F(N_NG) } },
	{ "ima-sigv2", "d-ngv2|n-ng|sig", 3,
	  { F(D_NGV2), F(N_NG), F(SIG) } },
	{ "ima-buf", "d-ng|n-ng|buf", 3, { F(D_NG), F(N_NG), F(BUF) } },
	{ "ima-modsig", "d-ng|n-ng|sig|d-modsig|modsig", 5,
	  { F(D_NG), F(N_NG), F(SIG), F(D_MODSIG), F(MODSIG) } },
	{ "evm-sig",
	  "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|iuid|igid|imode",
	  9, { F(D_NG), F(N_NG), F(EVMSIG), F(XATTRNAMES), F(XATTRLENGTHS),
	       F(XATTRVALUES), F(IUID), F(IGID), F(IMODE) } },
};

#undef F

/**
 * sima_template_field_name - the id a format string names a field by
 * @field: enum sima_template_field value
 *
 * Return: the id, e.g. "d-ng", or NULL for a value outside the table.
 */
const char *sima_template_field_name(unsigned int field)
{
	return field < SIMA_TEMPLATE_NR_FIELD_IDS ? field_names[field] : NULL;
}

/**
 * sima_template_field_show - how the ASCII list shows a field
 * @field: enum sima_template_field value
 *
 * Return: the enum sima_template_show value; hex for an unknown field.
 */
enum sima_template_show sima_template_field_show(unsigned int field)
{
	if (field >= SIMA_TEMPLATE_NR_FIELD_IDS)
		return SIMA_TEMPLATE_SHOW_HEX;
	return field_shows[field];
}

static int lookup_field(const char *id, size_t len)
{
	unsigned int i;

	for (i = 0; i < SIMA_TEMPLATE_NR_FIELD_IDS; i++)
		if (strlen(field_names[i]) == len &&
		    !memcmp(field_names[i], id, len))
			return i;
	return -ENOENT;
}

static size_t count_fields(const char *fmt)
{
	size_t n = 1;

	for (; *fmt; fmt++)
		n += *fmt == '|';
	return n;
}

static size_t field_id_len(const char *p)
{
	size_t len = 0;

	while (p[len] && p[len] != '|')
		len++;
	return len;
}

/**
 * sima_template_parse_fmt - parse an ima_template_fmt= format string
 * @fmt: NUL-terminated, e.g. "d-ng|n-ng|sig"
 * @out: the custom template (empty name) on success, zeroed on error
 *
 * Checks what upstream checks, in its order: at most 15 fields, then each
 * id non-empty, at most 16 characters and known. A field may appear more
 * than once, as upstream allows.
 *
 * Return: 0; -EINVAL for too many fields or an empty or over-long id;
 * -ENOENT for an unknown id.
 */
int sima_template_parse_fmt(const char *fmt, struct sima_template_desc *out)
{
	const char *p = fmt;
	unsigned int n = 0;
	size_t len;
	int id;

	memset(out, 0, sizeof(*out));
	if (count_fields(fmt) > SIMA_TEMPLATE_MAX_FIELDS)
		return -EINVAL;
	for (;;) {
		len = field_id_len(p);
		if (!len || len > SIMA_TEMPLATE_FIELD_ID_MAX)
			goto err_inval;
		id = lookup_field(p, len);
		if (id < 0) {
			memset(out, 0, sizeof(*out));
			return id;
		}
		out->fields[n++] = id;
		if (!p[len])
			break;
		p += len + 1;
	}
	/* Known ids are short: a valid string always fits. */
	len = p + len - fmt;
	if (len > SIMA_TEMPLATE_FMT_MAX)
		goto err_inval;
	memcpy(out->fmt, fmt, len + 1);
	out->nr_fields = n;
	return 0;

err_inval:
	memset(out, 0, sizeof(*out));
	return -EINVAL;
}

/**
 * sima_template_find - look a builtin template up
 * @name_or_fmt: its name ("ima-sig") or its exact format string
 *
 * This is how template=, ima_template= and kexec restore find templates.
 * A custom template is not in the table: callers that have one compare
 * its format string themselves.
 *
 * Return: the builtin template, or NULL.
 */
const struct sima_template_desc *sima_template_find(const char *name_or_fmt)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(builtin_templates); i++) {
		const struct sima_template_desc *d = &builtin_templates[i];

		if (!strcmp(d->name, name_or_fmt) ||
		    !strcmp(d->fmt, name_or_fmt))
			return d;
	}
	return NULL;
}

/**
 * sima_template_desc_name - the name lists show for a template
 * @d: the template
 *
 * Return: its name, or its format string for a custom template.
 */
const char *sima_template_desc_name(const struct sima_template_desc *d)
{
	return d->name[0] ? d->name : d->fmt;
}

/**
 * sima_template_is_ima - does a template use the legacy "ima" layout
 * @d: the template
 *
 * Upstream decides by the name alone: a custom "d|n" is not legacy.
 *
 * Return: true for the builtin "ima" template.
 */
bool sima_template_is_ima(const struct sima_template_desc *d)
{
	return !strcmp(d->name, "ima");
}

/**
 * sima_template_has_field - does a template contain a field
 * @d: the template
 * @field: the field
 *
 * Callers use it to learn whether an event needs, for example, a modsig
 * digest (d-modsig, modsig) or a SHA-1 re-hash for "d".
 *
 * Return: true if @field is one of @d's fields.
 */
bool sima_template_has_field(const struct sima_template_desc *d,
			     enum sima_template_field field)
{
	unsigned int i;

	for (i = 0; i < d->nr_fields && i < SIMA_TEMPLATE_MAX_FIELDS; i++)
		if (d->fields[i] == field)
			return true;
	return false;
}

/*
 * Field encoders. Each returns the field's length in *len and, when dst
 * is not NULL, writes the bytes there; dst is zeroed memory of that size.
 */
struct encoder {
	const struct sima_template_input *in;
	bool canonical;
};

static void put(u8 *dst, u64 off, const void *p, size_t n)
{
	if (dst && n)
		memcpy(dst + off, p, n);
}

static bool digest_ok(const u8 *digest, u32 len)
{
	return digest && len && len <= SIMA_HASH_MAX_DIGEST_SIZE;
}

/* d: the bare digest, SHA-1 or MD5 only. */
static int enc_digest(const struct encoder *e, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;
	const u8 *digest = in->digest;
	u32 size = in->digest_len;

	if (in->violation) {
		*len = LEGACY_DIGEST_SIZE;
		return 0;
	}
	if (in->algo != SIMA_HASH_ALGO_SHA1 && in->algo != SIMA_HASH_ALGO_MD5) {
		digest = in->legacy_digest;
		size = in->legacy_digest_len;
	}
	if (!digest_ok(digest, size))
		return -EINVAL;
	put(dst, 0, digest, size);
	*len = size;
	return 0;
}

/*
 * "<type>:<algo>:" (no type: "<algo>:"), a NUL, then the digest, or
 * zeros of the algorithm's size for a violation.
 */
static int enc_prefixed(const char *type, unsigned int algo, bool zeros,
			const u8 *digest, u32 size, u8 *dst, u64 *len)
{
	const char *name = sima_hash_algo_name(algo);
	u64 off = 0;

	if (!name)
		return -EINVAL;
	if (zeros)
		size = sima_hash_digest_size(algo);
	else if (!digest_ok(digest, size))
		return -EINVAL;
	if (type) {
		put(dst, off, type, strlen(type));
		off += strlen(type);
		put(dst, off++, ":", 1);
	}
	put(dst, off, name, strlen(name));
	off += strlen(name);
	put(dst, off++, ":", 1);
	off++;			/* the NUL, already zero */
	if (!zeros)
		put(dst, off, digest, size);
	*len = off + size;
	return 0;
}

static int enc_digest_ng(const struct encoder *e, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;

	return enc_prefixed(NULL, in->algo, in->violation, in->digest,
			    in->digest_len, dst, len);
}

static int enc_digest_ngv2(const struct encoder *e, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;
	const char *type = in->verity && !in->violation ? "verity" : "ima";

	return enc_prefixed(type, in->algo, in->violation, in->digest,
			    in->digest_len, dst, len);
}

/* A violation with a modsig would show SHA-1 zeros; events have none. */
static int enc_digest_modsig(const struct encoder *e, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;

	*len = 0;
	if (!in->modsig)
		return 0;
	if (in->violation)
		return enc_prefixed(NULL, SIMA_HASH_ALGO_SHA1, true, NULL, 0,
				    dst, len);
	return enc_prefixed(NULL, in->modsig_algo, false, in->modsig_digest,
			    in->modsig_digest_len, dst, len);
}

/*
 * n and n-ng: spaces become '_', a NUL ends the data. "n" keeps at most
 * 255 characters: a longer path gives way to the file's own name, or is
 * cut when there is no file.
 */
static int enc_name(const struct encoder *e, bool limit, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;
	const char *s = in->name;
	size_t i, n = s ? strlen(s) : 0;

	if (!s || (limit && n > SIMA_TEMPLATE_EVENT_NAME_MAX)) {
		if (in->dentry_name) {
			s = in->dentry_name;
			n = strlen(s);
		}
		if (!s)
			return -EINVAL;
		/* NAME_MAX keeps a dentry name short; make sure of it. */
		if (limit && n > SIMA_TEMPLATE_EVENT_NAME_MAX)
			n = SIMA_TEMPLATE_EVENT_NAME_MAX;
	}
	if (dst)
		for (i = 0; i < n; i++)
			dst[i] = s[i] == ' ' ? '_' : s[i];
	*len = n + 1;
	return 0;
}

static int enc_bytes(const u8 *p, u32 n, u8 *dst, u64 *len)
{
	*len = p ? n : 0;
	put(dst, 0, p, *len);
	return 0;
}

/* evmsig: security.evm, only when it is a portable signature. */
static int enc_evmsig(const struct encoder *e, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;

	*len = 0;
	if (!in->has_file || !in->evm_xattr || !in->evm_xattr_len ||
	    in->evm_xattr[0] != XATTR_EVM_PORTABLE)
		return 0;
	return enc_bytes(in->evm_xattr, in->evm_xattr_len, dst, len);
}

/* sig: a signature in security.ima, else the portable EVM signature. */
static int enc_sig(const struct encoder *e, u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;

	if (!in->ima_xattr || !in->ima_xattr_len ||
	    (in->ima_xattr[0] != XATTR_IMA_DIGSIG &&
	     in->ima_xattr[0] != XATTR_IMA_VERITY_SIG))
		return enc_evmsig(e, dst, len);
	return enc_bytes(in->ima_xattr, in->ima_xattr_len, dst, len);
}

static int enc_u32(const struct encoder *e, u32 v, u8 *dst, u64 *len)
{
	*len = 0;
	if (!e->in->has_file)
		return 0;
	if (dst)
		sima_template_put_u32(dst, v, e->canonical);
	*len = sizeof(u32);
	return 0;
}

static int enc_mode(const struct encoder *e, u8 *dst, u64 *len)
{
	u16 mode = e->in->mode;

	*len = 0;
	if (!e->in->has_file)
		return 0;
	if (dst && e->canonical) {
		dst[0] = mode;
		dst[1] = mode >> 8;
	} else {
		put(dst, 0, &mode, sizeof(mode));
	}
	*len = sizeof(mode);
	return 0;
}

/*
 * xattrnames ("a|b" plus one NUL), xattrlengths (a u32 each) and
 * xattrvalues (concatenated), over the EVM xattrs the file has.
 */
static int enc_xattrs(const struct encoder *e, unsigned int field, u8 *dst,
		      u64 *len)
{
	const struct sima_template_input *in = e->in;
	unsigned int i;
	u64 off = 0;

	*len = 0;
	if (!in->has_file || !in->xattrs)
		return 0;
	for (i = 0; i < in->nr_xattrs; i++) {
		const struct sima_template_xattr *x = &in->xattrs[i];

		if (field == SIMA_TEMPLATE_FIELD_XATTRNAMES) {
			if (!x->name)
				return -EINVAL;
			if (off)
				put(dst, off - 1, "|", 1);
			put(dst, off, x->name, strlen(x->name));
			off += strlen(x->name) + 1;
		} else if (field == SIMA_TEMPLATE_FIELD_XATTRLENGTHS) {
			if (dst)
				sima_template_put_u32(dst + off, x->len,
						      e->canonical);
			off += sizeof(u32);
		} else {
			if (x->len && !x->value)
				return -EINVAL;
			put(dst, off, x->value, x->len);
			off += x->len;
		}
		if (off > TEMPLATE_DATA_MAX)
			return -E2BIG;
	}
	*len = off;
	return 0;
}

static int encode_field(const struct encoder *e, unsigned int field,
			u8 *dst, u64 *len)
{
	const struct sima_template_input *in = e->in;

	switch (field) {
	case SIMA_TEMPLATE_FIELD_D:
		return enc_digest(e, dst, len);
	case SIMA_TEMPLATE_FIELD_N:
		return enc_name(e, true, dst, len);
	case SIMA_TEMPLATE_FIELD_D_NG:
		return enc_digest_ng(e, dst, len);
	case SIMA_TEMPLATE_FIELD_D_NGV2:
		return enc_digest_ngv2(e, dst, len);
	case SIMA_TEMPLATE_FIELD_N_NG:
		return enc_name(e, false, dst, len);
	case SIMA_TEMPLATE_FIELD_SIG:
		return enc_sig(e, dst, len);
	case SIMA_TEMPLATE_FIELD_BUF:
		return enc_bytes(in->buf, in->buf_len, dst, len);
	case SIMA_TEMPLATE_FIELD_D_MODSIG:
		return enc_digest_modsig(e, dst, len);
	case SIMA_TEMPLATE_FIELD_MODSIG:
		return enc_bytes(in->modsig, in->modsig_len, dst, len);
	case SIMA_TEMPLATE_FIELD_EVMSIG:
		return enc_evmsig(e, dst, len);
	case SIMA_TEMPLATE_FIELD_IUID:
		return enc_u32(e, in->uid, dst, len);
	case SIMA_TEMPLATE_FIELD_IGID:
		return enc_u32(e, in->gid, dst, len);
	case SIMA_TEMPLATE_FIELD_IMODE:
		return enc_mode(e, dst, len);
	case SIMA_TEMPLATE_FIELD_XATTRNAMES:
	case SIMA_TEMPLATE_FIELD_XATTRLENGTHS:
	case SIMA_TEMPLATE_FIELD_XATTRVALUES:
		return enc_xattrs(e, field, dst, len);
	default:
		return -EINVAL;
	}
}

/**
 * sima_template_encode - make the field data of an entry
 * @d: the template
 * @in: the event
 * @canonical: integers in little-endian rather than the CPU's order
 * @out: the fields, in one allocation; free with sima_template_data_free()
 *
 * Every field is encoded as upstream's field_init does it. A field without
 * a value (no signature, no file for iuid...) gets length 0. @out is zeroed
 * on error.
 *
 * Return: 0; -EINVAL for an input a field cannot be made from (no name, a
 * digest missing or larger than 64 bytes, an unknown algorithm, an
 * unknown field); -E2BIG for data near 2 GiB; -ENOMEM.
 */
int sima_template_encode(const struct sima_template_desc *d,
			 const struct sima_template_input *in, bool canonical,
			 struct sima_template_data *out)
{
	const struct encoder e = { .in = in, .canonical = canonical };
	u64 len[SIMA_TEMPLATE_MAX_FIELDS], total = 0, off = 0;
	unsigned int i;
	int err;

	memset(out, 0, sizeof(*out));
	if (d->nr_fields > SIMA_TEMPLATE_MAX_FIELDS)
		return -EINVAL;
	for (i = 0; i < d->nr_fields; i++) {
		err = encode_field(&e, d->fields[i], NULL, &len[i]);
		if (err)
			return err;
		total += len[i];
		if (total > TEMPLATE_DATA_MAX)
			return -E2BIG;
	}
	if (!total)
		return 0;
	out->mem = kzalloc(total, GFP_KERNEL);
	if (!out->mem)
		return -ENOMEM;
	for (i = 0; i < d->nr_fields; i++) {
		if (!len[i])
			continue;
		encode_field(&e, d->fields[i], out->mem + off, &len[i]);
		out->field[i].data = out->mem + off;
		out->field[i].len = len[i];
		off += len[i];
	}
	return 0;
}

/**
 * sima_template_data_free - free what sima_template_encode() allocated
 * @td: the data; zeroed afterwards. Borrowed data is left alone.
 */
void sima_template_data_free(struct sima_template_data *td)
{
	kfree(td->mem);
	memset(td, 0, sizeof(*td));
}

/*
 * The xattrs upstream's xattr fields list, in its order: EVM's list, which
 * names every one of them whatever the kernel's LSMs (a disabled one only
 * drops out of the HMAC), so the list is the same on every kernel.
 */
static const char *const evm_xattr_names[SIMA_TEMPLATE_NR_XATTRS] = {
	"security.selinux",
	"security.SMACK64",
	"security.SMACK64EXEC",
	"security.SMACK64TRANSMUTE",
	"security.SMACK64MMAP",
	"security.apparmor",
	"security.ima",
	"security.capability",
};

/**
 * sima_template_xattr_name - one xattr of the xattr fields' list
 * @i: its position
 *
 * Return: its name, or NULL past the end of the list.
 */
const char *sima_template_xattr_name(unsigned int i)
{
	return i < SIMA_TEMPLATE_NR_XATTRS ? evm_xattr_names[i] : NULL;
}

/**
 * sima_template_xattrs_read - read the xattrs xattrnames & co. list
 * @xs: filled with those the file has, in list order
 * @get: reads one xattr: its length (and an allocated copy in *value,
 *	NULL when empty), -ENODATA when the file has none, or an errno
 * @ctx: for @get
 *
 * As upstream, an empty xattr is listed, and any error but -ENODATA
 * leaves the fields empty: @xs then holds nothing.
 */
void sima_template_xattrs_read(struct sima_template_xattrs *xs,
			       ssize_t (*get)(void *ctx, const char *name,
					      u8 **value),
			       void *ctx)
{
	unsigned int i;
	ssize_t len;
	u8 *value;

	memset(xs, 0, sizeof(*xs));
	for (i = 0; i < SIMA_TEMPLATE_NR_XATTRS; i++) {
		value = NULL;
		len = get(ctx, evm_xattr_names[i], &value);
		if (len == -ENODATA)
			continue;
		if (len < 0 || (u64)len > TEMPLATE_DATA_MAX) {
			kfree(value);
			sima_template_xattrs_free(xs);
			return;
		}
		xs->x[xs->nr].name = evm_xattr_names[i];
		xs->x[xs->nr].value = value;
		xs->x[xs->nr].len = len;
		xs->nr++;
	}
}

/**
 * sima_template_xattrs_free - free what sima_template_xattrs_read() read
 * @xs: emptied
 */
void sima_template_xattrs_free(struct sima_template_xattrs *xs)
{
	while (xs->nr)
		kfree(xs->x[--xs->nr].value);
	memset(xs, 0, sizeof(*xs));
}

static unsigned int nr_fields(const struct sima_template_desc *d)
{
	return d->nr_fields < SIMA_TEMPLATE_MAX_FIELDS ?
	       d->nr_fields : SIMA_TEMPLATE_MAX_FIELDS;
}

/**
 * sima_template_hash_walk - feed the bytes a template digest covers
 * @d: the template
 * @td: its field data
 * @canonical: lengths in little-endian rather than the CPU's order
 * @update: called with consecutive pieces of the input, in order
 * @ctx: for @update
 *
 * Every field contributes its u32 length, then its data. The "ima"
 * template has no lengths: its d is hashed as it is and its n zero-padded
 * to 256 bytes. Every bank's digest is a hash of the same bytes.
 */
void sima_template_hash_walk(const struct sima_template_desc *d,
			     const struct sima_template_data *td,
			     bool canonical,
			     void (*update)(void *ctx, const void *p,
					    size_t n),
			     void *ctx)
{
	static const u8 zeros[LEGACY_NAME_SIZE];
	bool ima = sima_template_is_ima(d);
	unsigned int i;
	u8 len[4];

	for (i = 0; i < nr_fields(d); i++) {
		const struct sima_template_field_data *f = &td->field[i];
		u32 n = f->len;

		if (!ima) {
			sima_template_put_u32(len, n, canonical);
			update(ctx, len, sizeof(len));
		} else if (d->fields[i] == SIMA_TEMPLATE_FIELD_N) {
			if (n > LEGACY_NAME_SIZE)
				n = LEGACY_NAME_SIZE;
			if (n)
				update(ctx, f->data, n);
			if (n < LEGACY_NAME_SIZE)
				update(ctx, zeros, LEGACY_NAME_SIZE - n);
			continue;
		}
		if (n)
			update(ctx, f->data, n);
	}
}
