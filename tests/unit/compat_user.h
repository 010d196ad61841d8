/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - user-space stand-ins for the kernel facilities pure files use
 *
 * Values that cross the user/kernel boundary (MAY_*, READING_*, LOADING_*)
 * copy the kernel's; tests/unit/Makefile builds against this header only.
 */
#ifndef _SIMA_COMPAT_USER_H
#define _SIMA_COMPAT_USER_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t s64;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* include/linux/fs.h */
#define MAY_EXEC	0x00000001
#define MAY_WRITE	0x00000002
#define MAY_READ	0x00000004
#define MAY_APPEND	0x00000008
#define MAY_ACCESS	0x00000010
#define MAY_OPEN	0x00000020

/* include/linux/kernel_read_file.h and include/linux/security.h */
enum kernel_read_file_id {
	READING_UNKNOWN,
	READING_FIRMWARE,
	READING_MODULE,
	READING_KEXEC_IMAGE,
	READING_KEXEC_INITRAMFS,
	READING_POLICY,
	READING_X509_CERTIFICATE,
	READING_MAX_ID
};

enum kernel_load_data_id {
	LOADING_UNKNOWN,
	LOADING_FIRMWARE,
	LOADING_MODULE,
	LOADING_KEXEC_IMAGE,
	LOADING_KEXEC_INITRAMFS,
	LOADING_POLICY,
	LOADING_X509_CERTIFICATE,
	LOADING_MAX_ID
};

#include "compat_user_extra.h"

#endif /* _SIMA_COMPAT_USER_H */
