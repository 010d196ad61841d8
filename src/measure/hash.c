// SPDX-License-Identifier: GPL-2.0
/*
 * sima - hashing files and buffers through the kernel crypto API
 *
 * One shash transform per algorithm, allocated on first use and kept until
 * unload; the default algorithm and SHA-1 are allocated at load so that the
 * common path never asks the crypto API to load a module (which would exec
 * modprobe, through sima's own hooks).
 *
 * A file that is not open for reading is hashed through a private read-only
 * instance opened with sima's own credentials. Every hook ignores files
 * carrying those credentials, so sima's reads never re-enter sima.
 *
 * Files are read with __kernel_read(), as upstream does: kernel_read() asks
 * the LSMs and fanotify permission listeners first, and a root listener
 * denying sima's read alone would make a measurement silently go missing.
 */

#include <crypto/hash.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "sima/hash.h"
#include "sima/gate.h"

/* Large enough to stream quickly, small enough for any allocator state. */
#define HASH_CHUNK	(32 * 1024)

/* Serialises allocating a transform; never held while hashing. */
static DEFINE_MUTEX(tfm_mutex);
/* Published once with release semantics, read locklessly. */
static struct crypto_shash *tfms[SIMA_HASH_ALGO__LAST];
/* The credentials of sima's own file reads; set at init. */
const struct cred *sima_cred __read_mostly;

/**
 * sima_hash_tfm - the shared transform of an algorithm
 * @algo: enum sima_hash_algo
 *
 * Allocated on first use (may sleep and load a crypto module), kept until
 * unload. Use it with an on-stack shash_desc.
 *
 * Return: the transform or an ERR_PTR.
 */
struct crypto_shash *sima_hash_tfm(unsigned int algo)
{
	struct crypto_shash *tfm;

	if (algo >= SIMA_HASH_ALGO__LAST)
		return ERR_PTR(-EINVAL);
	/* Pairs with the release below: a seen pointer is fully set up. */
	tfm = smp_load_acquire(&tfms[algo]);
	if (tfm)
		return tfm;

	mutex_lock(&tfm_mutex);
	tfm = tfms[algo];
	if (!tfm) {
		tfm = crypto_alloc_shash(sima_hash_algo_name(algo), 0, 0);
		if (!IS_ERR(tfm)) {
			/* Publish only a fully allocated transform. */
			smp_store_release(&tfms[algo], tfm);
		}
	}
	mutex_unlock(&tfm_mutex);
	return tfm;
}

/**
 * sima_hash_available - can the crypto API compute this algorithm
 * @algo: enum sima_hash_algo
 *
 * May sleep and load a crypto module.
 *
 * Return: true when a transform exists or could be allocated.
 */
bool sima_hash_available(unsigned int algo)
{
	return !IS_ERR(sima_hash_tfm(algo));
}

/**
 * sima_hash_buf - hash a buffer
 * @algo: enum sima_hash_algo
 * @buf: the data
 * @len: its length
 * @digest: receives the digest
 *
 * Return: 0, or a negative errno from the crypto API.
 */
int sima_hash_buf(unsigned int algo, const void *buf, size_t len,
		  struct sima_digest *digest)
{
	struct crypto_shash *tfm = sima_hash_tfm(algo);

	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	digest->algo = algo;
	digest->len = crypto_shash_digestsize(tfm);
	return crypto_shash_tfm_digest(tfm, buf, len, digest->data);
}

static int hash_stream(struct file *file, struct shash_desc *desc, u8 *buf)
{
	loff_t pos = 0;
	ssize_t n;
	int err;

	for (;;) {
		n = sima_gate___kernel_read(file, buf, HASH_CHUNK, &pos);
		if (n <= 0)
			return n;
		err = crypto_shash_update(desc, buf, n);
		if (err)
			return err;
		/* Large files: bounded latency, no soft lockups. */
		cond_resched();
	}
}

/**
 * sima_hash_file - hash a file's whole contents
 * @file: the file, open in any mode
 * @algo: enum sima_hash_algo
 * @digest: receives the digest
 *
 * May sleep for as long as reading the file takes.
 *
 * Return: 0, or a negative errno from opening, reading or hashing.
 */
int sima_hash_file(struct file *file, unsigned int algo,
		   struct sima_digest *digest)
{
	struct crypto_shash *tfm = sima_hash_tfm(algo);
	struct file *rfile = file;
	u8 *buf;
	int err;

	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	buf = kmalloc(HASH_CHUNK, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (!(file->f_mode & FMODE_READ) || (file->f_flags & O_DIRECT)) {
		rfile = dentry_open(&file->f_path, O_RDONLY | O_LARGEFILE,
				    sima_cred);
		if (IS_ERR(rfile)) {
			err = PTR_ERR(rfile);
			goto out_buf;
		}
	}

	{
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		err = crypto_shash_init(desc);
		if (!err)
			err = hash_stream(rfile, desc, buf);
		if (!err)
			err = crypto_shash_final(desc, digest->data);
		shash_desc_zero(desc);
	}
	digest->algo = algo;
	digest->len = crypto_shash_digestsize(tfm);
	if (rfile != file)
		fput(rfile);
out_buf:
	kfree(buf);
	return err;
}

/**
 * sima_hash_init - prepare the transforms the hot path needs
 * @default_algo: the algorithm files are measured with
 *
 * Return: 0, or a negative errno naming why the algorithm is unusable.
 */
int sima_hash_init(unsigned int default_algo)
{
	struct crypto_shash *tfm;

	sima_cred = prepare_kernel_cred(&init_task);
	if (!sima_cred)
		return -ENOMEM;
	tfm = sima_hash_tfm(SIMA_HASH_ALGO_SHA1);
	if (IS_ERR(tfm))
		goto err;
	tfm = sima_hash_tfm(default_algo);
	if (IS_ERR(tfm))
		goto err;
	return 0;

err:
	pr_err("hash algorithm unavailable: %ld\n", PTR_ERR(tfm));
	sima_hash_exit();
	return PTR_ERR(tfm);
}

/**
 * sima_hash_exit - free every transform; no hashing may be in progress
 */
void sima_hash_exit(void)
{
	unsigned int i;

	for (i = 0; i < SIMA_HASH_ALGO__LAST; i++) {
		if (tfms[i])
			crypto_free_shash(tfms[i]);
		tfms[i] = NULL;
	}
	if (sima_cred)
		put_cred(sima_cred);
	sima_cred = NULL;
}
