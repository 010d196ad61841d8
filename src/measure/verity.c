// SPDX-License-Identifier: GPL-2.0
/*
 * sima - fs-verity file digests for digest_type=verity rules
 *
 * A rule with digest_type=verity measures, audits and appraises a file by
 * the digest fs-verity keeps for it (the root of its Merkle tree, hashed
 * with the tree's parameters), as upstream's ima_collect_measurement()
 * does: nothing is read, and a file without fs-verity has no digest.
 *
 * fsverity_get_digest() is not exported on 6.1, and its arguments differ
 * between series: kernel_api.h calls it through a gate. A kernel without
 * it (no CONFIG_FS_VERITY) refuses verity rules (upstream accepts them
 * there, and then no file can ever pass).
 */

#include <linux/fs.h>
#include <uapi/linux/hash_info.h>

#include "sima/digest.h"
#include "sima/gate.h"
#include "sima/verity.h"
#include "kernel_api.h"

/* fs-verity keeps at most a SHA-512 digest (FS_VERITY_MAX_DIGEST_SIZE). */
#define VERITY_MAX_DIGEST_SIZE	64

/**
 * sima_verity_init - say if the kernel has no fs-verity digest lookup
 *
 * A kernel without it only lacks digest_type=verity.
 *
 * Return: 0.
 */
int sima_verity_init(void)
{
	if (!sima_verity_supported())
		pr_warn("no fs-verity in this kernel: digest_type=verity refused\n");
	return 0;
}

/**
 * sima_verity_supported - can fs-verity digests be had here
 *
 * Return: true when policies may hold digest_type=verity rules.
 */
bool sima_verity_supported(void)
{
	return sima_gate_present(fsverity_get_digest);
}

/**
 * sima_verity_digest - the fs-verity digest of an open file
 * @inode: its inode; the file is open, so fs-verity has loaded its state
 * @d: receives the digest and fs-verity's algorithm
 *
 * Return: 0, -ENODATA when the file has no fs-verity, or another errno.
 */
int sima_verity_digest(struct inode *inode, struct sima_digest *d)
{
	u8 digest[VERITY_MAX_DIGEST_SIZE];
	enum hash_algo algo;
	unsigned int len;
	int err;

	if (!sima_verity_supported())
		return -EOPNOTSUPP;
	err = sima_fsverity_digest(inode, digest, &algo);
	if (err)
		return err;
	len = sima_hash_digest_size(algo);
	if (!len || len > sizeof(d->data))
		return -EINVAL;
	d->algo = algo;
	d->len = len;
	memcpy(d->data, digest, len);
	return 0;
}

/**
 * sima_verity_cause - the collect_data audit cause of a failed lookup
 * @err: what sima_verity_digest() returned
 *
 * Return: upstream's cause: "no-verity-digest" for a file without
 * fs-verity, else "invalid-verity-digest".
 */
const char *sima_verity_cause(int err)
{
	return err == -ENODATA ? "no-verity-digest" : "invalid-verity-digest";
}
