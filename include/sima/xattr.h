/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the security.ima value formats (pure: built in user space too)
 */
#ifndef _SIMA_XATTR_H
#define _SIMA_XATTR_H

#include "sima/compat.h"

/* The first byte of a security.ima or security.evm value. */
enum sima_xattr_type {
	SIMA_XATTR_DIGEST = 1,		/* sha1 or md5 digest */
	SIMA_XATTR_EVM_HMAC = 2,
	SIMA_XATTR_DIGSIG = 3,		/* signature, v2 header (v1 legacy) */
	SIMA_XATTR_DIGEST_NG = 4,	/* algo byte, digest */
	SIMA_XATTR_EVM_PORTABLE = 5,
	SIMA_XATTR_VERITY_DIGSIG = 6,
	SIMA_XATTR_LAST = 7,
};

/* Bytes of a signature_v2_hdr: type, version, algo, BE keyid, BE size. */
#define SIMA_SIG_HDR_SIZE	9

/**
 * struct sima_sig_hdr - a signature header (signature_v2_hdr) as read
 * @version: 2 (type 3) or 3 (type 6)
 * @algo: enum sima_hash_algo of what was signed
 * @keyid: the low 32 bits of the signing key's id (big-endian in the value)
 * @sig: the signature proper, right after the header, inside the value
 * @sig_len: its length, which the header states and the value holds
 */
struct sima_sig_hdr {
	u8 version;
	u8 algo;
	u32 keyid;
	const u8 *sig;
	u16 sig_len;
};

unsigned int sima_xattr_hash_algo(const u8 *value, size_t len,
				  unsigned int dflt);
int sima_xattr_sig_hdr(const u8 *value, size_t len, struct sima_sig_hdr *hdr);

#endif /* _SIMA_XATTR_H */
