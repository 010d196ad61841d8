/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the measurement list files in securityfs
 */
#ifndef _SIMA_MLIST_FS_H
#define _SIMA_MLIST_FS_H

struct dentry;

int sima_mlist_fs_init(struct dentry *dir);
void sima_mlist_fs_exit(void);

#endif /* _SIMA_MLIST_FS_H */
