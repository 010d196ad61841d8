/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - IMA policy rules: the parsed form of one policy line
 *
 * sima_rule_parse() accepts exactly the rules Linux 6.1's IMA accepts and
 * rejects the others with the same errno; sima_rule_print() gives the line
 * the kernel shows when the policy is read back. Both are pure: whatever
 * depends on the running kernel comes in through struct sima_policy_env.
 */
#ifndef _SIMA_POLICY_RULE_H
#define _SIMA_POLICY_RULE_H

#include "sima/compat.h"
#include "sima/func.h"

/*
 * Longest rule sima_rule_parse() takes, in bytes up to the end of the line:
 * what one write() of the policy file can carry (PAGE_SIZE - 1). Blank and
 * comment lines of any length are accepted.
 */
#define SIMA_POLICY_LINE_MAX	4095

/* pcr= accepts 0 .. SIMA_POLICY_PCR_LIMIT - 1 (BITS_PER_LONG on 64-bit). */
#define SIMA_POLICY_PCR_LIMIT	64

/* The read-back shows at most this many bytes of fsname= (as 6.1 does). */
#define SIMA_POLICY_FSNAME_SHOWN	63

#define SIMA_UUID_SIZE		16

/* struct sima_rule.action: exactly one of these, IMA's values. */
#define SIMA_ACT_MEASURE	0x0001
#define SIMA_ACT_DONT_MEASURE	0x0002
#define SIMA_ACT_APPRAISE	0x0004
#define SIMA_ACT_DONT_APPRAISE	0x0008
#define SIMA_ACT_AUDIT		0x0040
#define SIMA_ACT_HASH		0x0100
#define SIMA_ACT_DONT_HASH	0x0200

/*
 * struct sima_rule.flags: which conditions and options the rule carries.
 * The values are IMA's; the option bits (top byte) are the ones a match
 * ORs into the action, as IMA does.
 */
#define SIMA_RULE_FUNC			0x00000001
#define SIMA_RULE_MASK			0x00000002 /* mask=MAY_x */
#define SIMA_RULE_FSMAGIC		0x00000004
#define SIMA_RULE_UID			0x00000008
#define SIMA_RULE_FOWNER		0x00000010
#define SIMA_RULE_FSUUID		0x00000020
#define SIMA_RULE_INMASK		0x00000040 /* mask=^MAY_x */
#define SIMA_RULE_EUID			0x00000080
#define SIMA_RULE_PCR			0x00000100
#define SIMA_RULE_FSNAME		0x00000200
#define SIMA_RULE_KEYRINGS		0x00000400
#define SIMA_RULE_LABEL			0x00000800
#define SIMA_RULE_APPRAISE_ALGOS	0x00001000
#define SIMA_RULE_GID			0x00002000
#define SIMA_RULE_EGID			0x00004000
#define SIMA_RULE_FGROUP		0x00008000
#define SIMA_RULE_DIGSIG_REQUIRED	0x01000000 /* appraise_type=imasig */
#define SIMA_RULE_PERMIT_DIRECTIO	0x02000000
#define SIMA_RULE_MODSIG_ALLOWED	0x20000000 /* ...=imasig|modsig */
#define SIMA_RULE_CHECK_BLACKLIST	0x40000000 /* appraise_flag= */
#define SIMA_RULE_VERITY_REQUIRED	0x80000000 /* digest_type=verity */

/* The four id conditions; uid/euid and gid/egid share a slot. */
enum sima_id_slot {
	SIMA_ID_UID,		/* uid= or euid= */
	SIMA_ID_GID,		/* gid= or egid= */
	SIMA_ID_FOWNER,
	SIMA_ID_FGROUP,
	SIMA_NR_ID_SLOTS
};

/**
 * struct sima_rule_id - one id condition
 * @id: kernel-global id, as sima_policy_env.map_id returned it
 * @op: comparison as written: '=', '<' or '>' (strict)
 */
struct sima_rule_id {
	u32 id;
	char op;
};

/* LSM conditions, in IMA's order (also the read-back order). */
enum sima_lsm_key {
	SIMA_LSM_OBJ_USER,
	SIMA_LSM_OBJ_ROLE,
	SIMA_LSM_OBJ_TYPE,
	SIMA_LSM_SUBJ_USER,
	SIMA_LSM_SUBJ_ROLE,
	SIMA_LSM_SUBJ_TYPE,
	SIMA_NR_LSM_KEYS
};

/**
 * struct sima_rule_lsm - one LSM condition
 * @label: the label as written; NULL when the rule has no such condition
 * @active: the LSM accepted @label. A rule with an inactive label (accepted
 *	only because a custom policy is active) never matches and is left out
 *	of the read-back.
 */
struct sima_rule_lsm {
	char *label;
	bool active;
};

/**
 * struct sima_rule_list - the items of keyrings= or label=
 * @count: number of items, at least 1 when the list is present
 * @items: @count non-empty NUL-terminated strings; one allocation holds the
 *	array and the strings, kfree(@items) frees both
 */
struct sima_rule_list {
	unsigned int count;
	char **items;
};

/**
 * struct sima_rule - one parsed policy rule
 * @action: one SIMA_ACT_* value
 * @flags: SIMA_RULE_* bits: conditions present and options set
 * @func: func=, SIMA_FUNC_NONE when absent
 * @mask: one MAY_* bit; SIMA_RULE_MASK or SIMA_RULE_INMASK says how it
 *	compares
 * @fsmagic: fsmagic=
 * @fsuuid: fsuuid=, bytes in the order written
 * @fsname: fsname=, or NULL
 * @ids: id conditions, indexed by enum sima_id_slot; which ones are set
 *	(and uid vs euid, gid vs egid) is in @flags
 * @lsm: LSM conditions, indexed by enum sima_lsm_key
 * @keyrings: keyrings= (KEY_CHECK)
 * @labels: label= (CRITICAL_DATA)
 * @pcr: pcr=
 * @template: canonical name of the template=, or NULL
 * @appraise_algos: appraise_algos=, bit (1 << enum sima_hash_algo) each
 */
struct sima_rule {
	u32 action;
	u32 flags;
	enum sima_func func;
	u32 mask;
	u64 fsmagic;
	u8 fsuuid[SIMA_UUID_SIZE];
	char *fsname;
	struct sima_rule_id ids[SIMA_NR_ID_SLOTS];
	struct sima_rule_lsm lsm[SIMA_NR_LSM_KEYS];
	struct sima_rule_list keyrings;
	struct sima_rule_list labels;
	int pcr;
	char *template;
	u32 appraise_algos;
};

/**
 * struct sima_policy_env - what a rule's validity depends on
 * @key_check: func=KEY_CHECK and keyrings= are accepted
 *	(CONFIG_IMA_MEASURE_ASYMMETRIC_KEYS)
 * @modsig: appraise_type=imasig|modsig and appraise_flag= are accepted
 *	(CONFIG_IMA_APPRAISE_MODSIG)
 * @verity: digest_type=verity is accepted (the kernel has fs-verity)
 * @custom_policy: a custom policy has replaced the boot-time one; LSM
 *	labels the LSM rejects are then accepted as inactive, not refused
 * @hash_algos: bit (1 << enum sima_hash_algo) for each algorithm the
 *	crypto API provides; appraise_algos= accepts only these
 * @map_id: maps an id written in the policy (in the writer's user
 *	namespace) to the kernel-global id stored in the rule; returns false
 *	when it does not map. NULL maps every id to itself.
 * @lsm_check: 0 when the active LSM accepts @label for @key, else a
 *	negative errno. NULL means no LSM rules are supported.
 * @find_template: looks a template up by name or by exact format string;
 *	returns its name (copied into the rule), or NULL when unknown.
 *	NULL knows no template.
 * @audit_word: called for each word of the rule as IMA's policy-rule
 *	audit record shows it, before the word is applied: @key and @op
 *	('=', '<' or '>') then @val, e.g. "action" '=' "measure", or
 *	"UNKNOWN" '=' and the whole word for an unknown one. Words after
 *	the one that made the rule invalid are not shown, permit_directio
 *	never. May be NULL.
 * @priv: for the callbacks
 */
struct sima_policy_env {
	bool key_check;
	bool modsig;
	bool verity;
	bool custom_policy;
	u32 hash_algos;
	bool (*map_id)(const struct sima_policy_env *env, bool group, u32 id,
		       u32 *kid);
	int (*lsm_check)(const struct sima_policy_env *env,
			 enum sima_lsm_key key, const char *label);
	const char *(*find_template)(const struct sima_policy_env *env,
				     const char *name);
	void (*audit_word)(const struct sima_policy_env *env, const char *key,
			   char op, const char *val);
	void *priv;
};

/*
 * Every keyword of the policy language, in IMA's token order. Parser and
 * printer spell them through sima_policy_key_name().
 */
enum sima_policy_key {
	SIMA_KEY_MEASURE,
	SIMA_KEY_DONT_MEASURE,
	SIMA_KEY_APPRAISE,
	SIMA_KEY_DONT_APPRAISE,
	SIMA_KEY_AUDIT,
	SIMA_KEY_HASH,
	SIMA_KEY_DONT_HASH,
	SIMA_KEY_OBJ_USER,
	SIMA_KEY_OBJ_ROLE,
	SIMA_KEY_OBJ_TYPE,
	SIMA_KEY_SUBJ_USER,
	SIMA_KEY_SUBJ_ROLE,
	SIMA_KEY_SUBJ_TYPE,
	SIMA_KEY_FUNC,
	SIMA_KEY_MASK,
	SIMA_KEY_FSMAGIC,
	SIMA_KEY_FSNAME,
	SIMA_KEY_FSUUID,
	SIMA_KEY_UID,
	SIMA_KEY_EUID,
	SIMA_KEY_GID,
	SIMA_KEY_EGID,
	SIMA_KEY_FOWNER,
	SIMA_KEY_FGROUP,
	SIMA_KEY_DIGEST_TYPE,
	SIMA_KEY_APPRAISE_TYPE,
	SIMA_KEY_APPRAISE_FLAG,
	SIMA_KEY_APPRAISE_ALGOS,
	SIMA_KEY_PERMIT_DIRECTIO,
	SIMA_KEY_PCR,
	SIMA_KEY_TEMPLATE,
	SIMA_KEY_KEYRINGS,
	SIMA_KEY_LABEL,
	SIMA_NR_POLICY_KEYS
};

const char *sima_policy_key_name(enum sima_policy_key key);
const char *sima_policy_mask_name(u32 bit);

int sima_rule_parse(const char *line, size_t len,
		    const struct sima_policy_env *env, struct sima_rule *rule,
		    const char **why);
int sima_rule_print(const struct sima_rule *rule, char *buf, size_t size);
void sima_rule_free(struct sima_rule *rule);

#endif /* _SIMA_POLICY_RULE_H */
