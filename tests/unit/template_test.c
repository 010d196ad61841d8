// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for the template code
 *
 * Runs the shared cases of tests/vectors/template_cases.h, then checks the
 * code against lists upstream 6.1 wrote: every case directory of the
 * native-ima-6.1 captures ($SIMA_TESTDATA, by default
 * ../shared/testdata/native-ima-6.1 beside the repository). Each record of
 * binary_runtime_measurements is parsed, written back (same bytes),
 * rendered as ASCII (same line as ascii_runtime_measurements), hashed
 * (same SHA-1 template digest) and encoded again from the values it shows
 * (same field data); the record count must match
 * runtime_measurements_count. Inputs sit in exact-size heap buffers so
 * that ASan sees any over-read.
 */

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/measure/template.c"
#include "../../src/measure/template_render.c"
#include "../vectors/template_cases.h"
#include "sha_user.h"
#define UNIT_SUITE "template"
#include "unit.h"

#define LINE_MAX_LEN	8192

static const bool host_le = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

static void expect_str(const char *what, const char *got, const char *want)
{
	if (got && want && !strcmp(got, want))
		return;
	fprintf(stderr, "  %s:\n    got  \"%s\"\n    want \"%s\"\n", what,
		got ? got : "(null)", want ? want : "(null)");
	unit_failures++;
}

static void expect_mem(const char *what, const void *got, size_t got_len,
		       const void *want, size_t want_len)
{
	if (got_len == want_len && (!got_len || !memcmp(got, want, got_len)))
		return;
	fprintf(stderr, "  %s: %zu bytes differ from the %zu expected\n", what,
		got_len, want_len);
	unit_failures++;
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		abort();
	return p;
}

static void template_sha1(const struct sima_template_desc *d,
			  const struct sima_template_data *td, bool canonical,
			  u8 *out)
{
	struct sha_user c;

	sha1_user_init(&c);
	sima_template_hash_walk(d, td, canonical, sha_user_update_cb, &c);
	sha_user_final(&c, out);
}

/* The binary record in an exact-size heap buffer; its length in *len. */
static u8 *binary_record(u32 pcr, const u8 *sha1,
			 const struct sima_template_desc *d,
			 const struct sima_template_data *td, bool canonical,
			 size_t *len)
{
	size_t n = sima_template_binary(pcr, sha1, d, td, canonical, NULL, 0);
	u8 *buf = xmalloc(n);

	if (sima_template_binary(pcr, sha1, d, td, canonical, buf, n) != n)
		unit_failures++;
	*len = n;
	return buf;
}

static char *ascii_line(u32 pcr, const u8 *sha1,
			const struct sima_template_desc *d,
			const struct sima_template_data *td, bool canonical)
{
	size_t n = sima_template_ascii(pcr, sha1, d, td, canonical, NULL, 0);
	char *buf = xmalloc(n + 1);

	if (sima_template_ascii(pcr, sha1, d, td, canonical, buf, n + 1) != n ||
	    strlen(buf) != n)
		unit_failures++;
	return buf;
}

/* Short buffers get a prefix: binary as much as fits, ASCII plus NUL. */
static void check_truncation(const char *what, u32 pcr, const u8 *sha1,
			     const struct sima_template_desc *d,
			     const struct sima_template_data *td)
{
	size_t len, n, size;
	u8 *full = binary_record(pcr, sha1, d, td, true, &len);
	char *line = ascii_line(pcr, sha1, d, td, true);

	n = strlen(line);
	for (size = 0; size <= len; size++) {
		u8 *buf = xmalloc(size);

		if (sima_template_binary(pcr, sha1, d, td, true, buf, size) !=
		    len || memcmp(buf, full, size)) {
			fprintf(stderr, "  %s: binary into %zu bytes\n", what,
				size);
			unit_failures++;
		}
		free(buf);
	}
	for (size = 0; size <= n + 1; size++) {
		char *buf = xmalloc(size);

		if (sima_template_ascii(pcr, sha1, d, td, true, buf, size) != n ||
		    (size && (strlen(buf) != (size > n ? n : size - 1) ||
			      memcmp(buf, line, strlen(buf))))) {
			fprintf(stderr, "  %s: ascii into %zu bytes\n", what,
				size);
			unit_failures++;
		}
		free(buf);
	}
	free(full);
	free(line);
}

static void test_sha(void)
{
	UNIT_EXPECT_EQ("FIPS 180-4 examples", sha_user_selftest(), 0);
}

static void test_fields(void)
{
	struct sima_template_desc d;
	unsigned int i;

	for (i = 0; i < SIMA_TEMPLATE_NR_FIELD_IDS; i++) {
		const char *name = sima_template_field_name(i);

		UNIT_EXPECT_EQ(name, strlen(name) <= SIMA_TEMPLATE_FIELD_ID_MAX,
			       1);
		UNIT_EXPECT_EQ(name, sima_template_parse_fmt(name, &d), 0);
		UNIT_EXPECT_EQ(name, d.nr_fields, 1);
		UNIT_EXPECT_EQ(name, d.fields[0], i);
	}
	UNIT_EXPECT_EQ("past the table", !sima_template_field_name(i), 1);
	UNIT_EXPECT_EQ("show past the table", sima_template_field_show(i),
		       SIMA_TEMPLATE_SHOW_HEX);
	UNIT_EXPECT_EQ("d-ng show", sima_template_field_show(SIMA_TEMPLATE_FIELD_D_NG),
		       SIMA_TEMPLATE_SHOW_ALGO_HEX);
	UNIT_EXPECT_EQ("imode show",
		       sima_template_field_show(SIMA_TEMPLATE_FIELD_IMODE),
		       SIMA_TEMPLATE_SHOW_UINT);
	UNIT_EXPECT_EQ("xattrnames show",
		       sima_template_field_show(SIMA_TEMPLATE_FIELD_XATTRNAMES),
		       SIMA_TEMPLATE_SHOW_STRING);
}

static void test_builtins(void)
{
	struct sima_template_desc d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(builtin_templates); i++) {
		const struct sima_template_desc *b = &builtin_templates[i];

		/* The hand-written field lists match the format strings. */
		UNIT_EXPECT_EQ(b->name, sima_template_parse_fmt(b->fmt, &d), 0);
		UNIT_EXPECT_EQ(b->name, d.nr_fields, b->nr_fields);
		UNIT_EXPECT_EQ(b->name,
			       memcmp(d.fields, b->fields, sizeof(d.fields)), 0);
		UNIT_EXPECT_EQ(b->name, d.name[0], 0);
		expect_str(b->name, sima_template_desc_name(b), b->name);
		expect_str(b->name, sima_template_desc_name(&d), b->fmt);
		UNIT_EXPECT_EQ(b->name, sima_template_is_ima(b), i == 0);
		UNIT_EXPECT_EQ(b->name, sima_template_is_ima(&d), 0);
	}
	for (i = 0; i < ARRAY_SIZE(template_find_cases); i++) {
		const struct template_find_case *c = &template_find_cases[i];
		const struct sima_template_desc *b;

		b = sima_template_find(c->query);
		if (!c->want)
			UNIT_EXPECT_EQ(c->query, !b, 1);
		else if (b)
			expect_str(c->query, b->name, c->want);
		else
			UNIT_EXPECT_EQ(c->query, !!b, 1);
	}
	UNIT_EXPECT_EQ("ima-modsig has modsig",
		       sima_template_has_field(sima_template_find("ima-modsig"),
					       SIMA_TEMPLATE_FIELD_MODSIG), 1);
	UNIT_EXPECT_EQ("ima-sig has no modsig",
		       sima_template_has_field(sima_template_find("ima-sig"),
					       SIMA_TEMPLATE_FIELD_MODSIG), 0);
}

static void test_fmt(void)
{
	struct sima_template_desc d, zero;
	unsigned int i;

	memset(&zero, 0, sizeof(zero));
	for (i = 0; i < ARRAY_SIZE(template_fmt_cases); i++) {
		const struct template_fmt_case *c = &template_fmt_cases[i];

		memset(&d, 0xa5, sizeof(d));
		UNIT_EXPECT_EQ(c->name, sima_template_parse_fmt(c->fmt, &d),
			       c->err);
		if (c->err) {
			UNIT_EXPECT_EQ(c->name, memcmp(&d, &zero, sizeof(d)), 0);
			continue;
		}
		UNIT_EXPECT_EQ(c->name, d.nr_fields, c->nr_fields);
		UNIT_EXPECT_EQ(c->name,
			       memcmp(d.fields, c->fields, sizeof(d.fields)), 0);
		expect_str(c->name, d.fmt, c->fmt);
		expect_str(c->name, d.name, "");
	}
}

static void check_encoded(const struct template_encode_case *c,
			  const struct sima_template_desc *d,
			  const struct sima_template_data *td)
{
	char hex[2 * 1024 + 1], *line;
	u8 sha1[SHA1_USER_SIZE], want_sha1[SHA1_USER_SIZE];
	u32 pcr = c->pcr ? c->pcr : 10;
	unsigned int i;
	size_t len;
	u8 *rec;

	for (i = 0; i < d->nr_fields; i++) {
		if (td->field[i].len > 1024) {
			UNIT_EXPECT_EQ(c->name, td->field[i].len, 0);
			continue;
		}
		template_case_hex(td->field[i].data, td->field[i].len, hex);
		expect_str(c->name, hex, c->want[i] ? c->want[i] : "");
	}
	for (; i < SIMA_TEMPLATE_MAX_FIELDS; i++)
		UNIT_EXPECT_EQ(c->name, !c->want[i] && !td->field[i].len, 1);
	UNIT_EXPECT_EQ(c->name,
		       template_case_unhex(c->sha1, want_sha1, sizeof(want_sha1)),
		       SHA1_USER_SIZE);
	if (!c->violation) {
		template_sha1(d, td, true, sha1);
		template_case_hex(sha1, sizeof(sha1), hex);
		expect_str(c->name, hex, c->sha1);
	}
	line = ascii_line(pcr, want_sha1, d, td, true);
	expect_str(c->name, line, c->ascii);
	free(line);
	rec = binary_record(pcr, want_sha1, d, td, true, &len);
	if (c->record && len * 2 <= sizeof(hex) - 1) {
		template_case_hex(rec, len, hex);
		expect_str(c->name, hex, c->record);
	} else if (c->record) {
		UNIT_EXPECT_EQ(c->name, len, strlen(c->record) / 2);
	}
	free(rec);
	check_truncation(c->name, pcr, want_sha1, d, td);
}

/* Native order is little-endian here: both encodings must agree. */
static void check_native(const struct template_encode_case *c,
			 const struct sima_template_desc *d,
			 const struct sima_template_input *in,
			 const struct sima_template_data *td)
{
	struct sima_template_data native;
	u8 a[SHA1_USER_SIZE], b[SHA1_USER_SIZE];
	unsigned int i;

	if (!host_le)
		return;
	UNIT_EXPECT_EQ(c->name, sima_template_encode(d, in, false, &native),
		       0);
	for (i = 0; i < d->nr_fields; i++)
		expect_mem(c->name, native.field[i].data, native.field[i].len,
			   td->field[i].data, td->field[i].len);
	template_sha1(d, td, true, a);
	template_sha1(d, &native, false, b);
	expect_mem(c->name, a, sizeof(a), b, sizeof(b));
	sima_template_data_free(&native);
}

/* Parse what was written; writing the parse must give the same bytes. */
static void check_round_trip(const struct template_encode_case *c,
			     const struct sima_template_desc *d,
			     const struct sima_template_data *td)
{
	u8 sha1[SHA1_USER_SIZE] = { 1, 2, 3 };
	struct sima_record rec;
	size_t len, len2, used;
	char *a, *b;
	u8 *buf, *buf2;

	buf = binary_record(c->pcr, sha1, d, td, true, &len);
	UNIT_EXPECT_EQ(c->name,
		       sima_template_parse_binary(buf, len, true, &rec, &used),
		       0);
	UNIT_EXPECT_EQ(c->name, used, len);
	UNIT_EXPECT_EQ(c->name, rec.pcr, c->pcr);
	buf2 = binary_record(rec.pcr, rec.digest, &rec.desc, &rec.data, true,
			     &len2);
	expect_mem(c->name, buf2, len2, buf, len);
	a = ascii_line(c->pcr, sha1, d, td, true);
	b = ascii_line(rec.pcr, rec.digest, &rec.desc, &rec.data, true);
	expect_str(c->name, b, a);
	free(a);
	free(b);
	free(buf);
	free(buf2);
}

static void test_encode(void)
{
	struct sima_template_input in;
	struct sima_template_data td;
	struct sima_template_desc d;
	struct template_case_mem m;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(template_encode_cases); i++) {
		const struct template_encode_case *c =
			&template_encode_cases[i];

		UNIT_EXPECT_EQ(c->name, template_case_desc(c->template, &d), 0);
		UNIT_EXPECT_EQ(c->name, template_case_input(c, &m, &in), 1);
		memset(&td, 0xa5, sizeof(td));
		err = sima_template_encode(&d, &in, true, &td);
		UNIT_EXPECT_EQ(c->name, err, c->err);
		if (err) {
			UNIT_EXPECT_EQ(c->name, !td.mem, 1);
			continue;
		}
		check_encoded(c, &d, &td);
		check_native(c, &d, &in, &td);
		check_round_trip(c, &d, &td);
		sima_template_data_free(&td);
		UNIT_EXPECT_EQ(c->name, !td.mem, 1);
	}
}

/* Every allocation failure is reported, leaves nothing behind. */
static void test_encode_nomem(void)
{
	const struct template_encode_case *c = &template_encode_cases[0];
	struct sima_template_input in;
	struct sima_template_data td;
	struct sima_template_desc d;
	struct template_case_mem m;

	template_case_desc("evm-sig", &d);
	template_case_input(c, &m, &in);
	*sima_user_alloc_budget() = 0;
	UNIT_EXPECT_EQ("no memory", sima_template_encode(&d, &in, true, &td),
		       -ENOMEM);
	*sima_user_alloc_budget() = -1;
	UNIT_EXPECT_EQ("no memory", !td.mem && !td.field[0].len, 1);
	/* All fields empty: nothing to allocate, nothing can fail. */
	template_case_desc("iuid|igid|buf", &d);
	*sima_user_alloc_budget() = 0;
	UNIT_EXPECT_EQ("empty", sima_template_encode(&d, &in, true, &td), 0);
	*sima_user_alloc_budget() = -1;
	UNIT_EXPECT_EQ("empty", !td.mem, 1);
}

static void check_parse_case(const struct template_parse_case *c)
{
	size_t n = strlen(c->in) / 2, used, len;
	u8 *buf = xmalloc(n), *out;
	struct sima_record rec, zero;
	size_t cut;
	char *line;
	int err;

	memset(&zero, 0, sizeof(zero));
	UNIT_EXPECT_EQ(c->name, template_case_unhex(c->in, buf, n), (int)n);
	used = 1234;
	err = sima_template_parse_binary(buf, n, true, &rec, &used);
	UNIT_EXPECT_EQ(c->name, err, c->err);
	if (err) {
		UNIT_EXPECT_EQ(c->name, used, 0);
		UNIT_EXPECT_EQ(c->name, memcmp(&rec, &zero, sizeof(rec)), 0);
		free(buf);
		return;
	}
	UNIT_EXPECT_EQ(c->name, used, c->consumed);
	out = binary_record(rec.pcr, rec.digest, &rec.desc, &rec.data, true,
			    &len);
	expect_mem(c->name, out, len, buf, used);
	free(out);
	line = ascii_line(rec.pcr, rec.digest, &rec.desc, &rec.data, true);
	expect_str(c->name, line, c->ascii);
	free(line);
	/* Every cut of the record is refused, reading no further. */
	for (cut = 0; cut < c->consumed; cut++) {
		u8 *part = xmalloc(cut);

		memcpy(part, buf, cut);
		if (sima_template_parse_binary(part, cut, true, &rec, &used) !=
		    -EINVAL) {
			fprintf(stderr, "  %s: accepted when cut at %zu\n",
				c->name, cut);
			unit_failures++;
		}
		free(part);
	}
	free(buf);
}

static void test_parse(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(template_parse_cases); i++)
		check_parse_case(&template_parse_cases[i]);
}

/* A whole file in an exact-size heap buffer; NULL if it cannot be read. */
static u8 *read_file(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	struct stat st;
	u8 *buf;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fstat(fileno(f), &st) || st.st_size < 0) {
		fclose(f);
		return NULL;
	}
	*len = st.st_size;
	buf = xmalloc(*len);
	if (fread(buf, 1, *len, f) != *len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static long read_number(const char *dir, const char *name)
{
	size_t len;
	u8 *buf = read_file(dir, name, &len);
	char num[32] = "";

	if (!buf)
		return -1;
	memcpy(num, buf, len < sizeof(num) - 1 ? len : sizeof(num) - 1);
	free(buf);
	return strtol(num, NULL, 10);
}

/* Values a record shows, turned back into an event. */
struct golden_input {
	struct sima_template_input in;
	char name[LINE_MAX_LEN];
	char str[SIMA_TEMPLATE_MAX_FIELDS][64];
};

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* "<type>:<algo>:" NUL digest: the algorithm and the digest. */
static bool golden_digest(const struct sima_template_field_data *f,
			  char *str, unsigned int *algo, const u8 **digest,
			  u32 *len)
{
	size_t n = bounded_strlen(f->data, f->len);
	char *colon;
	int id;

	if (n + 1 > f->len || n >= 64 || !n || f->data[n - 1] != ':')
		return false;
	memcpy(str, f->data, n - 1);
	str[n - 1] = '\0';
	colon = strrchr(str, ':');
	id = sima_hash_algo_lookup(colon ? colon + 1 : str);
	if (id < 0)
		return false;
	*algo = id;
	*digest = f->data + n + 1;
	*len = f->len - n - 1;
	if (colon)
		*colon = '\0';
	return true;
}

static bool golden_field(struct golden_input *g, unsigned int i,
			 unsigned int field,
			 const struct sima_template_field_data *f)
{
	struct sima_template_input *in = &g->in;

	switch (field) {
	case SIMA_TEMPLATE_FIELD_D:
		in->algo = f->len == 16 ? SIMA_HASH_ALGO_MD5 :
			   SIMA_HASH_ALGO_SHA1;
		in->digest = f->data;
		in->digest_len = f->len;
		return true;
	case SIMA_TEMPLATE_FIELD_D_NG:
	case SIMA_TEMPLATE_FIELD_D_NGV2:
		if (!golden_digest(f, g->str[i], &in->algo, &in->digest,
				   &in->digest_len))
			return false;
		in->verity = !strcmp(g->str[i], "verity");
		return true;
	case SIMA_TEMPLATE_FIELD_N:
	case SIMA_TEMPLATE_FIELD_N_NG:
		if (f->len >= sizeof(g->name))
			return false;
		memcpy(g->name, f->data, f->len);
		g->name[f->len] = '\0';
		in->name = g->name;
		return true;
	case SIMA_TEMPLATE_FIELD_SIG:
		if (f->len && f->data[0] == 5) {
			in->evm_xattr = f->data;
			in->evm_xattr_len = f->len;
		} else if (f->len) {
			in->ima_xattr = f->data;
			in->ima_xattr_len = f->len;
		}
		return true;
	case SIMA_TEMPLATE_FIELD_BUF:
		in->buf = f->len ? f->data : NULL;
		in->buf_len = f->len;
		return true;
	case SIMA_TEMPLATE_FIELD_IUID:
	case SIMA_TEMPLATE_FIELD_IGID:
		if (f->len && f->len != 4)
			return false;
		in->has_file = f->len;
		if (f->len && field == SIMA_TEMPLATE_FIELD_IUID)
			in->uid = sima_template_get_u32(f->data, true);
		else if (f->len)
			in->gid = sima_template_get_u32(f->data, true);
		return true;
	case SIMA_TEMPLATE_FIELD_IMODE:
		if (f->len && f->len != 2)
			return false;
		in->has_file = f->len;
		in->mode = f->len ? f->data[0] | f->data[1] << 8 : 0;
		return true;
	default:
		/* Not in the captures. */
		return false;
	}
}

/* Encode the record again from what it shows: the same field data. */
static void check_reencode(const char *what, const struct sima_record *rec)
{
	const struct sima_template_desc *d = &rec->desc;
	struct sima_template_data td;
	struct golden_input *g = xmalloc(sizeof(*g));
	unsigned int i;

	memset(g, 0, sizeof(*g));
	g->in.has_file = true;
	g->in.violation = all_zero(rec->digest, sizeof(rec->digest));
	for (i = 0; i < d->nr_fields; i++) {
		if (!golden_field(g, i, d->fields[i], &rec->data.field[i])) {
			fprintf(stderr, "  %s: field %u cannot be re-encoded\n",
				what, i);
			unit_failures++;
			free(g);
			return;
		}
	}
	UNIT_EXPECT_EQ(what, sima_template_encode(d, &g->in, true, &td), 0);
	for (i = 0; i < d->nr_fields; i++) {
		const struct sima_template_field_data *f = &rec->data.field[i];
		u32 len = f->len;

		/* "ima" records do not store the NUL of n. */
		if (sima_template_is_ima(d) && d->fields[i] == SIMA_TEMPLATE_FIELD_N)
			len = td.field[i].len ? td.field[i].len - 1 : 0;
		expect_mem(what, td.field[i].data, len, f->data, f->len);
	}
	sima_template_data_free(&td);
	free(g);
}

/* One record of a capture: write back, ASCII, digest, re-encode. */
static void check_golden_record(const char *what, const u8 *rec_bytes,
				size_t len, const struct sima_record *rec,
				const char **ascii, const char *ascii_end)
{
	u8 sha1[SHA1_USER_SIZE];
	const char *nl;
	size_t out_len;
	char *line;
	u8 *out;

	out = binary_record(rec->pcr, rec->digest, &rec->desc, &rec->data,
			    true, &out_len);
	expect_mem(what, out, out_len, rec_bytes, len);
	free(out);

	line = ascii_line(rec->pcr, rec->digest, &rec->desc, &rec->data, true);
	nl = memchr(*ascii, '\n', ascii_end - *ascii);
	if (!nl) {
		fprintf(stderr, "  %s: no ASCII line left\n", what);
		unit_failures++;
	} else {
		expect_mem(what, line, strlen(line), *ascii, nl + 1 - *ascii);
		*ascii = nl + 1;
	}
	free(line);

	if (!all_zero(rec->digest, sizeof(rec->digest))) {
		template_sha1(&rec->desc, &rec->data, true, sha1);
		expect_mem(what, sha1, sizeof(sha1), rec->digest,
			   sizeof(rec->digest));
	}
	check_reencode(what, rec);
}

/* Native order on this little-endian host reads the same record. */
static void check_golden_native(const char *what, const u8 *p, size_t left,
				const struct sima_record *rec, size_t used)
{
	struct sima_record native;
	size_t n;

	if (!host_le)
		return;
	UNIT_EXPECT_EQ(what, sima_template_parse_binary(p, left, false,
							&native, &n), 0);
	UNIT_EXPECT_EQ(what, n, used);
	UNIT_EXPECT_EQ(what, memcmp(&native, rec, sizeof(native)), 0);
}

/*
 * The captures come from an x86 kernel without ima_canonical_fmt: native
 * order there is little-endian, which canonical parsing reads anywhere.
 */
static int check_golden_dir(const char *dir, const char *name)
{
	size_t bin_len, ascii_len, off = 0, used;
	long count = 0, zeros = 0;
	const char *ascii, *ascii_end;
	struct sima_record rec;
	char what[512];
	u8 *bin, *text;

	bin = read_file(dir, "binary_runtime_measurements", &bin_len);
	if (!bin)
		return 0;
	text = read_file(dir, "ascii_runtime_measurements", &ascii_len);
	if (!text) {
		fprintf(stderr, "  %s: no ascii_runtime_measurements\n", name);
		unit_failures++;
		free(bin);
		return 1;
	}
	ascii = (const char *)text;
	ascii_end = ascii + ascii_len;
	while (off < bin_len) {
		snprintf(what, sizeof(what), "%s record %ld", name, count);
		if (sima_template_parse_binary(bin + off, bin_len - off, true,
					       &rec, &used)) {
			fprintf(stderr, "  %s: does not parse\n", what);
			unit_failures++;
			break;
		}
		check_golden_record(what, bin + off, used, &rec, &ascii,
				    ascii_end);
		check_golden_native(what, bin + off, bin_len - off, &rec, used);
		zeros += all_zero(rec.digest, sizeof(rec.digest));
		off += used;
		count++;
	}
	UNIT_EXPECT_EQ(name, ascii == ascii_end, 1);
	UNIT_EXPECT_EQ(name, count,
		       read_number(dir, "runtime_measurements_count"));
	/* Each violation of these captures made one zero-digest entry. */
	UNIT_EXPECT_EQ(name, zeros, read_number(dir, "violations"));
	printf("  %s: %ld records\n", name, count);
	free(bin);
	free(text);
	return 1;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/*
 * $SIMA_TESTDATA, else shared/testdata/native-ima-6.1 beside the clone,
 * found from this file's place (tests/unit: the runner's directory) or
 * from the binary's (build/unit).
 */
static const char *testdata_dir(void)
{
	static const char rel[] = "../../../shared/testdata/native-ima-6.1";
	static char path[4096];
	const char *env = getenv("SIMA_TESTDATA");
	const char *slash = strrchr(__FILE__, '/');
	ssize_t n;

	if (env && *env)
		return env;
	snprintf(path, sizeof(path), "%.*s%s", slash ?
		 (int)(slash - __FILE__ + 1) : 0, __FILE__, rel);
	if (is_dir(path))
		return path;
	n = readlink("/proc/self/exe", path, sizeof(path) - sizeof(rel) - 1);
	if (n <= 0)
		return rel;
	path[n] = '\0';
	slash = strrchr(path, '/');
	strcpy(slash ? (char *)slash + 1 : path, rel);
	return path;
}

static void test_goldens(void)
{
	const char *top = testdata_dir();
	char *names[64], dir[4096];
	unsigned int n = 0, i, cases = 0;
	struct dirent *de;
	DIR *d = opendir(top);

	if (!d)
		return;
	while ((de = readdir(d)) && n < ARRAY_SIZE(names))
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_names);
	for (i = 0; i < n; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", top, names[i]);
		cases += check_golden_dir(dir, names[i]);
		free(names[i]);
	}
	UNIT_EXPECT_EQ("capture directories", cases >= 1, 1);
}

/* A file's xattrs for the fake reader: a name, and what reading it gives. */
struct fake_xattr {
	const char *name;
	ssize_t ret;		/* the length, or an errno */
	const char *value;
};

static ssize_t fake_get(void *ctx, const char *name, u8 **value)
{
	const struct fake_xattr *f;

	for (f = ctx; f->name; f++) {
		if (strcmp(f->name, name))
			continue;
		if (f->ret <= 0)
			return f->ret;
		*value = xmalloc(f->ret);
		memcpy(*value, f->value, f->ret);
		return f->ret;
	}
	return -ENODATA;
}

/*
 * The xattr fields list the xattrs of upstream's EVM in its order, empty
 * ones included; an error other than ENODATA empties them. sig falls back
 * to a portable EVM signature when security.ima holds no signature.
 */
static void test_evm_xattrs(void)
{
	static const char *const upstream[] = {
		"security.selinux", "security.SMACK64",
		"security.SMACK64EXEC", "security.SMACK64TRANSMUTE",
		"security.SMACK64MMAP", "security.apparmor", "security.ima",
		"security.capability",
	};
	/* Out of list order, as a file system may return them. */
	static const struct fake_xattr file[] = {
		{ "security.capability", 3, "cap" },
		{ "security.evm", 4, "\x05\x02\x03\x04" },
		{ "security.ima", 3, "\x04\x01\x02" },
		{ "security.SMACK64", 0, NULL },
		{ "security.selinux", 2, "se" },
		{ "user.other", 1, "u" },
		{ NULL, 0, NULL },
	};
	static const struct fake_xattr broken[] = {
		{ "security.selinux", 2, "se" },
		{ "security.apparmor", -EOPNOTSUPP, NULL },
		{ NULL, 0, NULL },
	};
	static const char names[] =
		"security.selinux|security.SMACK64|security.ima|security.capability";
	static const u8 lengths[] = { 2, 0, 0, 0, 0, 0, 0, 0,
				      3, 0, 0, 0, 3, 0, 0, 0 };
	struct sima_template_xattrs xs;
	static const u8 digest[32];
	struct sima_template_input in = {
		.has_file = true,
		.algo = SIMA_HASH_ALGO_SHA256,
		.digest = digest,
		.digest_len = sizeof(digest),
		.name = "/f",
	};
	struct sima_template_data td;
	struct sima_template_desc d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(upstream); i++)
		expect_str("xattr list", sima_template_xattr_name(i),
			   upstream[i]);
	UNIT_EXPECT_EQ("end of the list",
		       !sima_template_xattr_name(ARRAY_SIZE(upstream)), 1);

	sima_template_xattrs_read(&xs, fake_get, (void *)file);
	UNIT_EXPECT_EQ("xattrs present", xs.nr, 4);
	in.xattrs = xs.x;
	in.nr_xattrs = xs.nr;
	in.evm_xattr = (const u8 *)file[1].value;
	in.evm_xattr_len = file[1].ret;
	in.ima_xattr = (const u8 *)file[2].value;
	in.ima_xattr_len = file[2].ret;
	UNIT_EXPECT_EQ("evm-sig", template_case_desc("evm-sig", &d), 0);
	UNIT_EXPECT_EQ("encode evm-sig", sima_template_encode(&d, &in, true,
							      &td), 0);
	expect_mem("evmsig", td.field[2].data, td.field[2].len,
		   file[1].value, 4);
	expect_mem("xattrnames", td.field[3].data, td.field[3].len, names,
		   sizeof(names));
	expect_mem("xattrlengths", td.field[4].data, td.field[4].len, lengths,
		   sizeof(lengths));
	expect_mem("xattrvalues", td.field[5].data, td.field[5].len,
		   "se\x04\x01\x02\x63\x61\x70", 8);
	sima_template_data_free(&td);

	UNIT_EXPECT_EQ("ima-sig", template_case_desc("ima-sig", &d), 0);
	UNIT_EXPECT_EQ("encode ima-sig", sima_template_encode(&d, &in, true,
							      &td), 0);
	expect_mem("sig of a hash", td.field[2].data, td.field[2].len,
		   file[1].value, 4);
	sima_template_data_free(&td);
	sima_template_xattrs_free(&xs);
	UNIT_EXPECT_EQ("freed", xs.nr, 0);

	sima_template_xattrs_read(&xs, fake_get, (void *)broken);
	UNIT_EXPECT_EQ("unreadable xattr empties the list", xs.nr, 0);
}

int main(void)
{
	UNIT_RUN(test_sha);
	UNIT_RUN(test_fields);
	UNIT_RUN(test_builtins);
	UNIT_RUN(test_fmt);
	UNIT_RUN(test_encode);
	UNIT_RUN(test_encode_nomem);
	UNIT_RUN(test_parse);
	UNIT_RUN(test_evm_xattrs);
	if (is_dir(testdata_dir()))
		UNIT_RUN(test_goldens);
	else
		printf("SKIP %s.goldens (no testdata)\n", UNIT_SUITE);
	return unit_report();
}
