/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the keyrings file signatures are checked with
 */
#ifndef _SIMA_KEYS_H
#define _SIMA_KEYS_H

#include <linux/types.h>

struct key;

int sima_keys_init(bool (*keep)(const char *keyring, const void *cert,
				size_t len));
void sima_keys_exit(void);
s32 sima_keys_ima_serial(void);
int sima_keys_check(int (*check)(struct key *keyring, const void *priv),
		    const void *priv);
int sima_keys_verify(const u8 *sig, size_t sig_len, const u8 *data,
		     unsigned int data_len, bool platform);

#endif /* _SIMA_KEYS_H */
