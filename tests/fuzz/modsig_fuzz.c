// SPDX-License-Identifier: GPL-2.0
/*
 * sima - libFuzzer target for appended signatures:
 * src/appraise/modsig_layout.c
 *
 * The first input byte picks the mode:
 *
 *  - even: the rest is a buffer as read from a module or kexec image.
 *    The result must be one of the loader's errnos, -ENOENT exactly when
 *    the buffer does not end in the marker after room for the struct
 *    module_signature; and a layout found must describe the buffer
 *    exactly: at least one byte of data, then the PKCS#7 message, then a
 *    struct module_signature whose fields are all zero but id_type (2)
 *    and the message's length, then the marker. Written back from the
 *    layout, the buffer must come out byte for byte.
 *  - odd: the rest is data and a signature, split where the next two
 *    bytes say; the data is signed as scripts/sign-file appends a
 *    signature, then maybe damaged (the mode's bits 1-7 pick a byte of
 *    the struct or the marker). Undamaged, the layout must find exactly
 *    the data and the signature (unless there is no data); damaged, it
 *    must give the errno the damaged part calls for.
 *
 * Buffers are copied into exact-size heap blocks: ASan sees every read
 * outside them. The Makefile names modsig_fuzz_one()
 * LLVMFuzzerTestOneInput with -D. Built with -DFUZZ_SEEDS, the file is a
 * program that writes the cases of tests/vectors/modsig_cases.h as a seed
 * corpus, and a dictionary.
 */

#include "compat_user_extra.h"
#include "../../src/appraise/modsig_layout.c"

#include <stdint.h>

int modsig_fuzz_one(const uint8_t *data, size_t size);

#define MARKER_LEN	(sizeof(SIMA_MODSIG_MARKER) - 1)
#define TRAILER_LEN	(SIMA_MODSIG_INFO_SIZE + MARKER_LEN)

static void fail(const char *what)
{
	fprintf(stderr, "modsig_fuzz: %s\n", what);
	abort();
}

/* data, signature, struct module_signature, marker: into a new block. */
static u8 *sign(const u8 *data, size_t data_len, const u8 *sig, u32 sig_len,
		size_t *len)
{
	u8 *buf = malloc(data_len + sig_len + TRAILER_LEN);
	u8 *info = buf + data_len + sig_len;

	if (!buf)
		abort();
	memcpy(buf, data, data_len);
	memcpy(buf + data_len, sig, sig_len);
	memset(info, 0, SIMA_MODSIG_INFO_SIZE);
	info[2] = SIMA_MODSIG_ID_PKCS7;
	info[8] = sig_len >> 24;
	info[9] = sig_len >> 16;
	info[10] = sig_len >> 8;
	info[11] = sig_len;
	memcpy(info + SIMA_MODSIG_INFO_SIZE, SIMA_MODSIG_MARKER, MARKER_LEN);
	*len = data_len + sig_len + TRAILER_LEN;
	return buf;
}

static u8 *copy(const u8 *p, size_t len)
{
	u8 *buf = malloc(len ? len : 1);

	if (!buf)
		abort();
	memcpy(buf, p, len);
	return buf;
}

/* What holds for any buffer; returns the layout's result. */
static int check_layout(const u8 *buf, size_t len,
			struct sima_modsig_layout *l)
{
	bool marked;
	u8 *again;
	size_t n;
	int ret;

	marked = len > TRAILER_LEN &&
		 !memcmp(buf + len - MARKER_LEN, SIMA_MODSIG_MARKER,
			 MARKER_LEN);
	ret = sima_modsig_layout(buf, len, l);
	if (ret != 0 && ret != -ENOENT && ret != -EBADMSG && ret != -ENOPKG)
		fail("not an errno of the loader's");
	if ((ret == -ENOENT) == marked)
		fail("-ENOENT is not \"no marker\"");
	if (ret)
		return ret;
	if (!l->data_len || l->pkcs7 != buf + l->data_len ||
	    l->data_len + l->pkcs7_len + TRAILER_LEN != len)
		fail("the layout does not cover the buffer");
	again = sign(buf, l->data_len, l->pkcs7, l->pkcs7_len, &n);
	if (n != len || memcmp(again, buf, len))
		fail("the buffer does not write back from its layout");
	free(again);
	return 0;
}

static void fuzz_buffer(const u8 *p, size_t len)
{
	struct sima_modsig_layout l;
	u8 *buf = copy(p, len);

	check_layout(buf, len, &l);
	free(buf);
}

/*
 * The errno a damaged byte at @at of the trailer calls for; 1 for the
 * length, where the buffer may still parse (with another split).
 */
static int damage_errno(size_t at, bool has_data)
{
	if (at >= SIMA_MODSIG_INFO_SIZE)
		return -ENOENT;
	if (at >= 8)
		return 1;
	/* The length is checked before the id type. */
	return at == 2 && has_data ? -ENOPKG : -EBADMSG;
}

static void fuzz_signed(u8 mode, const u8 *p, size_t left)
{
	struct sima_modsig_layout l;
	size_t len, sig_len, at;
	int ret, want;
	u8 *buf;

	if (left < 2)
		return;
	sig_len = (p[0] | (size_t)p[1] << 8) % (left - 1);
	p += 2;
	left -= 2;
	buf = sign(p, left - sig_len, p + left - sig_len, sig_len, &len);
	at = (mode >> 1) % (TRAILER_LEN + 1);
	want = left == sig_len ? -EBADMSG : 0;
	if (at < TRAILER_LEN) {
		buf[len - TRAILER_LEN + at] ^= at == 2 ? 1 : 0x80;
		want = damage_errno(at, left != sig_len);
	}
	/* A bare trailer is too short to be looked at. */
	if (!left)
		want = -ENOENT;
	ret = check_layout(buf, len, &l);
	if (want != 1 && ret != want)
		fail("the errno is not the one the buffer calls for");
	if (!want && (l.data_len != left - sig_len || l.pkcs7_len != sig_len))
		fail("a signed buffer is not found as signed");
	free(buf);
}

int modsig_fuzz_one(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if (data[0] & 1)
		fuzz_signed(data[0], data + 1, size - 1);
	else
		fuzz_buffer(data + 1, size - 1);
	return 0;
}

#ifdef FUZZ_SEEDS
#include "../vectors/modsig_cases.h"
#include "seeds.h"

static void write_seed(const char *dir, const char *kind, unsigned int i,
		       u8 mode, const void *p, size_t n)
{
	seed_write(dir, kind, i, &mode, 1, p, n);
}

int main(int argc, char **argv)
{
	static u8 buf[256];
	unsigned int i;
	FILE *dict;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CORPUS-DIR DICT-FILE\n", argv[0]);
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(modsig_cases); i++)
		write_seed(argv[1], "layout", i, 0, buf,
			   modsig_case_buf(&modsig_cases[i], buf));
	/* 8 bytes of data and 4 of signature, then each damage. */
	buf[0] = 4;
	buf[1] = 0;
	memset(buf + 2, 0x5e, 12);
	for (i = 0; i <= TRAILER_LEN; i++)
		write_seed(argv[1], "signed", i, 2 * i + 1, buf, 14);
	dict = seed_dict_open(argv[2]);
	seed_word(dict, "~Module signature appended~", "\\x0a");
	seed_word(dict, "\\x00\\x00\\x02\\x00\\x00\\x00\\x00\\x00", "");
	fclose(dict);
	return 0;
}
#endif /* FUZZ_SEEDS */
