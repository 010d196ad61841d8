/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - per-inode integrity state
 *
 * A module gets no LSM blob, so state lives in a hash table keyed by the
 * inode's address and is dropped when the inode is destroyed.
 */
#ifndef _SIMA_IINT_H
#define _SIMA_IINT_H

#include <linux/mutex.h>
#include <linux/rhashtable-types.h>
#include <linux/types.h>

#include "sima/hash.h"

struct inode;

/**
 * struct sima_iint - what sima knows about one inode
 * @node: hash-table linkage
 * @inode: the key; never dereferenced after the inode is freed
 * @mutex: serialises hashing and measuring this inode; sleeps; taken
 *         only in hook context that may sleep, never under another
 *         sima lock
 * @version: i_version when @digest was computed
 * @measured_pcrs: PCRs this version is recorded in (bit per PCR)
 * @flags: SIMA_IINT_*
 * @digest: the file digest, valid when SIMA_IINT_HASHED; its fs-verity
 *	digest instead when SIMA_IINT_VERITY
 * @status: appraisal status (enum sima_status) per enum sima_appraise_sub,
 *	valid while its SIMA_IINT_APPRAISED bit is set; under @mutex
 * @verdict_gen: the trust generation @status was computed under (see
 *	sima_trust_withdraw())
 * @rcu: deferred free
 */
struct sima_iint {
	struct rhash_head node;
	struct inode *inode;
	struct mutex mutex;	/* see @mutex above */
	u64 version;
	unsigned long measured_pcrs;
	unsigned long flags;
	struct sima_digest digest;
	u8 status[6];
	unsigned int verdict_gen;
	struct rcu_head rcu;
};

/*
 * @flags bits, atomic bitops. HASHED, VERITY, AUDITED and APPRAISED change
 * with @digest under @mutex, and may be cleared without it to force a new
 * evaluation (xattr and attribute changes); MUST_MEASURE is only ever set.
 */
#define SIMA_IINT_HASHED	0	/* @digest matches @version */
#define SIMA_IINT_MUST_MEASURE	1	/* a read matched a measure rule */
#define SIMA_IINT_AUDITED	2	/* @digest was audited by a rule */
#define SIMA_IINT_DIGSIG	3	/* security.ima holds a signature */
#define SIMA_IINT_NEW_FILE	4	/* created, not yet closed by a writer */
#define SIMA_IINT_UPDATE_XATTR	5	/* relabel at the last writer's close */
#define SIMA_IINT_HASH_RULE	6	/* a "hash" rule applied */
#define SIMA_IINT_VERITY	7	/* @digest is fs-verity's */
/* + enum sima_appraise_sub: @status[sub] is valid for @digest */
#define SIMA_IINT_APPRAISED	8

/* Forget every cached appraisal verdict; atomic, any context. */
static inline void sima_iint_forget_verdicts(struct sima_iint *iint)
{
	unsigned int bit;

	for (bit = SIMA_IINT_APPRAISED; bit < SIMA_IINT_APPRAISED + 6; bit++)
		clear_bit(bit, &iint->flags);
}

int sima_iint_init(void);
void sima_iint_exit(void);
struct sima_iint *sima_iint_find(const struct inode *inode);
struct sima_iint *sima_iint_get(struct inode *inode);
void sima_iint_free(const struct inode *inode);

#endif /* _SIMA_IINT_H */
