/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - certificates kept until a KEY_CHECK rule can measure them
 */
#ifndef _SIMA_KEY_QUEUE_H
#define _SIMA_KEY_QUEUE_H

#include <linux/types.h>

bool sima_key_queue_add(const char *keyring, const void *payload,
			size_t len);
void sima_key_queue_flush(void);
void sima_key_queue_exit(void);

#endif /* _SIMA_KEY_QUEUE_H */
