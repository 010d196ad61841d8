/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the active IMA policy: what hooks ask, and how it is replaced
 *
 * One immutable struct sima_policy is active at a time, behind an RCU
 * pointer. The hottest hooks ask sima_func_live() (a bit test) whether
 * their func matters at all, then sima_policy_match() for the decision.
 * A policy load builds a whole new object and swaps it in, so a reader
 * sees either the old rules or all of the new ones.
 *
 * Locks: sima_policy_mutex (policy.c) and the lock of each policy file
 * transaction (policy_fs.c) never nest, and neither is taken in hook
 * context; hooks only read the active policy under RCU.
 */
#ifndef _SIMA_POLICY_ACTIVE_H
#define _SIMA_POLICY_ACTIVE_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>

#include "sima/func.h"
#include "sima/policy_match.h"
#include "sima/policy_rule.h"

struct file;
struct sima_event;
struct sima_policy;

/*
 * A bit of the @want of sima_policy_match(): first drop the classes no
 * active "do" rule gives, as ima_get_action() does with ima_policy_flag.
 * Without it @want is used as given, as ima_must_appraise() does.
 */
#define SIMA_WANT_POLICY_FLAG	0x80000000

extern u32 sima_live_funcs;

/**
 * sima_func_live - can an event of this func need sima at all
 * @func: the func of a hook
 *
 * What the hottest hooks ask before they build an event: a bit test of a
 * mask the active policy sets, a superset of the funcs sima_process_event()
 * can act on. A hook racing with a policy change may still see the old
 * mask, as it could see the old policy.
 *
 * Return: false when the event can be counted and forgotten.
 */
static inline bool sima_func_live(enum sima_func func)
{
	return READ_ONCE(sima_live_funcs) & BIT(func);
}

int sima_policy_init(void);
void sima_policy_exit(void);
bool sima_policy_has(u32 actions);
u32 sima_policy_setxattr_algos(void);
void sima_policy_match(const struct sima_event *ev, u32 want,
		       struct sima_match_result *res, bool *file_measure);
bool sima_policy_untouched(enum sima_func func, struct file *file, int mask,
			   u32 want);
bool sima_policy_appraise_required(enum sima_func func);
int sima_policy_fs_init(bool modsig, void (*loaded)(void));
void sima_policy_fs_exit(void);

#endif /* _SIMA_POLICY_ACTIVE_H */
