/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the securityfs directory every part puts its files in
 */
#ifndef _SIMA_SECURITYFS_H
#define _SIMA_SECURITYFS_H

#include <linux/types.h>

struct dentry;

int sima_fs_init(void);
void sima_fs_exit(void);
struct dentry *sima_fs_dir(void);
bool sima_fs_native_ima(void);

#endif /* _SIMA_SECURITYFS_H */
