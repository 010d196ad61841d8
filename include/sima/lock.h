/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - lock mode: once engaged, sima can no longer be unloaded
 */
#ifndef _SIMA_LOCK_H
#define _SIMA_LOCK_H

#include <linux/types.h>

int sima_lock_prepare(void);
void sima_lock_release(void);
int sima_lock_engage(void);
bool sima_locked(void);

#endif /* _SIMA_LOCK_H */
