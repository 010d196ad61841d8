/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - hash algorithm ids, names and digest sizes
 *
 * The ids are the kernel's enum hash_algo values (include/uapi/linux/
 * hash_info.h): they are stored in security.ima, in signature headers and,
 * as bit numbers, in appraise_algos= sets. The names are the ones
 * ima_hash=, appraise_algos= and the d-ng field use.
 */
#ifndef _SIMA_DIGEST_H
#define _SIMA_DIGEST_H

#include "sima/compat.h"

enum sima_hash_algo {
#define SIMA_HASH_ALGO_DEF(id, name, size) SIMA_HASH_ALGO_##id,
#include "sima/hash_algos.def"
#undef SIMA_HASH_ALGO_DEF
	SIMA_HASH_ALGO__LAST
};

/* The largest digest any of them produces (HASH_MAX_DIGESTSIZE). */
#define SIMA_HASH_MAX_DIGEST_SIZE	64

/**
 * struct sima_digest - a digest and the algorithm that made it
 * @algo: enum sima_hash_algo
 * @len: digest size in bytes
 * @data: the digest
 */
struct sima_digest {
	u8 algo;
	u8 len;
	u8 data[SIMA_HASH_MAX_DIGEST_SIZE];
};

/**
 * sima_hash_algo_name - the name of a hash algorithm
 * @algo: enum sima_hash_algo value
 *
 * Return: the name, or NULL for an id outside the table.
 */
static inline const char *sima_hash_algo_name(unsigned int algo)
{
	static const char *const names[SIMA_HASH_ALGO__LAST] = {
#define SIMA_HASH_ALGO_DEF(id, name, size) name,
#include "sima/hash_algos.def"
#undef SIMA_HASH_ALGO_DEF
	};

	return algo < SIMA_HASH_ALGO__LAST ? names[algo] : NULL;
}

/**
 * sima_hash_digest_size - the digest size of a hash algorithm
 * @algo: enum sima_hash_algo value
 *
 * Return: the size in bytes, or 0 for an id outside the table.
 */
static inline unsigned int sima_hash_digest_size(unsigned int algo)
{
	static const u8 sizes[SIMA_HASH_ALGO__LAST] = {
#define SIMA_HASH_ALGO_DEF(id, name, size) size,
#include "sima/hash_algos.def"
#undef SIMA_HASH_ALGO_DEF
	};

	return algo < SIMA_HASH_ALGO__LAST ? sizes[algo] : 0;
}

/**
 * sima_hash_algo_lookup - find a hash algorithm by its exact name
 * @name: NUL-terminated name, e.g. "sha256"
 *
 * Return: the enum sima_hash_algo value, or -ENOENT.
 */
static inline int sima_hash_algo_lookup(const char *name)
{
	unsigned int algo;

	for (algo = 0; algo < SIMA_HASH_ALGO__LAST; algo++)
		if (!strcmp(name, sima_hash_algo_name(algo)))
			return algo;
	return -ENOENT;
}

/**
 * sima_hex_digit - the value of a hex digit, either case
 * @c: any character
 *
 * Return: 0 to 15, or 16 for a character that is not a hex digit.
 */
static inline unsigned int sima_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 16;
}

#endif /* _SIMA_DIGEST_H */
