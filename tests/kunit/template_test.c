// SPDX-License-Identifier: GPL-2.0
/*
 * sima - KUnit suite for src/measure/template.c and
 * src/measure/template_render.c
 *
 * Runs the cases tests/unit runs in user space, here with the kernel's
 * string functions and its SHA-1 (crypto shash) for the template digests,
 * so the hash-walk bytes are checked against a second implementation.
 * The golden lists of shared/testdata are checked by tests/unit only.
 */

#include <crypto/hash.h>
#include <kunit/test.h>

#include "../../src/measure/template.c"
#include "../../src/measure/template_render.c"
#include "../vectors/template_cases.h"

static void fmt_case_desc(const struct template_fmt_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static void find_case_desc(const struct template_find_case *c, char *desc)
{
	strscpy(desc, c->query, KUNIT_PARAM_DESC_SIZE);
}

static void encode_case_desc(const struct template_encode_case *c,
			     char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

static void parse_case_desc(const struct template_parse_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(template_fmt, template_fmt_cases, fmt_case_desc);
KUNIT_ARRAY_PARAM(template_find, template_find_cases, find_case_desc);
KUNIT_ARRAY_PARAM(template_encode, template_encode_cases, encode_case_desc);
KUNIT_ARRAY_PARAM(template_parse, template_parse_cases, parse_case_desc);

struct sha1_walk {
	struct shash_desc *desc;
	int err;
};

static void sha1_update(void *ctx, const void *p, size_t n)
{
	struct sha1_walk *w = ctx;

	if (!w->err)
		w->err = crypto_shash_update(w->desc, p, n);
}

/* The SHA-1 template digest, computed by the kernel's crypto API. */
static void template_sha1(struct kunit *test,
			  const struct sima_template_desc *d,
			  const struct sima_template_data *td, u8 *out)
{
	struct crypto_shash *tfm = crypto_alloc_shash("sha1", 0, 0);
	struct sha1_walk w = { };

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(tfm), "no sha1: %ld",
			       PTR_ERR(tfm));
	w.desc = kunit_kzalloc(test, sizeof(*w.desc) +
			       crypto_shash_descsize(tfm), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w.desc);
	w.desc->tfm = tfm;
	w.err = crypto_shash_init(w.desc);
	sima_template_hash_walk(d, td, true, sha1_update, &w);
	if (!w.err)
		w.err = crypto_shash_final(w.desc, out);
	crypto_free_shash(tfm);
	KUNIT_ASSERT_EQ(test, w.err, 0);
}

static char *to_hex(struct kunit *test, const u8 *p, size_t n)
{
	char *hex = kunit_kzalloc(test, 2 * n + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, hex);
	template_case_hex(p, n, hex);
	return hex;
}

static void template_test_fmt(struct kunit *test)
{
	const struct template_fmt_case *c = test->param_value;
	struct sima_template_desc *d = kunit_kzalloc(test, sizeof(*d),
						     GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_EQ_MSG(test, sima_template_parse_fmt(c->fmt, d), c->err,
			    "%s", c->name);
	if (c->err) {
		KUNIT_EXPECT_EQ_MSG(test, d->nr_fields, 0, "%s", c->name);
		return;
	}
	KUNIT_EXPECT_EQ_MSG(test, d->nr_fields, c->nr_fields, "%s", c->name);
	for (i = 0; i < SIMA_TEMPLATE_MAX_FIELDS; i++)
		KUNIT_EXPECT_EQ_MSG(test, d->fields[i], c->fields[i],
				    "%s: field %u", c->name, i);
	KUNIT_EXPECT_STREQ_MSG(test, d->fmt, c->fmt, "%s", c->name);
	KUNIT_EXPECT_STREQ_MSG(test, d->name, "", "%s", c->name);
}

static void template_test_find(struct kunit *test)
{
	const struct template_find_case *c = test->param_value;
	const struct sima_template_desc *d = sima_template_find(c->query);

	KUNIT_EXPECT_STREQ_MSG(test, d ? d->name : "(none)",
			       c->want ?: "(none)", "%s", c->query);
}

/* The hand-written builtin field lists match their format strings. */
static void template_test_builtins(struct kunit *test)
{
	struct sima_template_desc *d = kunit_kzalloc(test, sizeof(*d),
						     GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, d);
	for (i = 0; i < ARRAY_SIZE(builtin_templates); i++) {
		const struct sima_template_desc *b = &builtin_templates[i];

		KUNIT_EXPECT_EQ_MSG(test, sima_template_parse_fmt(b->fmt, d),
				    0, "%s", b->name);
		KUNIT_EXPECT_EQ_MSG(test, d->nr_fields, b->nr_fields, "%s",
				    b->name);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(d->fields, b->fields,
						 sizeof(d->fields)), 0,
				    "%s", b->name);
		KUNIT_EXPECT_EQ_MSG(test, sima_template_is_ima(b), i == 0,
				    "%s", b->name);
	}
}

static void check_fields(struct kunit *test,
			 const struct template_encode_case *c,
			 const struct sima_template_desc *d,
			 const struct sima_template_data *td)
{
	unsigned int i;

	for (i = 0; i < SIMA_TEMPLATE_MAX_FIELDS; i++)
		KUNIT_EXPECT_STREQ_MSG(test,
				       to_hex(test, td->field[i].data,
					      td->field[i].len),
				       c->want[i] ?: "", "%s: field %u",
				       c->name, i);
}

/* Native order is little-endian on this CPU: both encodings agree. */
static void check_native(struct kunit *test,
			 const struct template_encode_case *c,
			 const struct sima_template_desc *d,
			 const struct sima_template_input *in,
			 const struct sima_template_data *td)
{
	struct sima_template_data *native;
	unsigned int i;

	if (IS_ENABLED(CONFIG_CPU_BIG_ENDIAN))
		return;
	native = kunit_kzalloc(test, sizeof(*native), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, native);
	KUNIT_ASSERT_EQ(test, sima_template_encode(d, in, false, native), 0);
	for (i = 0; i < d->nr_fields; i++) {
		KUNIT_EXPECT_EQ_MSG(test, native->field[i].len,
				    td->field[i].len, "%s", c->name);
		if (native->field[i].len == td->field[i].len &&
		    td->field[i].len)
			KUNIT_EXPECT_EQ_MSG(test,
					    memcmp(native->field[i].data,
						   td->field[i].data,
						   td->field[i].len),
					    0, "%s", c->name);
	}
	sima_template_data_free(native);
}

/* Write the record, parse it back: the same bytes and the same line. */
static void check_record(struct kunit *test,
			 const struct template_encode_case *c,
			 const struct sima_template_desc *d,
			 const struct sima_template_data *td, const u8 *sha1)
{
	u32 pcr = c->pcr ?: 10;
	size_t len = sima_template_binary(pcr, sha1, d, td, true, NULL, 0);
	size_t n = sima_template_ascii(pcr, sha1, d, td, true, NULL, 0);
	struct sima_record *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, len, GFP_KERNEL);
	u8 *again = kunit_kzalloc(test, len, GFP_KERNEL);
	char *line = kunit_kzalloc(test, n + 1, GFP_KERNEL);
	size_t used;

	KUNIT_ASSERT_TRUE(test, rec && buf && again && line);
	KUNIT_EXPECT_EQ(test, sima_template_binary(pcr, sha1, d, td, true,
						   buf, len), len);
	if (c->record)
		KUNIT_EXPECT_STREQ_MSG(test, to_hex(test, buf, len), c->record,
				       "%s", c->name);
	KUNIT_EXPECT_EQ(test, sima_template_ascii(pcr, sha1, d, td, true,
						  line, n + 1), n);
	KUNIT_EXPECT_STREQ_MSG(test, line, c->ascii, "%s", c->name);

	KUNIT_ASSERT_EQ_MSG(test, sima_template_parse_binary(buf, len, true,
							     rec, &used),
			    0, "%s", c->name);
	KUNIT_EXPECT_EQ_MSG(test, used, len, "%s", c->name);
	KUNIT_EXPECT_EQ(test, sima_template_binary(rec->pcr, rec->digest,
						   &rec->desc, &rec->data,
						   true, again, len), len);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(again, buf, len), 0, "%s", c->name);
	sima_template_ascii(rec->pcr, rec->digest, &rec->desc, &rec->data,
			    true, line, n + 1);
	KUNIT_EXPECT_STREQ_MSG(test, line, c->ascii, "%s", c->name);
}

static void template_test_encode(struct kunit *test)
{
	const struct template_encode_case *c = test->param_value;
	struct sima_template_input *in;
	struct sima_template_data *td;
	struct sima_template_desc *d;
	struct template_case_mem *m;
	u8 sha1[SIMA_TEMPLATE_DIGEST_SIZE];
	int err;

	in = kunit_kzalloc(test, sizeof(*in), GFP_KERNEL);
	td = kunit_kzalloc(test, sizeof(*td), GFP_KERNEL);
	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, in && td && d && m);
	KUNIT_ASSERT_EQ(test, template_case_desc(c->template, d), 0);
	KUNIT_ASSERT_TRUE(test, template_case_input(c, m, in));

	err = sima_template_encode(d, in, true, td);
	KUNIT_EXPECT_EQ_MSG(test, err, c->err, "%s", c->name);
	if (err) {
		KUNIT_EXPECT_NULL(test, td->mem);
		return;
	}
	check_fields(test, c, d, td);
	if (!c->violation) {
		template_sha1(test, d, td, sha1);
		KUNIT_EXPECT_STREQ_MSG(test, to_hex(test, sha1, sizeof(sha1)),
				       c->sha1, "%s", c->name);
	}
	KUNIT_ASSERT_EQ(test, template_case_unhex(c->sha1, sha1, sizeof(sha1)),
			SIMA_TEMPLATE_DIGEST_SIZE);
	check_record(test, c, d, td, sha1);
	check_native(test, c, d, in, td);
	sima_template_data_free(td);
	KUNIT_EXPECT_NULL(test, td->mem);
}

static void template_test_parse(struct kunit *test)
{
	const struct template_parse_case *c = test->param_value;
	size_t n = strlen(c->in) / 2, used = 1, len;
	struct sima_record *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	u8 *buf = kunit_kzalloc(test, n ?: 1, GFP_KERNEL);
	char *line;
	u8 *out;
	int err;

	KUNIT_ASSERT_TRUE(test, rec && buf);
	KUNIT_ASSERT_EQ(test, template_case_unhex(c->in, buf, n), (int)n);
	err = sima_template_parse_binary(buf, n, true, rec, &used);
	KUNIT_EXPECT_EQ_MSG(test, err, c->err, "%s", c->name);
	if (err) {
		KUNIT_EXPECT_EQ(test, used, 0);
		return;
	}
	KUNIT_EXPECT_EQ_MSG(test, used, c->consumed, "%s", c->name);
	len = sima_template_binary(rec->pcr, rec->digest, &rec->desc,
				   &rec->data, true, NULL, 0);
	KUNIT_ASSERT_EQ_MSG(test, len, used, "%s", c->name);
	out = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	sima_template_binary(rec->pcr, rec->digest, &rec->desc, &rec->data,
			     true, out, len);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(out, buf, len), 0, "%s", c->name);
	len = sima_template_ascii(rec->pcr, rec->digest, &rec->desc,
				  &rec->data, true, NULL, 0);
	line = kunit_kzalloc(test, len + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, line);
	sima_template_ascii(rec->pcr, rec->digest, &rec->desc, &rec->data,
			    true, line, len + 1);
	KUNIT_EXPECT_STREQ_MSG(test, line, c->ascii, "%s", c->name);
}

static struct kunit_case template_test_cases[] = {
	KUNIT_CASE_PARAM(template_test_fmt, template_fmt_gen_params),
	KUNIT_CASE_PARAM(template_test_find, template_find_gen_params),
	KUNIT_CASE(template_test_builtins),
	KUNIT_CASE_PARAM(template_test_encode, template_encode_gen_params),
	KUNIT_CASE_PARAM(template_test_parse, template_parse_gen_params),
	{}
};

static struct kunit_suite template_test_suite = {
	.name = "sima_template",
	.test_cases = template_test_cases,
};

kunit_test_suite(template_test_suite);
