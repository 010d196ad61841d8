// SPDX-License-Identifier: GPL-2.0
/*
 * sima - which policy rules an access matches, and what they decide
 *
 * Linux 6.1's ima_match_policy() and ima_match_rules(), over plain facts:
 * the rules are tried in order; the first matching rule of each class
 * (measure, appraise, audit, hash) decides that class, a "dont_" rule
 * included, and the walk ends when every class asked about is decided.
 * Conditions are tested in IMA's order, so that the LSM callback runs
 * exactly when IMA would ask the LSM.
 */

#include "sima/compat.h"
#include "sima/policy_match.h"
#include "sima/policy_rule.h"

/* uid_eq()/uid_lt()/uid_gt() on kernel-global ids: strict, unsigned. */
static bool id_matches(u32 val, const struct sima_rule_id *cond)
{
	switch (cond->op) {
	case '<':
		return val < cond->id;
	case '>':
		return val > cond->id;
	default:
		return val == cond->id;
	}
}

/*
 * euid= and egid=: a task that may change the id to its saved or real
 * value (CAP_SETUID/CAP_SETGID) matches on any of the three.
 */
static bool eid_matches(u32 eid, u32 sid, u32 rid, bool capable,
			const struct sima_rule_id *cond)
{
	if (id_matches(eid, cond))
		return true;
	return capable && (id_matches(sid, cond) || id_matches(rid, cond));
}

static bool list_has(const struct sima_rule_list *list, const char *name)
{
	unsigned int i;

	if (!name)
		return false;
	for (i = 0; i < list->count; i++)
		if (!strcmp(list->items[i], name))
			return true;
	return false;
}

/*
 * KEY_CHECK and CRITICAL_DATA: only uid= and the keyring or label list
 * count (a gid= is ignored).
 */
static bool data_rule_matches(const struct sima_rule *r,
			      const struct sima_match_ctx *ctx)
{
	if ((r->flags & SIMA_RULE_UID) &&
	    !id_matches(ctx->uid, &r->ids[SIMA_ID_UID]))
		return false;
	if (ctx->func == SIMA_FUNC_KEY_CHECK)
		return !(r->flags & SIMA_RULE_KEYRINGS) ||
		       list_has(&r->keyrings, ctx->keyring);
	return !(r->flags & SIMA_RULE_LABEL) || list_has(&r->labels, ctx->label);
}

static bool mask_matches(const struct sima_rule *r,
			 const struct sima_match_ctx *ctx)
{
	if (ctx->func == SIMA_FUNC_POST_SETATTR)
		return true;
	if ((r->flags & SIMA_RULE_MASK) && r->mask != ctx->mask)
		return false;
	return !(r->flags & SIMA_RULE_INMASK) || (r->mask & ctx->mask);
}

static bool fs_matches(const struct sima_rule *r,
		       const struct sima_match_ctx *ctx)
{
	if (!(r->flags & (SIMA_RULE_FSMAGIC | SIMA_RULE_FSNAME |
			  SIMA_RULE_FSUUID)))
		return true;
	if (!ctx->has_inode)
		return false;
	if ((r->flags & SIMA_RULE_FSMAGIC) && r->fsmagic != ctx->fsmagic)
		return false;
	if ((r->flags & SIMA_RULE_FSNAME) &&
	    (!ctx->fsname || strcmp(r->fsname, ctx->fsname)))
		return false;
	return !(r->flags & SIMA_RULE_FSUUID) ||
	       !memcmp(r->fsuuid, ctx->fsuuid, SIMA_UUID_SIZE);
}

static bool ids_match(const struct sima_rule *r,
		      const struct sima_match_ctx *ctx)
{
	const struct sima_rule_id *uid = &r->ids[SIMA_ID_UID];
	const struct sima_rule_id *gid = &r->ids[SIMA_ID_GID];

	if ((r->flags & SIMA_RULE_UID) && !id_matches(ctx->uid, uid))
		return false;
	if ((r->flags & SIMA_RULE_EUID) &&
	    !eid_matches(ctx->euid, ctx->suid, ctx->uid, ctx->cap_setuid, uid))
		return false;
	if ((r->flags & SIMA_RULE_GID) && !id_matches(ctx->gid, gid))
		return false;
	if ((r->flags & SIMA_RULE_EGID) &&
	    !eid_matches(ctx->egid, ctx->sgid, ctx->gid, ctx->cap_setgid, gid))
		return false;
	if (!(r->flags & (SIMA_RULE_FOWNER | SIMA_RULE_FGROUP)))
		return true;
	if (!ctx->has_inode)
		return false;
	if ((r->flags & SIMA_RULE_FOWNER) &&
	    !id_matches(ctx->fowner, &r->ids[SIMA_ID_FOWNER]))
		return false;
	return !(r->flags & SIMA_RULE_FGROUP) ||
	       id_matches(ctx->fgroup, &r->ids[SIMA_ID_FGROUP]);
}

/* A label the LSM did not accept never matches. */
static bool lsm_matches(const struct sima_rule *r,
			const struct sima_match_ctx *ctx)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_LSM_KEYS; i++) {
		const struct sima_rule_lsm *cond = &r->lsm[i];

		if (!cond->label)
			continue;
		if (!cond->active || !ctx->lsm_match ||
		    ctx->lsm_match(ctx, i, cond->label) <= 0)
			return false;
	}
	return true;
}

/**
 * sima_rule_can_match - can a rule match accesses of some func at all
 * @rule: the rule
 * @func: the func of the access
 *
 * Tells which rules a per-func index must list: a rule with another func=
 * never matches, except that every rule is tried for POST_SETATTR; a rule
 * without func= matches every func but KEY_CHECK and CRITICAL_DATA.
 *
 * Return: false when sima_rules_match() would skip @rule for @func
 * whatever the other facts.
 */
bool sima_rule_can_match(const struct sima_rule *rule, enum sima_func func)
{
	bool has_func = rule->flags & SIMA_RULE_FUNC;

	switch (func) {
	case SIMA_FUNC_POST_SETATTR:
		return true;
	case SIMA_FUNC_KEY_CHECK:
	case SIMA_FUNC_CRITICAL_DATA:
		return has_func && rule->func == func;
	default:
		return !has_func || rule->func == func;
	}
}

static bool rule_matches(const struct sima_rule *r,
			 const struct sima_match_ctx *ctx)
{
	if (!sima_rule_can_match(r, ctx->func))
		return false;
	if (ctx->func == SIMA_FUNC_KEY_CHECK ||
	    ctx->func == SIMA_FUNC_CRITICAL_DATA)
		return data_rule_matches(r, ctx);
	return mask_matches(r, ctx) && fs_matches(r, ctx) &&
	       ids_match(r, ctx) && lsm_matches(r, ctx);
}

/* The appraisal an appraise rule asks for under @func. */
static enum sima_appraise_sub appraise_sub(const struct sima_rule *r,
					   enum sima_func func)
{
	if (!(r->flags & SIMA_RULE_FUNC))
		return SIMA_APPRAISE_FILE;
	switch (func) {
	case SIMA_FUNC_MMAP_CHECK:
		return SIMA_APPRAISE_MMAP;
	case SIMA_FUNC_BPRM_CHECK:
		return SIMA_APPRAISE_BPRM;
	case SIMA_FUNC_CREDS_CHECK:
		return SIMA_APPRAISE_CREDS;
	case SIMA_FUNC_FILE_CHECK:
	case SIMA_FUNC_POST_SETATTR:
		return SIMA_APPRAISE_FILE;
	default:
		return SIMA_APPRAISE_READ;
	}
}

/* Folds a matching rule into @res; returns the classes it decided. */
static u32 apply_rule(const struct sima_rule *r, enum sima_func func,
		      struct sima_match_result *res)
{
	res->action |= r->flags & SIMA_MATCH_OPTIONS;
	res->action |= r->action & SIMA_MATCH_DO_MASK;
	if (r->action & SIMA_ACT_APPRAISE) {
		res->appraise_sub = appraise_sub(r, func);
		res->action &= ~SIMA_ACT_HASH;
		res->appraise_algos = r->appraise_algos; /* 0 if not given */
	}
	if (r->flags & SIMA_RULE_PCR)
		res->pcr = r->pcr;
	if (r->template)
		res->template = r->template;
	/* A class is its "do" bit and, one bit up, its "dont" bit. */
	if (r->action & SIMA_MATCH_DO_MASK)
		return r->action | r->action << 1;
	return r->action | r->action >> 1;
}

/**
 * sima_rules_match - match an access against rules, as IMA does
 * @rules: the rules, in policy order; those that cannot match
 *	@ctx->func (sima_rule_can_match()) may be left out
 * @nr: how many
 * @ctx: the facts about the access
 * @want: the SIMA_MATCH_DO_MASK classes asked about; rules of other
 *	classes are skipped
 * @res: filled in; pointers in it point into @rules
 *
 * For each class in @want the first matching rule decides: a "do" rule
 * sets its action bit, a "dont_" rule leaves it clear; later rules of that
 * class are not looked at. Every matching rule ORs its option bits into
 * @res->action, whatever its class. An appraise rule also clears a hash
 * bit already set and sets @res->appraise_sub and @res->appraise_algos;
 * pcr= and template= come from the matching rule that carries them.
 */
void sima_rules_match(const struct sima_rule *const *rules, unsigned int nr,
		      const struct sima_match_ctx *ctx, u32 want,
		      struct sima_match_result *res)
{
	u32 live = want | want << 1;	/* classes still undecided */
	unsigned int i;

	sima_match_none(res);
	for (i = 0; i < nr && live; i++) {
		const struct sima_rule *r = rules[i];

		if ((r->action & live) && rule_matches(r, ctx))
			live &= ~apply_rule(r, ctx->func, res);
	}
}
