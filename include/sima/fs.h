/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the securityfs interface
 */
#ifndef _SIMA_FS_H
#define _SIMA_FS_H

int sima_fs_init(void);
void sima_fs_exit(void);
bool sima_fs_native_ima(void);

#endif /* _SIMA_FS_H */
