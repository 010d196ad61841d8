/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - pure decisions about what a hooked operation means to IMA
 *
 * Each hook wrapper reduces its arguments to a few integers and asks these
 * helpers whether the operation is an integrity event and of which kind.
 * They hold no state and build both in the kernel and in user space.
 */
#ifndef _SIMA_CLASSIFY_H
#define _SIMA_CLASSIFY_H

#include "sima/compat.h"
#include "sima/func.h"

/* Bits of struct sima_mmap_ctx.flags. */
#define SIMA_MMAP_HAS_FILE		0x1	/* mapping is file backed */
#define SIMA_MMAP_READ_IMPLIES_EXEC	0x2	/* personality READ_IMPLIES_EXEC */
#define SIMA_MMAP_NOEXEC_MOUNT		0x4	/* file's mount is noexec */

unsigned long sima_mmap_prot(unsigned long prot, unsigned int flags);
bool sima_mmap_is_exec(unsigned long prot, unsigned int flags);
bool sima_mprotect_adds_exec(unsigned long prot, bool vma_exec,
			     bool has_file);
enum sima_func sima_read_id_func(int id);
enum sima_func sima_load_id_func(int id);

/**
 * sima_open_mask - the IMA access mask of an open
 * @acc_mode: MAY_* bits the VFS computed for the open (struct open_flags)
 *
 * O_TRUNC already contributes MAY_WRITE and an exec open MAY_EXEC to
 * @acc_mode; IMA keeps only the access bits. Inline: every open asks.
 *
 * Return: @acc_mode reduced to MAY_READ, MAY_WRITE, MAY_EXEC, MAY_APPEND.
 */
static inline int sima_open_mask(int acc_mode)
{
	return acc_mode & (MAY_READ | MAY_WRITE | MAY_EXEC | MAY_APPEND);
}

#endif /* _SIMA_CLASSIFY_H */
