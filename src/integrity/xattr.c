// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the security.ima value formats (pure: built in user space too)
 *
 * Values come straight from the file system: every length is checked
 * before a byte is read.
 */

#include "sima/digest.h"
#include "sima/xattr.h"

/**
 * sima_xattr_hash_algo - the algorithm a file is hashed with, given its
 *	security.ima value
 * @value: the value (any type, possibly malformed)
 * @len: its length
 * @dflt: the algorithm when the value names none (ima_hash)
 *
 * As upstream: a v2 signature or a digest-ng value names the algorithm, a
 * legacy digest is sha1 (21 bytes) or md5 (17, or 21 with four zero bytes
 * at offset 17); anything else gives @dflt.
 *
 * Return: enum sima_hash_algo value.
 */
unsigned int sima_xattr_hash_algo(const u8 *value, size_t len,
				  unsigned int dflt)
{
	static const u8 zero[4];

	if (!value || !len)
		return dflt;
	switch (value[0]) {
	case SIMA_XATTR_VERITY_DIGSIG:
		if (len > SIMA_SIG_HDR_SIZE && value[1] == 3 &&
		    value[2] < SIMA_HASH_ALGO__LAST)
			return value[2];
		break;
	case SIMA_XATTR_DIGSIG:
		if (len > SIMA_SIG_HDR_SIZE && value[1] == 2 &&
		    value[2] < SIMA_HASH_ALGO__LAST)
			return value[2];
		break;
	case SIMA_XATTR_DIGEST_NG:
		if (len > 1 && value[1] < SIMA_HASH_ALGO__LAST)
			return value[1];
		break;
	case SIMA_XATTR_DIGEST:
		if (len == 21)
			return memcmp(&value[17], zero, 4) ?
			       SIMA_HASH_ALGO_SHA1 : SIMA_HASH_ALGO_MD5;
		if (len == 17)
			return SIMA_HASH_ALGO_MD5;
		break;
	}
	return dflt;
}

/**
 * sima_xattr_sig_hdr - read the header of a signature value (type 3 or 6)
 * @value: the whole value, type byte first (not checked here)
 * @len: its length
 * @hdr: receives the header; untouched on error
 *
 * Return: 0; -EBADMSG when the value is too short or its length is not
 * the header's and the signature's, -EOPNOTSUPP for a version other than
 * 2 or 3 (version 1 is the legacy RSA format), -ENOPKG for an unknown
 * hash algorithm. In that order, as the signature check reports them.
 */
int sima_xattr_sig_hdr(const u8 *value, size_t len, struct sima_sig_hdr *hdr)
{
	u16 sig_len;

	if (len < 2)
		return -EBADMSG;
	if (value[1] != 2 && value[1] != 3)
		return -EOPNOTSUPP;
	if (len <= SIMA_SIG_HDR_SIZE)
		return -EBADMSG;
	if (value[2] >= SIMA_HASH_ALGO__LAST)
		return -ENOPKG;
	sig_len = (u16)value[7] << 8 | value[8];
	if (sig_len != len - SIMA_SIG_HDR_SIZE)
		return -EBADMSG;
	hdr->version = value[1];
	hdr->algo = value[2];
	hdr->keyid = (u32)value[3] << 24 | (u32)value[4] << 16 |
		     (u32)value[5] << 8 | value[6];
	hdr->sig = value + SIMA_SIG_HDR_SIZE;
	hdr->sig_len = sig_len;
	return 0;
}
