/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - unexported kernel symbols, looked up by name
 */
#ifndef _SIMA_KALLSYMS_H
#define _SIMA_KALLSYMS_H

int sima_kallsyms_init(void);
unsigned long sima_kallsyms_lookup(const char *name);

#endif /* _SIMA_KALLSYMS_H */
