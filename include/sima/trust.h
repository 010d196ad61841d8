/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the trust generation cached appraisal verdicts are valid for
 */
#ifndef _SIMA_TRUST_H
#define _SIMA_TRUST_H

#include <linux/atomic.h>

extern atomic_t sima_trust_generation;

/**
 * sima_trust_gen - the current trust generation
 *
 * Return: the value a verdict computed now is valid for.
 */
static inline unsigned int sima_trust_gen(void)
{
	return atomic_read(&sima_trust_generation);
}

/**
 * sima_trust_withdraw - every cached verdict is stale from now on
 *
 * For a blacklist entry or a key leaving a keyring: files are appraised
 * again on their next access, against what is still trusted.
 */
static inline void sima_trust_withdraw(void)
{
	atomic_inc(&sima_trust_generation);
}

#endif /* _SIMA_TRUST_H */
