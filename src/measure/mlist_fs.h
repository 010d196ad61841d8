/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the measurement list files in securityfs
 */
#ifndef _SIMA_MLIST_FS_H
#define _SIMA_MLIST_FS_H

int sima_mlist_fs_init(void);
void sima_mlist_fs_exit(void);

#endif /* _SIMA_MLIST_FS_H */
