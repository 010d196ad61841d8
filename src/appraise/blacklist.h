/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - revoked signing keys and file digests
 */
#ifndef _SIMA_BLACKLIST_H
#define _SIMA_BLACKLIST_H

#include <linux/types.h>

struct sima_digest;

int sima_blacklist_fs_init(void);
void sima_blacklist_fs_exit(void);
void sima_blacklist_exit(void);
bool sima_blacklist_has_digest(const struct sima_digest *digest);
bool sima_blacklist_has_keyid(u32 keyid);

#endif /* _SIMA_BLACKLIST_H */
