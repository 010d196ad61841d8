/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - measurement templates: descriptors, field data and list records
 *
 * Pure logic, shared by the module and the user-space tests. Everything
 * upstream keeps in globals (ima_canonical_fmt, the custom template) comes
 * in as a parameter. "canonical" selects little-endian for every integer
 * of a record (PCR, lengths, iuid/igid/imode, xattrlengths); otherwise
 * they are in the CPU's order, as on a kernel without ima_canonical_fmt.
 */
#ifndef _SIMA_TEMPLATE_H
#define _SIMA_TEMPLATE_H

#include "sima/compat.h"
#include "sima/digest.h"

/* At most 15 fields of at most 16 characters (IMA_TEMPLATE_*_MAX). */
#define SIMA_TEMPLATE_MAX_FIELDS	15
#define SIMA_TEMPLATE_FIELD_ID_MAX	16
/* The longest format string that can be valid: 15 ids of 16 and 14 '|'. */
#define SIMA_TEMPLATE_FMT_MAX \
	(SIMA_TEMPLATE_MAX_FIELDS * (SIMA_TEMPLATE_FIELD_ID_MAX + 1) - 1)
/* Room for a builtin name ("ima-modsig"). */
#define SIMA_TEMPLATE_NAME_MAX		15
/* The n field's limit (IMA_EVENT_NAME_LEN_MAX). */
#define SIMA_TEMPLATE_EVENT_NAME_MAX	255
/* Lists show the SHA-1 template digest (TPM_DIGEST_SIZE). */
#define SIMA_TEMPLATE_DIGEST_SIZE	20

enum sima_template_field {
#define SIMA_TEMPLATE_FIELD_DEF(id, name, show) SIMA_TEMPLATE_FIELD_##id,
#include "sima/template_fields.def"
#undef SIMA_TEMPLATE_FIELD_DEF
	SIMA_TEMPLATE_NR_FIELD_IDS
};

/* How ascii_runtime_measurements shows a field (template_fields.def). */
enum sima_template_show {
	SIMA_TEMPLATE_SHOW_HEX,
	SIMA_TEMPLATE_SHOW_ALGO_HEX,
	SIMA_TEMPLATE_SHOW_STRING,
	SIMA_TEMPLATE_SHOW_UINT,
};

/**
 * struct sima_template_desc - a template: which fields, in which order
 * @name: builtin name, "" for a custom (ima_template_fmt=) template
 * @fmt: format string, e.g. "d-ng|n-ng|sig"
 * @nr_fields: entries used in @fields
 * @fields: enum sima_template_field values
 *
 * A value type: it can be copied and needs no freeing. Lists show @name,
 * or @fmt when @name is empty. Only the builtin named "ima" gets the
 * legacy record and hash layout; a custom "d|n" does not.
 */
struct sima_template_desc {
	char name[SIMA_TEMPLATE_NAME_MAX + 1];
	char fmt[SIMA_TEMPLATE_FMT_MAX + 1];
	u8 nr_fields;
	u8 fields[SIMA_TEMPLATE_MAX_FIELDS];
};

/**
 * struct sima_template_field_data - the stored bytes of one field
 * @data: @len bytes (NULL when @len is 0)
 * @len: the field length recorded in lists and template hashes
 */
struct sima_template_field_data {
	const u8 *data;
	u32 len;
};

/**
 * struct sima_template_data - the data of every field of one entry
 * @mem: the allocation @field points into, NULL when the bytes are
 *	borrowed (a parsed record)
 * @field: one per field of the descriptor, in its order
 *
 * The descriptor gives the number of fields; entries past it are unused.
 */
struct sima_template_data {
	u8 *mem;
	struct sima_template_field_data field[SIMA_TEMPLATE_MAX_FIELDS];
};

/**
 * struct sima_template_xattr - one EVM-protected xattr present on a file
 * @name: its name, e.g. "security.ima"
 * @value: its value
 * @len: bytes in @value
 */
struct sima_template_xattr {
	const char *name;
	const u8 *value;
	u32 len;
};

/* How many xattrs upstream's EVM lists (evm_config_xattrnames). */
#define SIMA_TEMPLATE_NR_XATTRS		8

/**
 * struct sima_template_xattrs - the EVM-list xattrs of one file
 * @x: those present, in list order; each value is allocated
 * @nr: entries used in @x
 */
struct sima_template_xattrs {
	struct sima_template_xattr x[SIMA_TEMPLATE_NR_XATTRS];
	unsigned int nr;
};

/**
 * struct sima_template_input - what the fields of an entry are made from
 * @violation: a violation entry: every digest is zeros
 * @verity: the digest is an fs-verity digest (d-ngv2 type "verity")
 * @has_file: a file backs the event; without one evmsig, iuid, igid, imode
 *	and the xattr fields are empty (buffer events, boot_aggregate)
 * @algo: enum sima_hash_algo of @digest; for violations, ima_hash
 * @digest: the event digest (unused for violations)
 * @digest_len: bytes in @digest
 * @legacy_digest: for "d" when @algo is neither sha1 nor md5: the file
 *	re-hashed with SHA-1 (or ima_hash if that is sha1/md5), or the SHA-1
 *	boot aggregate (20 zero bytes without a SHA-1 bank)
 * @legacy_digest_len: bytes in @legacy_digest (20, or 16 for md5)
 * @name: file path or event name (NULL: use @dentry_name)
 * @dentry_name: the file's own name, for "n" when @name is longer than
 *	255 characters; NULL when no file is available
 * @ima_xattr: the security.ima value (any type), or NULL
 * @ima_xattr_len: bytes in @ima_xattr
 * @evm_xattr: the security.evm value (any type), or NULL
 * @evm_xattr_len: bytes in @evm_xattr
 * @buf: the buffer of a buffer event, or NULL
 * @buf_len: bytes in @buf
 * @modsig: the raw appended signature (PKCS#7), NULL when there is none
 * @modsig_len: bytes in @modsig
 * @modsig_algo: enum sima_hash_algo of @modsig_digest
 * @modsig_digest: the file's digest without the appended signature
 * @modsig_digest_len: bytes in @modsig_digest
 * @uid: the inode's uid as the filesystem's user namespace sees it
 * @gid: the inode's gid, likewise
 * @mode: the inode's i_mode
 * @xattrs: the EVM-list xattrs present on the file, in list order
 * @nr_xattrs: entries in @xattrs
 */
struct sima_template_input {
	bool violation;
	bool verity;
	bool has_file;
	unsigned int algo;
	const u8 *digest;
	u32 digest_len;
	const u8 *legacy_digest;
	u32 legacy_digest_len;
	const char *name;
	const char *dentry_name;
	const u8 *ima_xattr;
	u32 ima_xattr_len;
	const u8 *evm_xattr;
	u32 evm_xattr_len;
	const u8 *buf;
	u32 buf_len;
	const u8 *modsig;
	u32 modsig_len;
	unsigned int modsig_algo;
	const u8 *modsig_digest;
	u32 modsig_digest_len;
	u32 uid;
	u32 gid;
	u16 mode;
	const struct sima_template_xattr *xattrs;
	unsigned int nr_xattrs;
};

/**
 * struct sima_record - one parsed binary_runtime_measurements record
 * @pcr: PCR index
 * @digest: SHA-1 template digest (zeros for a violation)
 * @desc: the template, from the record's name (a name that is not a
 *	builtin's is parsed as a custom format string)
 * @data: the fields; the bytes are borrowed from the parsed buffer
 *
 * In a record of the "ima" template, the n field holds the name without
 * its NUL (the record does not store it); every writer treats that field
 * as a string bounded by its length, so the output is the same.
 */
struct sima_record {
	u32 pcr;
	u8 digest[SIMA_TEMPLATE_DIGEST_SIZE];
	struct sima_template_desc desc;
	struct sima_template_data data;
};

/**
 * sima_template_put_u32 - store a record integer
 * @p: where (4 bytes, any alignment)
 * @v: the value
 * @canonical: little-endian rather than the CPU's order
 */
static inline void sima_template_put_u32(u8 *p, u32 v, bool canonical)
{
	if (!canonical) {
		memcpy(p, &v, sizeof(v));
		return;
	}
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/**
 * sima_template_get_u32 - load a record integer
 * @p: where (4 bytes, any alignment)
 * @canonical: little-endian rather than the CPU's order
 *
 * Return: the value.
 */
static inline u32 sima_template_get_u32(const u8 *p, bool canonical)
{
	u32 v;

	if (!canonical) {
		memcpy(&v, p, sizeof(v));
		return v;
	}
	return p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

/* template.c: descriptors, format strings, field encoders, hash input */
const char *sima_template_field_name(unsigned int field);
enum sima_template_show sima_template_field_show(unsigned int field);
int sima_template_parse_fmt(const char *fmt, struct sima_template_desc *out);
const struct sima_template_desc *sima_template_find(const char *name_or_fmt);
const char *sima_template_desc_name(const struct sima_template_desc *d);
bool sima_template_is_ima(const struct sima_template_desc *d);
bool sima_template_has_field(const struct sima_template_desc *d,
			     enum sima_template_field field);
int sima_template_encode(const struct sima_template_desc *d,
			 const struct sima_template_input *in, bool canonical,
			 struct sima_template_data *out);
void sima_template_data_free(struct sima_template_data *td);
const char *sima_template_xattr_name(unsigned int i);
void sima_template_xattrs_read(struct sima_template_xattrs *xs,
			       ssize_t (*get)(void *ctx, const char *name,
					      u8 **value),
			       void *ctx);
void sima_template_xattrs_free(struct sima_template_xattrs *xs);
void sima_template_hash_walk(const struct sima_template_desc *d,
			     const struct sima_template_data *td,
			     bool canonical,
			     void (*update)(void *ctx, const void *p,
					    size_t n),
			     void *ctx);

/* template_render.c: the two list formats, and reading records back */
u32 sima_template_data_len(const struct sima_template_desc *d,
			   const struct sima_template_data *td);
size_t sima_template_binary(u32 pcr, const u8 *sha1,
			    const struct sima_template_desc *d,
			    const struct sima_template_data *td,
			    bool canonical, u8 *buf, size_t size);
size_t sima_template_ascii(u32 pcr, const u8 *sha1,
			   const struct sima_template_desc *d,
			   const struct sima_template_data *td,
			   bool canonical, char *buf, size_t size);
int sima_template_parse_binary(const u8 *buf, size_t len, bool canonical,
			       struct sima_record *rec, size_t *consumed);

#endif /* _SIMA_TEMPLATE_H */
