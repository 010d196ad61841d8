// SPDX-License-Identifier: GPL-2.0
/*
 * sima - measurement-list records: binary and ASCII writers, binary reader
 *
 * binary_runtime_measurements is a bare concatenation of records:
 *
 *	u32 pcr, 20-byte SHA-1 template digest, u32 name length, the name
 *	(or the format string of a custom template), u32 template-data
 *	length, then per field u32 length + data.
 *
 * The "ima" template has no template-data length, its d has no length
 * and its n is u32 strlen + the name without NUL. ascii_runtime_measurements
 * shows the same record as one line. Both are upstream's byte for byte,
 * quirks included: "%2d" PCRs, a blank before every field even when it is
 * empty (so an unsigned ima-sig line ends in a blank).
 *
 * Whatever the reader accepts, the writer gives back byte for byte. It
 * never reads past its input and bounds every count and length, so it can
 * take untrusted data.
 */

#include "sima/template.h"

/* An snprintf-like output: counts everything, stores what fits. */
struct sink {
	u8 *buf;
	size_t size;
	size_t pos;
};

static void sink_put(struct sink *s, const void *p, size_t n)
{
	if (s->pos < s->size && n) {
		size_t room = s->size - s->pos;

		memcpy(s->buf + s->pos, p, n < room ? n : room);
	}
	s->pos += n;
}

static void sink_str(struct sink *s, const char *str)
{
	sink_put(s, str, strlen(str));
}

static void sink_u32(struct sink *s, u32 v, bool canonical)
{
	u8 b[4];

	sima_template_put_u32(b, v, canonical);
	sink_put(s, b, sizeof(b));
}

static void sink_hex(struct sink *s, const u8 *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char chunk[64];
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		chunk[k++] = digits[p[i] >> 4];
		chunk[k++] = digits[p[i] & 15];
		if (k == sizeof(chunk)) {
			sink_put(s, chunk, k);
			k = 0;
		}
	}
	sink_put(s, chunk, k);
}

/* The C string at p, bounded by n: bytes before the first NUL. */
static size_t bounded_strlen(const u8 *p, size_t n)
{
	const u8 *nul = n ? memchr(p, 0, n) : NULL;

	return nul ? (size_t)(nul - p) : n;
}

/**
 * sima_template_data_len - the template-data length of a binary record
 * @d: the template
 * @td: its field data
 *
 * Return: the sum over the fields of 4 + length.
 */
u32 sima_template_data_len(const struct sima_template_desc *d,
			   const struct sima_template_data *td)
{
	unsigned int i;
	u32 len = 0;

	for (i = 0; i < d->nr_fields && i < SIMA_TEMPLATE_MAX_FIELDS; i++)
		len += sizeof(u32) + td->field[i].len;
	return len;
}

/**
 * sima_template_binary - write one binary_runtime_measurements record
 * @pcr: PCR index
 * @sha1: the 20-byte SHA-1 template digest (zeros for a violation)
 * @d: the template
 * @td: its field data
 * @canonical: integers in little-endian rather than the CPU's order
 * @buf: output, may be NULL when @size is 0
 * @size: bytes available at @buf
 *
 * Stores at most @size bytes, so a short buffer holds a prefix.
 *
 * Return: the record's full length.
 */
size_t sima_template_binary(u32 pcr, const u8 *sha1,
			    const struct sima_template_desc *d,
			    const struct sima_template_data *td,
			    bool canonical, u8 *buf, size_t size)
{
	struct sink s = { .buf = buf, .size = size };
	const char *name = sima_template_desc_name(d);
	bool ima = sima_template_is_ima(d);
	unsigned int i;

	sink_u32(&s, pcr, canonical);
	sink_put(&s, sha1, SIMA_TEMPLATE_DIGEST_SIZE);
	sink_u32(&s, strlen(name), canonical);
	sink_str(&s, name);
	if (!ima)
		sink_u32(&s, sima_template_data_len(d, td), canonical);
	for (i = 0; i < d->nr_fields && i < SIMA_TEMPLATE_MAX_FIELDS; i++) {
		const struct sima_template_field_data *f = &td->field[i];
		u32 len = f->len;

		if (ima && d->fields[i] == SIMA_TEMPLATE_FIELD_D) {
			sink_put(&s, f->data, len);
			continue;
		}
		if (ima && d->fields[i] == SIMA_TEMPLATE_FIELD_N)
			len = bounded_strlen(f->data, len);
		sink_u32(&s, len, canonical);
		sink_put(&s, f->data, len);
	}
	return s.pos;
}

/*
 * "<prefix>:" NUL digest: upstream prints the string up to the NUL unless
 * its last ':' is the first byte, then the hex of what follows the byte
 * after that ':'. Data without any ':' (never written by an encoder) is
 * shown as plain hex.
 */
static void show_algo_hex(struct sink *s, const u8 *p, u32 len)
{
	size_t slen = bounded_strlen(p, len), colon = slen, i;

	for (i = 0; i < slen; i++)
		if (p[i] == ':')
			colon = i;
	if (colon == slen) {
		sink_hex(s, p, len);
		return;
	}
	if (colon)
		sink_put(s, p, slen);
	if (colon + 2 <= len)
		sink_hex(s, p + colon + 2, len - colon - 2);
}

/* Decimal of a 1, 2, 4 or 8-byte integer; other lengths show nothing. */
static void show_uint(struct sink *s, const u8 *p, u32 len, bool canonical)
{
	unsigned long long v = 0;
	char num[24];
	u16 v16;
	u64 v64;
	u32 i;

	switch (len) {
	case 1:
		v = p[0];
		break;
	case 2:
		memcpy(&v16, p, sizeof(v16));
		v = canonical ? (u16)(p[0] | p[1] << 8) : v16;
		break;
	case 4:
		v = sima_template_get_u32(p, canonical);
		break;
	case 8:
		if (canonical) {
			for (i = 0; i < 8; i++)
				v |= (unsigned long long)p[i] << (8 * i);
		} else {
			memcpy(&v64, p, sizeof(v64));
			v = v64;
		}
		break;
	default:
		return;
	}
	snprintf(num, sizeof(num), "%llu", v);
	sink_str(s, num);
}

static void show_field(struct sink *s, unsigned int field,
		       const struct sima_template_field_data *f,
		       bool canonical)
{
	switch (sima_template_field_show(field)) {
	case SIMA_TEMPLATE_SHOW_ALGO_HEX:
		show_algo_hex(s, f->data, f->len);
		break;
	case SIMA_TEMPLATE_SHOW_STRING:
		sink_put(s, f->data, bounded_strlen(f->data, f->len));
		break;
	case SIMA_TEMPLATE_SHOW_UINT:
		show_uint(s, f->data, f->len, canonical);
		break;
	default:
		sink_hex(s, f->data, f->len);
		break;
	}
}

/**
 * sima_template_ascii - write one ascii_runtime_measurements line
 * @pcr: PCR index
 * @sha1: the 20-byte SHA-1 template digest (zeros for a violation)
 * @d: the template
 * @td: its field data
 * @canonical: how iuid, igid and imode are stored
 * @buf: output, NUL-terminated when @size is not 0; may be NULL when
 *	@size is 0
 * @size: bytes available at @buf
 *
 * Return: the line's length, newline included, NUL not included (as
 * snprintf: @size must exceed it for the whole line to be stored).
 */
size_t sima_template_ascii(u32 pcr, const u8 *sha1,
			   const struct sima_template_desc *d,
			   const struct sima_template_data *td,
			   bool canonical, char *buf, size_t size)
{
	struct sink s = { .buf = (u8 *)buf, .size = size };
	unsigned int i;
	char num[16];

	/* A signed "%2d", as upstream prints its int pcr. */
	snprintf(num, sizeof(num), "%2d ", (int)pcr);
	sink_str(&s, num);
	sink_hex(&s, sha1, SIMA_TEMPLATE_DIGEST_SIZE);
	sink_put(&s, " ", 1);
	sink_str(&s, sima_template_desc_name(d));
	for (i = 0; i < d->nr_fields && i < SIMA_TEMPLATE_MAX_FIELDS; i++) {
		sink_put(&s, " ", 1);
		if (td->field[i].len)
			show_field(&s, d->fields[i], &td->field[i], canonical);
	}
	sink_put(&s, "\n", 1);
	if (size)
		buf[s.pos < size ? s.pos : size - 1] = '\0';
	return s.pos;
}

/* A bounded input. */
struct source {
	const u8 *p;
	size_t left;
};

static const u8 *take(struct source *src, size_t n)
{
	const u8 *p = src->p;

	if (n > src->left)
		return NULL;
	src->p += n;
	src->left -= n;
	return p;
}

static bool take_u32(struct source *src, bool canonical, u32 *v)
{
	const u8 *p = take(src, sizeof(u32));

	if (p)
		*v = sima_template_get_u32(p, canonical);
	return p;
}

/*
 * The template a record names: a builtin by name, else a format string.
 * A builtin's format string makes a custom template: upstream shows the
 * name of a builtin, so only a custom template can have shown it.
 */
static int record_desc(const u8 *name, u32 len, struct sima_template_desc *d)
{
	const struct sima_template_desc *builtin;
	char str[SIMA_TEMPLATE_FMT_MAX + 1];

	if (!len || len > SIMA_TEMPLATE_FMT_MAX || memchr(name, 0, len))
		return -EINVAL;
	memcpy(str, name, len);
	str[len] = '\0';
	builtin = sima_template_find(str);
	if (builtin && !strcmp(builtin->name, str)) {
		*d = *builtin;
		return 0;
	}
	return sima_template_parse_fmt(str, d) ? -EINVAL : 0;
}

/* Can the n of an "ima" record start dlen bytes into src? */
static bool ima_name_follows(const struct source *src, size_t dlen,
			     bool canonical)
{
	u32 n;

	if (src->left < dlen + sizeof(u32))
		return false;
	n = sima_template_get_u32(src->p + dlen, canonical);
	return n <= SIMA_TEMPLATE_EVENT_NAME_MAX &&
	       n <= src->left - dlen - sizeof(u32) &&
	       !memchr(src->p + dlen + sizeof(u32), 0, n);
}

/*
 * "ima": d has no length. It is a SHA-1 (20 bytes) or, for files whose
 * cached digest is MD5, 16 bytes; the name that must follow (at most 255
 * bytes, no NUL) tells them apart, SHA-1 winning a tie. A violation (zero
 * template digest) always has 20 zero bytes.
 */
static int parse_ima_fields(struct source *src, bool canonical,
			    bool violation, struct sima_template_data *td)
{
	size_t dlen = 20;
	u32 n;

	if (!ima_name_follows(src, dlen, canonical)) {
		if (violation)
			return -EINVAL;
		dlen = 16;
		if (!ima_name_follows(src, dlen, canonical))
			return -EINVAL;
	}
	td->field[0].data = take(src, dlen);
	td->field[0].len = dlen;
	take_u32(src, canonical, &n);
	td->field[1].data = n ? take(src, n) : NULL;
	td->field[1].len = n;
	return 0;
}

/* The template data: exactly nr fields filling exactly its length. */
static int parse_fields(struct source *src, bool canonical, unsigned int nr,
			struct sima_template_data *td)
{
	struct source data;
	unsigned int i;
	u32 len;

	if (!take_u32(src, canonical, &len))
		return -EINVAL;
	data.p = take(src, len);
	data.left = len;
	if (!data.p)
		return -EINVAL;
	for (i = 0; i < nr; i++) {
		if (!take_u32(&data, canonical, &len))
			return -EINVAL;
		td->field[i].data = take(&data, len);
		td->field[i].len = len;
		if (!td->field[i].data)
			return -EINVAL;
		if (!len)
			td->field[i].data = NULL;
	}
	return data.left ? -EINVAL : 0;
}

/**
 * sima_template_parse_binary - read one binary_runtime_measurements record
 * @buf: the input, at the start of a record
 * @len: bytes available at @buf
 * @canonical: integers in little-endian rather than the CPU's order
 * @rec: the record; its field data points into @buf. Zeroed on error.
 * @consumed: the record's length on success, 0 on error
 *
 * The name must be a builtin's or a valid format string, and the template
 * data must hold exactly its fields. sima_template_binary() on the result
 * gives back the same bytes.
 *
 * Return: 0, or -EINVAL for a truncated or malformed record.
 */
int sima_template_parse_binary(const u8 *buf, size_t len, bool canonical,
			       struct sima_record *rec, size_t *consumed)
{
	static const u8 zero_digest[SIMA_TEMPLATE_DIGEST_SIZE];
	struct source src = { .p = buf, .left = len };
	const u8 *p;
	u32 n;
	int err;

	memset(rec, 0, sizeof(*rec));
	*consumed = 0;
	if (!take_u32(&src, canonical, &rec->pcr))
		return -EINVAL;
	p = take(&src, SIMA_TEMPLATE_DIGEST_SIZE);
	if (!p || !take_u32(&src, canonical, &n))
		goto err_inval;
	memcpy(rec->digest, p, SIMA_TEMPLATE_DIGEST_SIZE);
	p = take(&src, n);
	if (!p || record_desc(p, n, &rec->desc))
		goto err_inval;
	if (sima_template_is_ima(&rec->desc))
		err = parse_ima_fields(&src, canonical,
				       !memcmp(rec->digest, zero_digest,
					       sizeof(zero_digest)),
				       &rec->data);
	else
		err = parse_fields(&src, canonical, rec->desc.nr_fields,
				   &rec->data);
	if (err)
		goto err_inval;
	*consumed = len - src.left;
	return 0;

err_inval:
	memset(rec, 0, sizeof(*rec));
	return -EINVAL;
}
