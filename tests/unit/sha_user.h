/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - small SHA-1 and SHA-256 for the user-space tests
 *
 * Straight from FIPS 180-4, written for clarity, not speed: the tests hash
 * a few kilobytes. sha_user_selftest() checks both against the standard's
 * examples before anything relies on them.
 */
#ifndef _SIMA_SHA_USER_H
#define _SIMA_SHA_USER_H

#include <stdint.h>
#include <string.h>

#define SHA1_USER_SIZE		20
#define SHA256_USER_SIZE	32

struct sha_user {
	uint32_t h[8];
	uint8_t block[64];
	uint64_t bytes;
	unsigned int nh;		/* 5 words for SHA-1, 8 for SHA-256 */
	void (*compress)(uint32_t *h, const uint8_t *block);
};

static inline uint32_t sha_user_rol(uint32_t x, unsigned int n)
{
	return (x << n) | (x >> (32 - n));
}

static inline uint32_t sha_user_ror(uint32_t x, unsigned int n)
{
	return (x >> n) | (x << (32 - n));
}

static inline uint32_t sha_user_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline void sha1_user_compress(uint32_t *h, const uint8_t *block)
{
	uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	uint32_t f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = sha_user_be32(block + 4 * i);
	for (; i < 80; i++)
		w[i] = sha_user_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16],
				    1);
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = sha_user_rol(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = sha_user_rol(b, 30);
		b = a;
		a = t;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

static inline void sha256_user_compress(uint32_t *h, const uint8_t *block)
{
	static const uint32_t k[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
		0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
		0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
		0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
		0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
		0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
		0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
		0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
		0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
		0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
		0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
	};
	uint32_t w[64], v[8], s0, s1, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = sha_user_be32(block + 4 * i);
	for (; i < 64; i++) {
		s0 = sha_user_ror(w[i - 15], 7) ^ sha_user_ror(w[i - 15], 18) ^
		     (w[i - 15] >> 3);
		s1 = sha_user_ror(w[i - 2], 17) ^ sha_user_ror(w[i - 2], 19) ^
		     (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(v, h, sizeof(v));
	for (i = 0; i < 64; i++) {
		s1 = sha_user_ror(v[4], 6) ^ sha_user_ror(v[4], 11) ^
		     sha_user_ror(v[4], 25);
		t1 = v[7] + s1 + ((v[4] & v[5]) ^ (~v[4] & v[6])) + k[i] + w[i];
		s0 = sha_user_ror(v[0], 2) ^ sha_user_ror(v[0], 13) ^
		     sha_user_ror(v[0], 22);
		t2 = s0 + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(v[0]));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		h[i] += v[i];
}

static inline void sha1_user_init(struct sha_user *c)
{
	static const uint32_t iv[5] = {
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
	};

	memset(c, 0, sizeof(*c));
	memcpy(c->h, iv, sizeof(iv));
	c->nh = 5;
	c->compress = sha1_user_compress;
}

static inline void sha256_user_init(struct sha_user *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memset(c, 0, sizeof(*c));
	memcpy(c->h, iv, sizeof(iv));
	c->nh = 8;
	c->compress = sha256_user_compress;
}

static inline void sha_user_update(struct sha_user *c, const void *data,
				   size_t n)
{
	const uint8_t *p = data;

	while (n) {
		size_t used = c->bytes % 64, take = 64 - used;

		if (take > n)
			take = n;
		memcpy(c->block + used, p, take);
		c->bytes += take;
		p += take;
		n -= take;
		if (used + take == 64)
			c->compress(c->h, c->block);
	}
}

/* The update callback sima_template_hash_walk() takes. */
static inline void sha_user_update_cb(void *ctx, const void *p, size_t n)
{
	sha_user_update(ctx, p, n);
}

static inline void sha_user_final(struct sha_user *c, uint8_t *out)
{
	uint64_t bits = c->bytes * 8;
	uint8_t pad[72] = { 0x80 };
	size_t padlen = 64 - (c->bytes + 8) % 64;	/* 1..64 */
	unsigned int i;

	for (i = 0; i < 8; i++)
		pad[padlen + i] = bits >> (56 - 8 * i);
	sha_user_update(c, pad, padlen + 8);
	for (i = 0; i < c->nh; i++) {
		out[4 * i] = c->h[i] >> 24;
		out[4 * i + 1] = c->h[i] >> 16;
		out[4 * i + 2] = c->h[i] >> 8;
		out[4 * i + 3] = c->h[i];
	}
}

static inline void sha1_user(const void *p, size_t n, uint8_t *out)
{
	struct sha_user c;

	sha1_user_init(&c);
	sha_user_update(&c, p, n);
	sha_user_final(&c, out);
}

static inline void sha256_user(const void *p, size_t n, uint8_t *out)
{
	struct sha_user c;

	sha256_user_init(&c);
	sha_user_update(&c, p, n);
	sha_user_final(&c, out);
}

/* FIPS 180-4 examples; 0 when both hashes give them. */
static inline int sha_user_selftest(void)
{
	static const uint8_t sha1_abc[20] = {
		0xa9, 0x99, 0x3e, 0x36, 0x47, 0x06, 0x81, 0x6a, 0xba, 0x3e,
		0x25, 0x71, 0x78, 0x50, 0xc2, 0x6c, 0x9c, 0xd0, 0xd8, 0x9d,
	};
	static const uint8_t sha1_448[20] = {
		0x84, 0x98, 0x3e, 0x44, 0x1c, 0x3b, 0xd2, 0x6e, 0xba, 0xae,
		0x4a, 0xa1, 0xf9, 0x51, 0x29, 0xe5, 0xe5, 0x46, 0x70, 0xf1,
	};
	static const uint8_t sha256_abc[32] = {
		0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41,
		0x40, 0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3,
		0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00,
		0x15, 0xad,
	};
	static const uint8_t sha256_448[32] = {
		0x24, 0x8d, 0x6a, 0x61, 0xd2, 0x06, 0x38, 0xb8, 0xe5, 0xc0,
		0x26, 0x93, 0x0c, 0x3e, 0x60, 0x39, 0xa3, 0x3c, 0xe4, 0x59,
		0x64, 0xff, 0x21, 0x67, 0xf6, 0xec, 0xed, 0xd4, 0x19, 0xdb,
		0x06, 0xc1,
	};
	static const char m448[] =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	uint8_t out[32];
	int bad = 0;

	sha1_user("abc", 3, out);
	bad |= memcmp(out, sha1_abc, 20);
	sha1_user(m448, strlen(m448), out);
	bad |= memcmp(out, sha1_448, 20);
	sha256_user("abc", 3, out);
	bad |= memcmp(out, sha256_abc, 32);
	sha256_user(m448, strlen(m448), out);
	bad |= memcmp(out, sha256_448, 32);
	return bad != 0;
}

#endif /* _SIMA_SHA_USER_H */
