/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - matching one access against policy rules
 *
 * The caller reduces the access to plain facts (struct sima_match_ctx);
 * sima_rules_match() walks rules in order exactly as Linux 6.1's
 * ima_match_policy() does and reports what they decide. Pure: it reads
 * nothing but its arguments, so tests/unit runs it too.
 */
#ifndef _SIMA_POLICY_MATCH_H
#define _SIMA_POLICY_MATCH_H

#include "sima/compat.h"
#include "sima/policy_rule.h"

/* The action bits a caller can ask about: one per class. */
#define SIMA_MATCH_DO_MASK	(SIMA_ACT_MEASURE | SIMA_ACT_APPRAISE | \
				 SIMA_ACT_AUDIT | SIMA_ACT_HASH)

/*
 * The option bits of a rule (its SIMA_RULE_* flags in the top byte), which
 * any matching rule ORs into the result, whatever its class.
 */
#define SIMA_MATCH_OPTIONS	0xff000000

/*
 * Not a rule option: ima_policy=fail_securely adds it to every appraise
 * match (sima_policy_match() does). IMA's IMA_FAIL_UNVERIFIABLE_SIGS.
 */
#define SIMA_MATCH_FAIL_UNVERIFIABLE_SIGS	0x10000000

/*
 * Which appraisal an appraise rule asks for, by hook: IMA caches the
 * verdict per sub-action (IMA_{FILE,MMAP,BPRM,READ,CREDS}_APPRAISE).
 */
enum sima_appraise_sub {
	SIMA_APPRAISE_NONE,
	SIMA_APPRAISE_FILE,	/* FILE_CHECK, POST_SETATTR, rules without func */
	SIMA_APPRAISE_MMAP,
	SIMA_APPRAISE_BPRM,
	SIMA_APPRAISE_CREDS,
	SIMA_APPRAISE_READ,	/* every other func */
};

struct sima_match_ctx;

/**
 * typedef sima_lsm_match_t - does the access carry an LSM label
 * @ctx: the access; @ctx->lsm_priv identifies the object and subject
 * @key: which label: the inode's (obj_*) or the task's (subj_*)
 * @label: the label a rule names, already accepted by the LSM
 *
 * Return: > 0 when the label matches, 0 when not, < 0 on error (no match).
 */
typedef int (*sima_lsm_match_t)(const struct sima_match_ctx *ctx,
				enum sima_lsm_key key, const char *label);

/**
 * struct sima_match_ctx - the facts about one access a rule can test
 * @func: the IMA func of the hook; SIMA_FUNC_POST_SETATTR makes every rule
 *	match whatever its func= and mask=, as in IMA
 * @mask: MAY_* bits of the access
 * @has_inode: the access is about an inode; without one, every fs and
 *	fowner/fgroup condition fails
 * @fsmagic: the inode's i_sb->s_magic
 * @fsuuid: its i_sb->s_uuid
 * @fsname: its file system type's name
 * @fowner: the inode's uid, mapped through the mount's idmapping, as a
 *	kernel-global id
 * @fgroup: the same for its gid
 * @uid: real uid of the credentials judged (kernel-global, as are all ids)
 * @euid: effective uid
 * @suid: saved uid
 * @gid: real gid
 * @egid: effective gid
 * @sgid: saved gid
 * @cap_setuid: the task has CAP_SETUID: euid= then also matches on @suid
 *	or @uid. May be left false when @uid, @euid and @suid are equal.
 * @cap_setgid: the same for CAP_SETGID and egid=
 * @keyring: KEY_CHECK: the keyring's description
 * @label: CRITICAL_DATA: the data's label
 * @lsm_match: evaluates obj_* and subj_* conditions; NULL fails them
 * @lsm_priv: for @lsm_match
 */
struct sima_match_ctx {
	enum sima_func func;
	u32 mask;
	bool has_inode;
	u64 fsmagic;
	u8 fsuuid[SIMA_UUID_SIZE];
	const char *fsname;
	u32 fowner;
	u32 fgroup;
	u32 uid;
	u32 euid;
	u32 suid;
	u32 gid;
	u32 egid;
	u32 sgid;
	bool cap_setuid;
	bool cap_setgid;
	const char *keyring;
	const char *label;
	sima_lsm_match_t lsm_match;
	const void *lsm_priv;
};

/**
 * struct sima_match_result - what the matching rules decided
 * @action: SIMA_ACT_{MEASURE,APPRAISE,AUDIT,HASH} bits of the first
 *	matching rule of each class that is a "do" rule, ORed with the
 *	option bits (SIMA_MATCH_OPTIONS) of every matching rule
 * @pcr: pcr= of the matching measure rule, -1 for the default
 * @template: template= name of the matching measure rule, NULL for the
 *	default. Points into the rule: valid as long as the rule is.
 * @appraise_algos: appraise_algos= of the matching appraise rule (bit
 *	1 << enum sima_hash_algo each), 0 when it does not restrict them
 * @appraise_sub: the appraisal the matching appraise rule asks for
 */
struct sima_match_result {
	u32 action;
	int pcr;
	const char *template;
	u32 appraise_algos;
	enum sima_appraise_sub appraise_sub;
};

/* The decision when no rule matches: nothing to do, default pcr. */
static inline void sima_match_none(struct sima_match_result *res)
{
	*res = (struct sima_match_result){
		.pcr = -1,
		.appraise_sub = SIMA_APPRAISE_NONE,
	};
}

bool sima_rule_can_match(const struct sima_rule *rule, enum sima_func func);
void sima_rules_match(const struct sima_rule *const *rules, unsigned int nr,
		      const struct sima_match_ctx *ctx, u32 want,
		      struct sima_match_result *res);

#endif /* _SIMA_POLICY_MATCH_H */
