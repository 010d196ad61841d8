/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - hashing files and buffers through the kernel crypto API
 */
#ifndef _SIMA_HASH_H
#define _SIMA_HASH_H

#include <linux/fs.h>
#include <linux/types.h>

#include "sima/digest.h"

struct crypto_shash;
struct file;

int sima_hash_init(unsigned int default_algo);
void sima_hash_exit(void);
struct crypto_shash *sima_hash_tfm(unsigned int algo);
bool sima_hash_available(unsigned int algo);
int sima_hash_buf(unsigned int algo, const void *buf, size_t len,
		  struct sima_digest *digest);
int sima_hash_file(struct file *file, unsigned int algo,
		   struct sima_digest *digest);
extern const struct cred *sima_cred;

/**
 * sima_file_is_internal - was this file opened by sima itself
 * @file: any file
 *
 * Return: true for sima's private read instances, which hooks ignore.
 */
static inline bool sima_file_is_internal(const struct file *file)
{
	return file->f_cred == sima_cred;
}

#endif /* _SIMA_HASH_H */
