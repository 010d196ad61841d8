/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/appraise/modsig_layout.c, shared by KUnit and
 * tests/unit
 *
 * Each buffer is some data, an optional "signature", the 12-byte struct
 * module_signature and the marker, as scripts/sign-file appends them, or
 * a damaged variant. Errors are those of the kernel's mod_check_sig().
 */
#ifndef _SIMA_MODSIG_CASES_H
#define _SIMA_MODSIG_CASES_H

#include "sima/modsig.h"

struct modsig_case {
	const char *name;
	unsigned int data;	/* bytes of data before the signature */
	unsigned int sig;	/* bytes of signature */
	u32 sig_len;		/* the length the info block claims */
	u8 info[8];		/* its first 8 bytes */
	bool no_marker;		/* leave the marker out */
	bool bad_marker;	/* one byte of it wrong */
	int want;
};

#define PKCS7_INFO { 0, 0, SIMA_MODSIG_ID_PKCS7 }

static const struct modsig_case modsig_cases[] = {
	{ "signed", .data = 100, .sig = 40, .sig_len = 40,
	  .info = PKCS7_INFO },
	/* The loader wants at least one byte of signed data. */
	{ "no data", .data = 0, .sig = 40, .sig_len = 40,
	  .info = PKCS7_INFO, .want = -EBADMSG },
	{ "one byte of data", .data = 1, .sig = 1, .sig_len = 1,
	  .info = PKCS7_INFO },
	{ "empty signature", .data = 100, .sig = 0, .sig_len = 0,
	  .info = PKCS7_INFO },
	{ "unsigned", .data = 100, .sig = 0, .sig_len = 0,
	  .info = PKCS7_INFO, .no_marker = true, .want = -ENOENT },
	{ "marker damaged", .data = 100, .sig = 40, .sig_len = 40,
	  .info = PKCS7_INFO, .bad_marker = true, .want = -ENOENT },
	{ "only info and marker", .data = 0, .sig = 0, .sig_len = 0,
	  .info = PKCS7_INFO, .want = -ENOENT },
	{ "length past the start", .data = 10, .sig = 40, .sig_len = 51,
	  .info = PKCS7_INFO, .want = -EBADMSG },
	{ "length exactly everything", .data = 10, .sig = 40, .sig_len = 50,
	  .info = PKCS7_INFO, .want = -EBADMSG },
	{ "length huge", .data = 100, .sig = 40, .sig_len = 0xffffffff,
	  .info = PKCS7_INFO, .want = -EBADMSG },
	{ "id_type pgp", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 0, 0, 0 }, .want = -ENOPKG },
	{ "id_type x509", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 0, 0, 1 }, .want = -ENOPKG },
	{ "algo set", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 1, 0, 2 }, .want = -EBADMSG },
	{ "hash set", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 0, 1, 2 }, .want = -EBADMSG },
	{ "signer_len set", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 0, 0, 2, 1 }, .want = -EBADMSG },
	{ "key_id_len set", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 0, 0, 2, 0, 1 }, .want = -EBADMSG },
	{ "padding set", .data = 100, .sig = 40, .sig_len = 40,
	  .info = { 0, 0, 2, 0, 0, 0, 0, 1 },
	  .want = -EBADMSG },
};

#undef PKCS7_INFO

/*
 * The case's buffer into @buf (room for data + sig + 12 + the marker):
 * data bytes 0xd0.., signature bytes 0x5e. Returns its length.
 */
static size_t modsig_case_buf(const struct modsig_case *c, u8 *buf)
{
	const size_t marker_len = sizeof(SIMA_MODSIG_MARKER) - 1;
	size_t len = 0;

	memset(buf, 0xd0, c->data);
	len += c->data;
	memset(buf + len, 0x5e, c->sig);
	len += c->sig;
	memcpy(buf + len, c->info, sizeof(c->info));
	buf[len + 8] = c->sig_len >> 24;
	buf[len + 9] = c->sig_len >> 16;
	buf[len + 10] = c->sig_len >> 8;
	buf[len + 11] = c->sig_len;
	len += SIMA_MODSIG_INFO_SIZE;
	if (c->no_marker)
		return len;
	memcpy(buf + len, SIMA_MODSIG_MARKER, marker_len);
	if (c->bad_marker)
		buf[len + 3] ^= 1;
	return len + marker_len;
}

#endif /* _SIMA_MODSIG_CASES_H */
