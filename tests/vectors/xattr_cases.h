/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/integrity/xattr.c, shared by KUnit and tests/unit
 *
 * Values as evmctl writes them and as a damaged or hostile file system
 * might hold them; the wanted algorithm is what upstream IMA 6.1's
 * ima_get_hash_algo() returns with ima_hash=sha256.
 */
#ifndef _SIMA_XATTR_CASES_H
#define _SIMA_XATTR_CASES_H

#include "sima/digest.h"
#include "sima/xattr.h"

struct xattr_algo_case {
	const char *name;
	u8 value[24];
	size_t len;
	unsigned int want;
};

#define SHA256 SIMA_HASH_ALGO_SHA256

static const struct xattr_algo_case xattr_algo_cases[] = {
	{ "empty", { 0 }, 0, SHA256 },
	{ "digest-ng sha512", { 4, 6, 0xaa }, 3, SIMA_HASH_ALGO_SHA512 },
	{ "digest-ng sha1", { 4, 2, 0xaa }, 2, SIMA_HASH_ALGO_SHA1 },
	{ "digest-ng type only", { 4 }, 1, SHA256 },
	{ "digest-ng algo 19", { 4, 19 }, 2, SIMA_HASH_ALGO_STREEBOG_512 },
	{ "digest-ng algo 99", { 4, 99 }, 2, SHA256 },
	{ "digest-ng algo 255", { 4, 255 }, 2, SHA256 },
	{ "sig v2 sha384", { 3, 2, 5, 1, 2, 3, 4, 0, 1, 0xff }, 10,
	  SIMA_HASH_ALGO_SHA384 },
	{ "sig v2 header only", { 3, 2, 5, 1, 2, 3, 4, 0, 0 }, 9, SHA256 },
	{ "sig v1", { 3, 1, 5, 1, 2, 3, 4, 0, 1, 0xff }, 10, SHA256 },
	{ "sig v2 algo 99", { 3, 2, 99, 1, 2, 3, 4, 0, 1, 0xff }, 10,
	  SHA256 },
	{ "sig truncated", { 3, 2 }, 2, SHA256 },
	{ "verity v3 sha512", { 6, 3, 6, 1, 2, 3, 4, 0, 1, 0xff }, 10,
	  SIMA_HASH_ALGO_SHA512 },
	{ "verity v2", { 6, 2, 6, 1, 2, 3, 4, 0, 1, 0xff }, 10, SHA256 },
	{ "legacy sha1", { 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
			   15, 16, 17, 18, 19, 20 }, 21, SIMA_HASH_ALGO_SHA1 },
	{ "legacy md5 padded", { 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
				 14, 15, 16 }, 21, SIMA_HASH_ALGO_MD5 },
	{ "legacy md5", { 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
			  15, 16 }, 17, SIMA_HASH_ALGO_MD5 },
	{ "legacy odd length", { 1, 1, 2, 3 }, 4, SHA256 },
	{ "evm hmac", { 2, 1, 2 }, 3, SHA256 },
	{ "portable evm sig", { 5, 2, 6, 1, 2, 3, 4, 0, 1, 0xff }, 10,
	  SHA256 },
	{ "unknown type", { 7, 6 }, 2, SHA256 },
};

#undef SHA256

/* Signature headers, as the signature check reads them before any key. */
struct xattr_sig_case {
	const char *name;
	u8 value[24];
	size_t len;
	int want;
	u8 algo;
	u32 keyid;
	u16 sig_len;
};

static const struct xattr_sig_case xattr_sig_cases[] = {
	{ "v2, one byte", { 3, 2, 4, 1, 2, 3, 4, 0, 1, 0xaa }, 10, 0,
	  SIMA_HASH_ALGO_SHA256, 0x01020304, 1 },
	{ "v2, key id with the top bit", { 3, 2, 6, 0xf1, 0xe2, 0xd3, 0xc4, 0,
					   3, 1, 2, 3 }, 12, 0,
	  SIMA_HASH_ALGO_SHA512, 0xf1e2d3c4, 3 },
	{ "v3 (type 6)", { 6, 3, 4, 0, 0, 0, 9, 0, 2, 0xaa, 0xbb }, 11, 0,
	  SIMA_HASH_ALGO_SHA256, 9, 2 },
	{ "type byte only", { 3 }, 1, .want = -EBADMSG },
	{ "empty", { 0 }, 0, .want = -EBADMSG },
	{ "v1 (legacy RSA)", { 3, 1, 4, 1, 2, 3, 4, 0, 1, 0xaa }, 10,
	  .want = -EOPNOTSUPP },
	{ "v1, truncated", { 3, 1 }, 2, .want = -EOPNOTSUPP },
	{ "v4", { 3, 4, 4, 1, 2, 3, 4, 0, 1, 0xaa }, 10, .want = -EOPNOTSUPP },
	{ "header only", { 3, 2, 4, 1, 2, 3, 4, 0, 0 }, 9, .want = -EBADMSG },
	{ "header cut", { 3, 2, 4, 1, 2, 3 }, 6, .want = -EBADMSG },
	{ "algo 99", { 3, 2, 99, 1, 2, 3, 4, 0, 1, 0xaa }, 10,
	  .want = -ENOPKG },
	{ "algo 99, header cut", { 3, 2, 99, 1 }, 4, .want = -EBADMSG },
	{ "size one short", { 3, 2, 4, 1, 2, 3, 4, 0, 2, 0xaa }, 10,
	  .want = -EBADMSG },
	{ "size one long", { 3, 2, 4, 1, 2, 3, 4, 0, 1, 0xaa, 0xbb }, 11,
	  .want = -EBADMSG },
	{ "size in the high byte", { 3, 2, 4, 1, 2, 3, 4, 1, 1, 0xaa }, 10,
	  .want = -EBADMSG },
};

#endif /* _SIMA_XATTR_CASES_H */
