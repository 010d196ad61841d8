/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the securityfs directory every part puts its files in
 */
#ifndef _SIMA_SECURITYFS_H
#define _SIMA_SECURITYFS_H

#include <linux/fs.h>
#include <linux/types.h>

int sima_fs_init(void);
void sima_fs_exit(void);
struct dentry *sima_fs_dir(void);
int sima_fs_file(const char *name, umode_t mode,
		 const struct file_operations *fops, struct dentry **dentry);
bool sima_fs_native_ima(void);

#endif /* _SIMA_SECURITYFS_H */
