/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the last policy decision per CPU, for repeated identical accesses
 *
 * Most accesses repeat the facts of the one before of their func (the same
 * user opening files of the same filesystem the same way), and so the
 * decision. A policy whose rules test nothing but those facts (see
 * policy.c) lets each CPU reuse its last decision per func instead of
 * walking the rules again: an exec's BPRM_CHECK, MMAP_CHECK and FILE_CHECK
 * decisions do not evict each other.
 */
#ifndef _SIMA_POLICY_CACHE_H
#define _SIMA_POLICY_CACHE_H

#include <linux/percpu.h>
#include <linux/types.h>

#include "sima/func.h"
#include "sima/policy_match.h"

/**
 * struct sima_decision_key - every fact a cacheable policy can test
 * @gen: the generation of the policy that decided (never reused)
 * @fsmagic: the file's filesystem
 * @func: the access's func
 * @mask: its MAY_* mask
 * @want: the classes asked about
 * @uid: the task's real uid, equal to its effective and saved ones
 * @gid: the same for groups
 * @fowner: the file's owner, 0 unless some rule tests it
 * @fgroup: the file's group, 0 unless some rule tests it
 */
struct sima_decision_key {
	u64 gen;
	u64 fsmagic;
	u32 func;
	u32 mask;
	u32 want;
	u32 uid;
	u32 gid;
	u32 fowner;
	u32 fgroup;
};

/*
 * One entry per CPU and func, used with preemption disabled (callers are
 * inside the policy's RCU-sched read section), so it needs no lock. An
 * entry of an older policy never matches: its generation differs.
 */
struct sima_decision {
	struct sima_decision_key key;
	struct sima_match_result res;
};

DECLARE_PER_CPU(struct sima_decision, sima_last_decision[SIMA_NR_FUNCS]);

/* This CPU's entry for @func (< SIMA_NR_FUNCS). */
static inline struct sima_decision *sima_decision_slot(u32 func)
{
	return this_cpu_ptr(&sima_last_decision[func]);
}

static inline bool sima_same_facts(const struct sima_decision_key *a,
				   const struct sima_decision_key *b)
{
	return a->gen == b->gen && a->fsmagic == b->fsmagic &&
	       a->func == b->func && a->mask == b->mask &&
	       a->want == b->want && a->uid == b->uid && a->gid == b->gid &&
	       a->fowner == b->fowner && a->fgroup == b->fgroup;
}

/**
 * sima_decision_peek - this CPU's last decision for these facts, in place
 * @key: the facts
 *
 * Context: preemption disabled.
 * Return: the cached decision, or NULL when it was taken on other facts.
 */
static inline const struct sima_decision *
sima_decision_peek(const struct sima_decision_key *key)
{
	const struct sima_decision *d = sima_decision_slot(key->func);

	/* Generations start at 1: an unused entry never matches. */
	return sima_same_facts(&d->key, key) ? d : NULL;
}

/**
 * sima_decision_lookup - the decision this CPU took last for these facts
 * @key: the facts
 * @res: filled in on a hit
 *
 * Context: preemption disabled.
 * Return: true on a hit.
 */
static inline bool sima_decision_lookup(const struct sima_decision_key *key,
					struct sima_match_result *res)
{
	const struct sima_decision *d = sima_decision_peek(key);

	if (!d)
		return false;
	*res = d->res;
	return true;
}

/**
 * sima_decision_store - remember a decision on this CPU
 * @key: the facts
 * @res: what the policy decided for them
 *
 * Context: preemption disabled.
 */
static inline void sima_decision_store(const struct sima_decision_key *key,
				       const struct sima_match_result *res)
{
	struct sima_decision *d = sima_decision_slot(key->func);

	d->key = *key;
	d->res = *res;
}

#endif /* _SIMA_POLICY_CACHE_H */
