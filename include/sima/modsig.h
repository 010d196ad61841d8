/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - appended signatures (modsig), as scripts/sign-file writes them
 *
 * From the end of the buffer backwards: the marker, a struct
 * module_signature whose only meaningful field is the big-endian length
 * of the PKCS#7 message before it, and that message, a detached signature
 * of everything in front of it. Finding it is pure (built in user space
 * too); parsing and verifying the PKCS#7 message is the kernel's.
 */
#ifndef _SIMA_MODSIG_H
#define _SIMA_MODSIG_H

#include "sima/compat.h"

#define SIMA_MODSIG_MARKER	"~Module signature appended~\n"
/* struct module_signature: algo, hash, id_type, 2 lengths, pad[3], len */
#define SIMA_MODSIG_INFO_SIZE	12
#define SIMA_MODSIG_ID_PKCS7	2

/**
 * struct sima_modsig_layout - where an appended signature lies
 * @data_len: bytes it signs, from the start of the buffer
 * @pkcs7: the PKCS#7 message, right after them
 * @pkcs7_len: its length
 */
struct sima_modsig_layout {
	size_t data_len;
	const u8 *pkcs7;
	size_t pkcs7_len;
};

int sima_modsig_layout(const u8 *buf, size_t len,
		       struct sima_modsig_layout *out);

#ifdef __KERNEL__
struct pkcs7_message;

/**
 * struct sima_modsig - an appended signature read from an event's buffer
 * @pkcs7: the parsed message
 * @raw: the raw message, inside the event's buffer
 * @raw_len: its length
 * @algo: enum sima_hash_algo of @digest
 * @digest: the digest of the signed data, by the message's algorithm;
 *	owned by @pkcs7. NULL when the kernel could not compute it
 * @digest_len: its length
 */
struct sima_modsig {
	struct pkcs7_message *pkcs7;
	const u8 *raw;
	u32 raw_len;
	unsigned int algo;
	const u8 *digest;
	u32 digest_len;
};

bool sima_modsig_supported(void);
int sima_modsig_init(void);
int sima_modsig_read(const void *buf, size_t size, struct sima_modsig *ms);
void sima_modsig_release(struct sima_modsig *ms);
int sima_modsig_verify(const struct sima_modsig *ms, bool platform);
bool sima_modsig_blacklisted(const struct sima_modsig *ms);
#endif

#endif /* _SIMA_MODSIG_H */
