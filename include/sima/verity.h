/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - fs-verity file digests for digest_type=verity rules
 */
#ifndef _SIMA_VERITY_H
#define _SIMA_VERITY_H

#include <linux/types.h>

struct inode;
struct sima_digest;

int sima_verity_init(void);
bool sima_verity_supported(void);
int sima_verity_digest(struct inode *inode, struct sima_digest *d);
const char *sima_verity_cause(int err);

#endif /* _SIMA_VERITY_H */
