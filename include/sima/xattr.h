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

unsigned int sima_xattr_hash_algo(const u8 *value, size_t len,
				  unsigned int dflt);

#endif /* _SIMA_XATTR_H */
