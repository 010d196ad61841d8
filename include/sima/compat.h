/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the only system header pure-logic files include
 *
 * Files that must also build in user space (tests/unit, tests/fuzz)
 * include this instead of <linux/...>; the user build maps the few kernel
 * facilities they use onto libc in tests/unit/compat_user.h.
 */
#ifndef _SIMA_COMPAT_H
#define _SIMA_COMPAT_H

#ifdef __KERNEL__
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kernel_read_file.h>
#include <linux/mman.h>
#include <linux/personality.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/types.h>
#else
#include "compat_user.h"
#endif

#endif /* _SIMA_COMPAT_H */
