// SPDX-License-Identifier: GPL-2.0
/*
 * sima - libFuzzer target for the template code
 *
 * The first input byte picks the mode:
 *
 *  - below 0x80, a binary measurement list (bit 0: canonical) follows.
 *    Records are parsed one after the other until one is refused; each
 *    accepted record must write back to exactly the bytes it was read
 *    from, and render as an ASCII line of the length the writer reports.
 *  - from 0x80, a format string up to the first NUL follows, then the
 *    bytes an event is made of. The string goes through
 *    sima_template_parse_fmt() (bit 0 set: a builtin of that name or
 *    format is used when there is one); an accepted template encodes the
 *    event, canonical if bit 1 is set, out of memory if bit 2 is set.
 *    What it encodes must write, parse back and write again to the same
 *    record (for "ima", when d has the 16 or 20 bytes a reader can tell),
 *    and the record read back must render the same ASCII line and feed
 *    the template hash the same bytes as the entry it was written from:
 *    what a verifier recomputes from the list is what was extended.
 *
 * ASan checks every read against the exact-size input, UBSan the
 * arithmetic, LeakSanitizer the encoder's allocations. A broken invariant
 * aborts with a message.
 *
 * The build names template_fuzz_one() LLVMFuzzerTestOneInput with -D, so
 * the CamelCase name stays out of the C checkpatch reads. Built with
 * -DFUZZ_SEEDS, the same file is a program that writes the cases of
 * tests/vectors/template_cases.h into a directory as a seed corpus (the
 * records they parse and encode to, every builtin template's among them,
 * and their events in the encoder's input format), and a dictionary.
 */

#include "compat_user_extra.h"
#include "../../src/measure/template.c"
#include "../../src/measure/template_render.c"
#include "../vectors/template_cases.h"

#include <stdint.h>

int template_fuzz_one(const uint8_t *data, size_t size);

#define MAX_RECORDS	4096

static void fail(const char *what)
{
	fprintf(stderr, "template_fuzz: %s\n", what);
	abort();
}

/* Any deterministic function of the walk: it must see every byte. */
struct fold {
	u8 acc[SIMA_TEMPLATE_DIGEST_SIZE];
	size_t n;
};

static void fold_update(void *ctx, const void *p, size_t n)
{
	struct fold *f = ctx;
	const u8 *b = p;
	size_t i;

	for (i = 0; i < n; i++, f->n++)
		f->acc[f->n % sizeof(f->acc)] ^= b[i] + (u8)f->n;
}

static void check_writers(const struct sima_template_desc *d,
			  const struct sima_template_data *td, u32 pcr,
			  const u8 *sha1, bool canonical, const u8 *want,
			  size_t want_len)
{
	size_t len = sima_template_binary(pcr, sha1, d, td, canonical, NULL, 0);
	size_t n = sima_template_ascii(pcr, sha1, d, td, canonical, NULL, 0);
	u8 *buf = malloc(len ? len : 1);
	char *line = malloc(n + 1);

	if (!buf || !line)
		abort();
	if (sima_template_binary(pcr, sha1, d, td, canonical, buf, len) != len)
		fail("binary length changed");
	if (want && (len != want_len || memcmp(buf, want, len)))
		fail("record does not write back to its bytes");
	if (sima_template_ascii(pcr, sha1, d, td, canonical, line, n + 1) != n ||
	    strlen(line) != n || !n || line[n - 1] != '\n')
		fail("ascii length");
	free(buf);
	free(line);
}

static void fuzz_list(const u8 *p, size_t left, bool canonical)
{
	struct sima_record rec;
	unsigned int nr = 0;
	struct fold f;
	size_t used;

	while (left && nr++ < MAX_RECORDS) {
		if (sima_template_parse_binary(p, left, canonical, &rec, &used))
			return;
		if (!used || used > left)
			fail("consumed out of range");
		memset(&f, 0, sizeof(f));
		sima_template_hash_walk(&rec.desc, &rec.data, canonical,
					fold_update, &f);
		check_writers(&rec.desc, &rec.data, rec.pcr, rec.digest,
			      canonical, p, used);
		p += used;
		left -= used;
	}
}

/* A bounded reader over the fuzz input. */
struct reader {
	const u8 *p;
	size_t left;
};

static u8 get_u8(struct reader *r)
{
	if (!r->left)
		return 0;
	r->left--;
	return *r->p++;
}

static u32 get_u32(struct reader *r)
{
	u32 v = get_u8(r);

	v |= (u32)get_u8(r) << 8;
	v |= (u32)get_u8(r) << 16;
	return v | (u32)get_u8(r) << 24;
}

/* A length byte, then that many bytes (fewer at the end of the input). */
static const u8 *get_bytes(struct reader *r, u32 *len)
{
	const u8 *p = r->p;

	*len = get_u8(r);
	if (*len > r->left)
		*len = r->left;
	r->p += *len;
	r->left -= *len;
	return p;
}

/* A NUL-terminated copy of get_bytes(), or NULL for length 255. */
static char *get_str(struct reader *r, char *buf)
{
	const u8 *p;
	u32 len;

	p = get_bytes(r, &len);
	if (len == 255)
		return NULL;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

struct fuzz_event {
	struct sima_template_input in;
	struct sima_template_xattr xattrs[4];
	char name[256];
	char dentry[256];
	char xnames[4][256];
};

static void get_event(struct reader *r, struct fuzz_event *ev)
{
	struct sima_template_input *in = &ev->in;
	u8 flags = get_u8(r);
	unsigned int i;

	in->violation = flags & 1;
	in->verity = flags & 2;
	in->has_file = flags & 4;
	in->algo = get_u8(r) % (SIMA_HASH_ALGO__LAST + 2);
	in->digest = get_bytes(r, &in->digest_len);
	in->legacy_digest = get_bytes(r, &in->legacy_digest_len);
	in->name = get_str(r, ev->name);
	in->dentry_name = get_str(r, ev->dentry);
	if (flags & 8)
		in->ima_xattr = get_bytes(r, &in->ima_xattr_len);
	if (flags & 16)
		in->evm_xattr = get_bytes(r, &in->evm_xattr_len);
	if (flags & 32)
		in->buf = get_bytes(r, &in->buf_len);
	if (flags & 64) {
		in->modsig = get_bytes(r, &in->modsig_len);
		in->modsig_algo = get_u8(r) % (SIMA_HASH_ALGO__LAST + 2);
		in->modsig_digest = get_bytes(r, &in->modsig_digest_len);
	}
	in->uid = get_u32(r);
	in->gid = get_u32(r);
	in->mode = get_u32(r);
	in->nr_xattrs = get_u8(r) % (ARRAY_SIZE(ev->xattrs) + 1);
	in->xattrs = in->nr_xattrs ? ev->xattrs : NULL;
	for (i = 0; i < in->nr_xattrs; i++) {
		ev->xattrs[i].name = get_str(r, ev->xnames[i]);
		if (!ev->xattrs[i].name)
			ev->xattrs[i].name = "security.ima";
		ev->xattrs[i].value = get_bytes(r, &ev->xattrs[i].len);
	}
}

/* The ASCII line of an entry, allocated. */
static char *ascii_line(u32 pcr, const u8 *sha1,
			const struct sima_template_desc *d,
			const struct sima_template_data *td, bool canonical)
{
	size_t n = sima_template_ascii(pcr, sha1, d, td, canonical, NULL, 0);
	char *line = malloc(n + 1);

	if (!line)
		abort();
	sima_template_ascii(pcr, sha1, d, td, canonical, line, n + 1);
	return line;
}

/*
 * Write what was encoded, parse it back, write again: the same bytes, the
 * same ASCII line, the same template hash input.
 */
static void check_encoded(const struct sima_template_desc *d,
			  const struct sima_template_data *td, bool violation,
			  bool canonical)
{
	u8 sha1[SIMA_TEMPLATE_DIGEST_SIZE] = { 0 };
	struct fold f = { }, back = { };
	struct sima_record rec;
	char *want, *line;
	size_t len, used;
	u8 *buf;

	sima_template_hash_walk(d, td, canonical, fold_update, &f);
	if (!violation) {
		/* Not all zero: a reader takes that for a violation. */
		memcpy(sha1, f.acc, sizeof(sha1));
		sha1[0] |= 1;
	}
	check_writers(d, td, 10, sha1, canonical, NULL, 0);
	if (sima_template_is_ima(d) && td->field[0].len != 16 &&
	    td->field[0].len != 20)
		return;
	len = sima_template_binary(10, sha1, d, td, canonical, NULL, 0);
	buf = malloc(len);
	if (!buf)
		abort();
	sima_template_binary(10, sha1, d, td, canonical, buf, len);
	if (sima_template_parse_binary(buf, len, canonical, &rec, &used))
		fail("an encoded record does not parse");
	if (used != len)
		fail("an encoded record parses short");
	check_writers(&rec.desc, &rec.data, rec.pcr, rec.digest, canonical,
		      buf, len);
	want = ascii_line(10, sha1, d, td, canonical);
	line = ascii_line(rec.pcr, rec.digest, &rec.desc, &rec.data,
			  canonical);
	if (strcmp(want, line))
		fail("the record read back shows another ASCII line");
	sima_template_hash_walk(&rec.desc, &rec.data, canonical, fold_update,
				&back);
	if (back.n != f.n || memcmp(back.acc, f.acc, sizeof(f.acc)))
		fail("the record read back hashes other bytes");
	free(want);
	free(line);
	free(buf);
}

static void fuzz_encode(u8 mode, const u8 *p, size_t left)
{
	const u8 *nul = memchr(p, 0, left);
	size_t n = nul ? (size_t)(nul - p) : left;
	const struct sima_template_desc *builtin;
	struct sima_template_desc d;
	struct sima_template_data td;
	struct fuzz_event *ev;
	struct reader r;
	char *fmt;
	int err;

	fmt = malloc(n + 1);
	ev = calloc(1, sizeof(*ev));
	if (!fmt || !ev)
		abort();
	memcpy(fmt, p, n);
	fmt[n] = '\0';
	err = sima_template_parse_fmt(fmt, &d);
	builtin = sima_template_find(fmt);
	if (!err && (strcmp(d.fmt, fmt) || !d.nr_fields ||
		     d.nr_fields > SIMA_TEMPLATE_MAX_FIELDS || d.name[0]))
		fail("accepted format string");
	if ((mode & 1) && builtin) {
		d = *builtin;
		err = 0;
	}
	if (err)
		goto out;
	r.p = p + n + !!nul;
	r.left = left - n - !!nul;
	get_event(&r, ev);
	if (mode & 4)
		*sima_user_alloc_budget() = 0;
	err = sima_template_encode(&d, &ev->in, mode & 2, &td);
	*sima_user_alloc_budget() = -1;
	if (err && td.mem)
		fail("failed encode left memory");
	if (!err) {
		check_encoded(&d, &td, ev->in.violation, mode & 2);
		sima_template_data_free(&td);
	}
out:
	free(fmt);
	free(ev);
}

int template_fuzz_one(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if (data[0] < 0x80)
		fuzz_list(data + 1, size - 1, data[0] & 1);
	else
		fuzz_encode(data[0], data + 1, size - 1);
	return 0;
}

#ifdef FUZZ_SEEDS
#include "seeds.h"

static void write_seed(const char *dir, const char *kind, unsigned int i,
		       u8 mode, const void *p, size_t n)
{
	seed_write(dir, kind, i, &mode, 1, p, n);
}

/* An event in the format get_event() reads. */
struct writer {
	u8 buf[8192];
	size_t n;
};

static void put_u8(struct writer *w, u8 v)
{
	if (w->n < sizeof(w->buf))
		w->buf[w->n++] = v;
}

static void put_bytes(struct writer *w, const void *p, u32 len)
{
	const u8 *b = p;
	u32 i;

	if (len > 254)
		len = 254;
	put_u8(w, len);
	for (i = 0; i < len; i++)
		put_u8(w, b[i]);
}

static void put_str(struct writer *w, const char *str)
{
	if (!str)
		put_u8(w, 255);
	else
		put_bytes(w, str, strlen(str));
}

static void put_u32(struct writer *w, u32 v)
{
	put_u8(w, v);
	put_u8(w, v >> 8);
	put_u8(w, v >> 16);
	put_u8(w, v >> 24);
}

static void put_event(struct writer *w, const struct sima_template_input *in)
{
	unsigned int i;

	put_u8(w, in->violation | in->verity << 1 | in->has_file << 2 |
	       !!in->ima_xattr << 3 | !!in->evm_xattr << 4 | !!in->buf << 5 |
	       !!in->modsig << 6);
	put_u8(w, in->algo);
	put_bytes(w, in->digest, in->digest_len);
	put_bytes(w, in->legacy_digest, in->legacy_digest_len);
	put_str(w, in->name);
	put_str(w, in->dentry_name);
	if (in->ima_xattr)
		put_bytes(w, in->ima_xattr, in->ima_xattr_len);
	if (in->evm_xattr)
		put_bytes(w, in->evm_xattr, in->evm_xattr_len);
	if (in->buf)
		put_bytes(w, in->buf, in->buf_len);
	if (in->modsig) {
		put_bytes(w, in->modsig, in->modsig_len);
		put_u8(w, in->modsig_algo);
		put_bytes(w, in->modsig_digest, in->modsig_digest_len);
	}
	put_u32(w, in->uid);
	put_u32(w, in->gid);
	put_u32(w, in->mode);
	put_u8(w, in->nr_xattrs);
	for (i = 0; i < in->nr_xattrs; i++) {
		put_str(w, in->xattrs[i].name);
		put_bytes(w, in->xattrs[i].value, in->xattrs[i].len);
	}
}

/* An encode case as an event seed and as the record it writes. */
static void write_encode_case(const char *dir, unsigned int i,
			      const struct template_encode_case *c)
{
	static struct template_case_mem mem;
	struct sima_template_input in;
	struct sima_template_desc d;
	struct sima_template_data td;
	static const u8 sha1[SIMA_TEMPLATE_DIGEST_SIZE] = { 1 };
	static struct writer w;
	size_t len;
	u8 *rec;

	if (!template_case_input(c, &mem, &in) ||
	    template_case_desc(c->template, &d))
		return;
	w.n = strlen(c->template) + 1;
	memcpy(w.buf, c->template, w.n);
	put_event(&w, &in);
	write_seed(dir, "event", i, 0x83, w.buf, w.n);
	if (sima_template_encode(&d, &in, true, &td))
		return;
	len = sima_template_binary(c->pcr ?: 10, sha1, &d, &td, true, NULL, 0);
	rec = malloc(len);
	if (!rec)
		abort();
	sima_template_binary(c->pcr ?: 10, sha1, &d, &td, true, rec, len);
	write_seed(dir, "list", i, 1, rec, len);
	free(rec);
	sima_template_data_free(&td);
}

static void write_dict(const char *path)
{
	FILE *f = seed_dict_open(path);
	unsigned int i;

	for (i = 0; i < SIMA_TEMPLATE_NR_FIELD_IDS; i++)
		seed_word(f, sima_template_field_name(i), "");
	for (i = 0; i < ARRAY_SIZE(template_find_cases); i++)
		if (template_find_cases[i].want)
			seed_word(f, template_find_cases[i].query, "");
	seed_word(f, "|", "");
	seed_word(f, "sha256:", "\\x00");
	seed_word(f, "sha1:", "\\x00");
	fclose(f);
}

int main(int argc, char **argv)
{
	static u8 buf[8192];
	unsigned int i;
	int n;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CORPUS-DIR DICT-FILE\n", argv[0]);
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(template_parse_cases); i++) {
		n = template_case_unhex(template_parse_cases[i].in, buf,
					sizeof(buf));
		if (n >= 0)
			write_seed(argv[1], "record", i, 1, buf, n);
	}
	for (i = 0; i < ARRAY_SIZE(template_fmt_cases); i++)
		write_seed(argv[1], "fmt", i, 0x80, template_fmt_cases[i].fmt,
			   strlen(template_fmt_cases[i].fmt) + 1);
	for (i = 0; i < ARRAY_SIZE(template_encode_cases); i++)
		write_encode_case(argv[1], i, &template_encode_cases[i]);
	write_dict(argv[2]);
	return 0;
}
#endif /* FUZZ_SEEDS */
