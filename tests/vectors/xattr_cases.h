/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/xattr.c, shared by KUnit and tests/unit
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
	{ "digest-ng algo 20", { 4, 20 }, 2, SHA256 },
	{ "digest-ng algo 255", { 4, 255 }, 2, SHA256 },
	{ "sig v2 sha384", { 3, 2, 5, 1, 2, 3, 4, 0, 1, 0xff }, 10,
	  SIMA_HASH_ALGO_SHA384 },
	{ "sig v2 header only", { 3, 2, 5, 1, 2, 3, 4, 0, 0 }, 9, SHA256 },
	{ "sig v1", { 3, 1, 5, 1, 2, 3, 4, 0, 1, 0xff }, 10, SHA256 },
	{ "sig v2 algo 20", { 3, 2, 20, 1, 2, 3, 4, 0, 1, 0xff }, 10,
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

#endif /* _SIMA_XATTR_CASES_H */
