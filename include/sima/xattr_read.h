/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - extended attributes read raw, without permission checks
 */
#ifndef _SIMA_XATTR_READ_H
#define _SIMA_XATTR_READ_H

#include <linux/types.h>

struct dentry;

ssize_t sima_xattr_get(struct dentry *dentry, const char *name, u8 **value);
ssize_t sima_ima_xattr_read(struct dentry *dentry, u8 **value);

#endif /* _SIMA_XATTR_READ_H */
