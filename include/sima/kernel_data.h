/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - kernel variables read by name (src/kernel/kernel_data.c)
 */
#ifndef _SIMA_KERNEL_DATA_H
#define _SIMA_KERNEL_DATA_H

#include <linux/key.h>
#include <linux/mutex.h>

const char *sima_kernel_command_line(void);
/* module_mutex: lock mode links sima to itself under it */
struct mutex *sima_kernel_module_mutex(void);

struct key *sima_kernel_keyring(const char *name);
key_restrict_link_func_t sima_kernel_restrict_link(const char *name);

#endif /* _SIMA_KERNEL_DATA_H */
