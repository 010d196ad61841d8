// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the IMA policy language: one rule line to a struct sima_rule
 *
 * Accepts what Linux 6.1's IMA accepts, quirks included: numbers may carry
 * a leading '+', a second fsmagic= is fine after fsmagic=0 and a second
 * fsuuid= after the all-zero UUID, text after the 36 UUID characters is
 * ignored, and an LSM label the LSM refuses passes once a custom policy is
 * active. Rejects the rest with IMA's errno: -EINVAL, or -ERANGE for a
 * number that does not fit in 64 bits. Each word of a private,
 * NUL-terminated copy of the line is applied in turn, then the rule as a
 * whole is checked against what its func allows.
 */

#include "sima/compat.h"
#include "sima/digest.h"
#include "sima/policy_rule.h"

struct rule_parser {
	const struct sima_policy_env *env;
	struct sima_rule *rule;
	const char *why;	/* static reason of a rejection */
};

/* How a keyword takes its value. */
enum key_syntax {
	KEY_VALUE,	/* key=value */
	KEY_BARE,	/* the keyword alone */
	KEY_ID,		/* key=value, key<value or key>value */
};

struct policy_token;

/* A keyword; @arg is an action bit, a SIMA_RULE_* flag or an LSM key. */
struct policy_key {
	const char *name;
	int (*parse)(struct rule_parser *p, const struct policy_token *t);
	const char *dup;	/* why a second occurrence is refused */
	u32 arg;
	u8 syntax;
	u8 slot;		/* enum sima_id_slot of an id keyword */
};

/* One word of a rule: keyword, '=', '<', '>' or 0, non-empty value. */
struct policy_token {
	const struct policy_key *key;
	char op;
	char *val;
};

static const char *const func_names[SIMA_NR_FUNCS] = {
#define SIMA_FUNC_DEF(id, name) name,
#include "sima/funcs.def"
#undef SIMA_FUNC_DEF
};

static const struct {
	const char *name;
	enum sima_func func;
} func_aliases[] = {
	{ "PATH_CHECK", SIMA_FUNC_FILE_CHECK },
	{ "FILE_MMAP", SIMA_FUNC_MMAP_CHECK },
};

static const struct {
	const char *name;
	u32 bit;
} mask_names[] = {
	{ "MAY_EXEC", MAY_EXEC },
	{ "MAY_WRITE", MAY_WRITE },
	{ "MAY_READ", MAY_READ },
	{ "MAY_APPEND", MAY_APPEND },
};

/* Either flag of a pair occupies the id slot. */
static const u32 id_slot_flags[SIMA_NR_ID_SLOTS] = {
	[SIMA_ID_UID] = SIMA_RULE_UID | SIMA_RULE_EUID,
	[SIMA_ID_GID] = SIMA_RULE_GID | SIMA_RULE_EGID,
	[SIMA_ID_FOWNER] = SIMA_RULE_FOWNER,
	[SIMA_ID_FGROUP] = SIMA_RULE_FGROUP,
};

static int reject(struct rule_parser *p, int err, const char *why)
{
	p->why = why;
	return err;
}

/*
 * kstrtoul(): an optional '+', "0x"/"0X" skipped in base 16, then digits
 * and nothing else; an overflow wins over trailing junk.
 */
static int parse_ulong(const char *s, unsigned int base, u64 *res)
{
	bool overflow = false;
	const char *digits;
	unsigned int d;
	u64 v = 0;

	s += *s == '+';
	if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (digits = s; (d = sima_hex_digit(*s)) < base; s++) {
		overflow |= v > (~(u64)0 - d) / base;
		v = v * base + d;
	}
	if (overflow)
		return -ERANGE;
	if (s == digits || *s)
		return -EINVAL;
	*res = v;
	return 0;
}

/* kstrtoint() in base 10, limited to 0 .. limit - 1; "-0" is 0. */
static bool parse_index(const char *s, u64 limit, int *res)
{
	u64 v = 0;

	if (*s == '-' && (s[1] == '+' || parse_ulong(s + 1, 10, &v) || v))
		return false;
	if (*s != '-' && (parse_ulong(s, 10, &v) || v >= limit))
		return false;
	*res = *s == '-' ? 0 : v;
	return true;
}

/* uuid_parse(): only the first 36 characters are looked at. */
static bool parse_uuid(const char *s, u8 uuid[SIMA_UUID_SIZE])
{
	unsigned int i, n = 0;

	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (sima_hex_digit(s[i]) > 15) {
			return false;
		}
	}
	/* Two digits a byte, stepping over the dashes. */
	for (i = 0; i < 36; i += 2, n++) {
		i += s[i] == '-';
		uuid[n] = sima_hex_digit(s[i]) << 4 | sima_hex_digit(s[i + 1]);
	}
	return true;
}

/* Splits "a|b|c" into one allocation; no item may be empty. */
static int parse_list(const char *val, struct sima_rule_list *list)
{
	size_t len = strlen(val);
	unsigned int count = 1, n = 1;
	char **items, *s;

	if (val[0] == '|' || val[len - 1] == '|' || strstr(val, "||"))
		return -EINVAL;
	for (s = strchr(val, '|'); s; s = strchr(s + 1, '|'))
		count++;
	items = kzalloc(count * sizeof(*items) + len + 1, GFP_KERNEL);
	if (!items)
		return -ENOMEM;
	items[0] = memcpy(items + count, val, len + 1);
	for (s = strchr(items[0], '|'); s; s = strchr(s, '|')) {
		*s++ = '\0';
		items[n++] = s;
	}
	list->items = items;
	list->count = count;
	return 0;
}

static int parse_action(struct rule_parser *p, const struct policy_token *t)
{
	if (p->rule->action)
		return reject(p, -EINVAL, "a rule takes exactly one action");
	p->rule->action = t->key->arg;
	return 0;
}

static int parse_flag(struct rule_parser *p, const struct policy_token *t)
{
	p->rule->flags |= t->key->arg;
	return 0;
}

static int lookup_func(const char *name)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_FUNCS; i++)
		if (func_names[i] && !strcmp(name, func_names[i]))
			return i;
	for (i = 0; i < ARRAY_SIZE(func_aliases); i++)
		if (!strcmp(name, func_aliases[i].name))
			return func_aliases[i].func;
	return -EINVAL;
}

static int parse_func(struct rule_parser *p, const struct policy_token *t)
{
	int func = lookup_func(t->val);

	if (p->rule->func != SIMA_FUNC_NONE)
		return reject(p, -EINVAL, t->key->dup);
	if (func < 0)
		return reject(p, -EINVAL, "unknown func= value");
	if (func == SIMA_FUNC_KEY_CHECK && !p->env->key_check)
		return reject(p, -EINVAL,
			      "func=KEY_CHECK needs asymmetric key measurement");
	p->rule->func = func;
	p->rule->flags |= SIMA_RULE_FUNC;
	return 0;
}

static int parse_mask(struct rule_parser *p, const struct policy_token *t)
{
	bool in = t->val[0] == '^';
	unsigned int i;

	if (p->rule->mask)
		return reject(p, -EINVAL, t->key->dup);
	for (i = 0; i < ARRAY_SIZE(mask_names); i++) {
		if (!strcmp(t->val + in, mask_names[i].name)) {
			p->rule->mask = mask_names[i].bit;
			p->rule->flags |= in ? SIMA_RULE_INMASK : SIMA_RULE_MASK;
			return 0;
		}
	}
	return reject(p, -EINVAL, "unknown mask= value");
}

static int parse_fsmagic(struct rule_parser *p, const struct policy_token *t)
{
	int err;

	if (p->rule->fsmagic)
		return reject(p, -EINVAL, t->key->dup);
	err = parse_ulong(t->val, 16, &p->rule->fsmagic);
	if (err)
		return reject(p, err, "fsmagic= is not a hex number");
	p->rule->flags |= SIMA_RULE_FSMAGIC;
	return 0;
}

/* A repeated fsname= replaces the previous one. */
static int parse_fsname(struct rule_parser *p, const struct policy_token *t)
{
	char *name = kstrdup(t->val, GFP_KERNEL);

	if (!name)
		return reject(p, -ENOMEM, "out of memory");
	kfree(p->rule->fsname);
	p->rule->fsname = name;
	p->rule->flags |= SIMA_RULE_FSNAME;
	return 0;
}

static int parse_fsuuid(struct rule_parser *p, const struct policy_token *t)
{
	static const u8 zero[SIMA_UUID_SIZE];

	if (memcmp(p->rule->fsuuid, zero, sizeof(zero)))
		return reject(p, -EINVAL, t->key->dup);
	if (!parse_uuid(t->val, p->rule->fsuuid))
		return reject(p, -EINVAL, "fsuuid= is not a UUID");
	p->rule->flags |= SIMA_RULE_FSUUID;
	return 0;
}

static bool map_id(const struct sima_policy_env *env, enum sima_id_slot slot,
		   u32 id, u32 *kid)
{
	bool group = slot == SIMA_ID_GID || slot == SIMA_ID_FGROUP;

	*kid = id;
	return !env->map_id ||
	       (env->map_id(env, group, id, kid) && *kid != (u32)-1);
}

static int parse_id(struct rule_parser *p, const struct policy_token *t)
{
	struct sima_rule_id *cond = &p->rule->ids[t->key->slot];
	u32 kid;
	u64 id;
	int err;

	if (p->rule->flags & id_slot_flags[t->key->slot])
		return reject(p, -EINVAL, t->key->dup);
	err = parse_ulong(t->val, 10, &id);
	if (err)
		return reject(p, err, "id is not a decimal number");
	/* Ids are 32 bits wide and (u32)-1 is the invalid id. */
	if (id >= (u32)-1)
		return reject(p, -EINVAL, "id out of range");
	if (!map_id(p->env, t->key->slot, id, &kid))
		return reject(p, -EINVAL,
			      "id does not map in the writer's user namespace");
	cond->id = kid;
	cond->op = t->op;
	p->rule->flags |= t->key->arg;
	return 0;
}

static int parse_lsm(struct rule_parser *p, const struct policy_token *t)
{
	const struct sima_policy_env *env = p->env;
	struct sima_rule_lsm *lsm = &p->rule->lsm[t->key->arg];
	char *label;
	int err;

	/* Only a label the LSM took counts as given. */
	if (lsm->active)
		return reject(p, -EINVAL, t->key->dup);
	label = kstrdup(t->val, GFP_KERNEL);
	if (!label)
		return reject(p, -ENOMEM, "out of memory");
	err = env->lsm_check ? env->lsm_check(env, t->key->arg, label) :
			       -EINVAL;
	if (err && !env->custom_policy) {
		kfree(label);
		return reject(p, -EINVAL, "LSM label not known to the LSM");
	}
	kfree(lsm->label);
	lsm->label = label;
	lsm->active = !err;
	return 0;
}

static int parse_opt_list(struct rule_parser *p, const struct policy_token *t)
{
	struct sima_rule *r = p->rule;
	bool keyrings = t->key->arg == SIMA_RULE_KEYRINGS;
	int err;

	if (keyrings && !p->env->key_check)
		return reject(p, -EINVAL,
			      "keyrings= needs asymmetric key measurement");
	if (r->flags & t->key->arg)
		return reject(p, -EINVAL, t->key->dup);
	err = parse_list(t->val, keyrings ? &r->keyrings : &r->labels);
	if (err)
		return reject(p, err, err == -ENOMEM ? "out of memory" :
				      "empty item in a keyrings=/label= list");
	r->flags |= t->key->arg;
	return 0;
}

static int parse_digest_type(struct rule_parser *p,
			     const struct policy_token *t)
{
	if (p->rule->flags & SIMA_RULE_DIGSIG_REQUIRED)
		return reject(p, -EINVAL,
			      "digest_type= must come before appraise_type=");
	if (strcmp(t->val, "verity"))
		return reject(p, -EINVAL, "digest_type= accepts only verity");
	if (!p->env->verity)
		return reject(p, -EINVAL,
			      "digest_type=verity needs fs-verity (CONFIG_FS_VERITY) in the kernel");
	p->rule->flags |= SIMA_RULE_VERITY_REQUIRED;
	return 0;
}

static int parse_appraise_type(struct rule_parser *p,
			       const struct policy_token *t)
{
	bool verity = p->rule->flags & SIMA_RULE_VERITY_REQUIRED;
	u32 flags = SIMA_RULE_DIGSIG_REQUIRED;

	if (!strcmp(t->val, "sigv3")) {
		if (!verity)
			return reject(p, -EINVAL,
				      "appraise_type=sigv3 needs digest_type=verity first");
		verity = false;
	} else if (p->env->modsig && !strcmp(t->val, "imasig|modsig")) {
		flags |= SIMA_RULE_MODSIG_ALLOWED;
	} else if (strcmp(t->val, "imasig")) {
		return reject(p, -EINVAL, "unknown appraise_type= value");
	}
	if (verity)
		return reject(p, -EINVAL,
			      "appraise_type=imasig conflicts with digest_type=verity");
	p->rule->flags |= flags;
	return 0;
}

/* IMA takes any value that mentions "blacklist". */
static int parse_appraise_flag(struct rule_parser *p,
			       const struct policy_token *t)
{
	if (!p->env->modsig || !strstr(t->val, "blacklist"))
		return reject(p, -EINVAL, "unknown appraise_flag= value");
	p->rule->flags |= SIMA_RULE_CHECK_BLACKLIST;
	return 0;
}

static int parse_appraise_algos(struct rule_parser *p,
				const struct policy_token *t)
{
	char *name = t->val, *next;
	u32 algos = 0;
	int algo;

	if (p->rule->appraise_algos)
		return reject(p, -EINVAL, t->key->dup);
	for (; name; name = next) {
		next = strchr(name, ',');
		if (next)
			*next++ = '\0';
		algo = sima_hash_algo_lookup(name);
		if (algo < 0)
			return reject(p, -EINVAL,
				      "unknown hash algorithm in appraise_algos=");
		if (!(p->env->hash_algos & (1U << algo)))
			return reject(p, -EINVAL,
				      "hash algorithm in appraise_algos= is not available");
		algos |= 1U << algo;
	}
	p->rule->appraise_algos = algos;
	p->rule->flags |= SIMA_RULE_APPRAISE_ALGOS;
	return 0;
}

/* A repeated pcr= replaces the previous one. */
static int parse_pcr(struct rule_parser *p, const struct policy_token *t)
{
	if (!parse_index(t->val, SIMA_POLICY_PCR_LIMIT, &p->rule->pcr))
		return reject(p, -EINVAL, "pcr= is not a PCR index");
	p->rule->flags |= SIMA_RULE_PCR;
	return 0;
}

static int parse_template(struct rule_parser *p, const struct policy_token *t)
{
	const struct sima_policy_env *env = p->env;
	const char *name;

	if (p->rule->action != SIMA_ACT_MEASURE)
		return reject(p, -EINVAL, "template= must follow measure");
	name = env->find_template ? env->find_template(env, t->val) : NULL;
	if (!name)
		return reject(p, -EINVAL, "unknown template");
	if (p->rule->template)
		return reject(p, -EINVAL, t->key->dup);
	p->rule->template = kstrdup(name, GFP_KERNEL);
	if (!p->rule->template)
		return reject(p, -ENOMEM, "out of memory");
	return 0;
}

#define ACTION_KEY(word, act) \
	{ .name = word, .parse = parse_action, .arg = act, .syntax = KEY_BARE }
#define LSM_KEY(word, dup_, lsm) \
	{ .name = word, .parse = parse_lsm, .dup = dup_, .arg = lsm }
#define ID_KEY(word, dup_, flag, slot_) \
	{ .name = word, .parse = parse_id, .dup = dup_, .arg = flag, \
	  .syntax = KEY_ID, .slot = slot_ }
#define VALUE_KEY(word, fn, dup_) \
	{ .name = word, .parse = fn, .dup = dup_ }
#define LIST_KEY(word, dup_, flag) \
	{ .name = word, .parse = parse_opt_list, .dup = dup_, .arg = flag }

static const struct policy_key policy_keys[SIMA_NR_POLICY_KEYS] = {
	[SIMA_KEY_MEASURE] = ACTION_KEY("measure", SIMA_ACT_MEASURE),
	[SIMA_KEY_DONT_MEASURE] = ACTION_KEY("dont_measure", SIMA_ACT_DONT_MEASURE),
	[SIMA_KEY_APPRAISE] = ACTION_KEY("appraise", SIMA_ACT_APPRAISE),
	[SIMA_KEY_DONT_APPRAISE] = ACTION_KEY("dont_appraise", SIMA_ACT_DONT_APPRAISE),
	[SIMA_KEY_AUDIT] = ACTION_KEY("audit", SIMA_ACT_AUDIT),
	[SIMA_KEY_HASH] = ACTION_KEY("hash", SIMA_ACT_HASH),
	[SIMA_KEY_DONT_HASH] = ACTION_KEY("dont_hash", SIMA_ACT_DONT_HASH),
	[SIMA_KEY_OBJ_USER] = LSM_KEY("obj_user", "duplicate obj_user=", SIMA_LSM_OBJ_USER),
	[SIMA_KEY_OBJ_ROLE] = LSM_KEY("obj_role", "duplicate obj_role=", SIMA_LSM_OBJ_ROLE),
	[SIMA_KEY_OBJ_TYPE] = LSM_KEY("obj_type", "duplicate obj_type=", SIMA_LSM_OBJ_TYPE),
	[SIMA_KEY_SUBJ_USER] = LSM_KEY("subj_user", "duplicate subj_user=", SIMA_LSM_SUBJ_USER),
	[SIMA_KEY_SUBJ_ROLE] = LSM_KEY("subj_role", "duplicate subj_role=", SIMA_LSM_SUBJ_ROLE),
	[SIMA_KEY_SUBJ_TYPE] = LSM_KEY("subj_type", "duplicate subj_type=", SIMA_LSM_SUBJ_TYPE),
	[SIMA_KEY_FUNC] = VALUE_KEY("func", parse_func, "duplicate func="),
	[SIMA_KEY_MASK] = VALUE_KEY("mask", parse_mask, "duplicate mask="),
	[SIMA_KEY_FSMAGIC] = VALUE_KEY("fsmagic", parse_fsmagic, "duplicate fsmagic="),
	[SIMA_KEY_FSNAME] = VALUE_KEY("fsname", parse_fsname, NULL),
	[SIMA_KEY_FSUUID] = VALUE_KEY("fsuuid", parse_fsuuid, "duplicate fsuuid="),
	[SIMA_KEY_UID] = ID_KEY("uid", "duplicate uid=/euid=", SIMA_RULE_UID, SIMA_ID_UID),
	[SIMA_KEY_EUID] = ID_KEY("euid", "duplicate uid=/euid=", SIMA_RULE_EUID, SIMA_ID_UID),
	[SIMA_KEY_GID] = ID_KEY("gid", "duplicate gid=/egid=", SIMA_RULE_GID, SIMA_ID_GID),
	[SIMA_KEY_EGID] = ID_KEY("egid", "duplicate gid=/egid=", SIMA_RULE_EGID, SIMA_ID_GID),
	[SIMA_KEY_FOWNER] = ID_KEY("fowner", "duplicate fowner=", SIMA_RULE_FOWNER,
				   SIMA_ID_FOWNER),
	[SIMA_KEY_FGROUP] = ID_KEY("fgroup", "duplicate fgroup=", SIMA_RULE_FGROUP,
				   SIMA_ID_FGROUP),
	[SIMA_KEY_DIGEST_TYPE] = VALUE_KEY("digest_type", parse_digest_type, NULL),
	[SIMA_KEY_APPRAISE_TYPE] = VALUE_KEY("appraise_type", parse_appraise_type, NULL),
	[SIMA_KEY_APPRAISE_FLAG] = VALUE_KEY("appraise_flag", parse_appraise_flag, NULL),
	[SIMA_KEY_APPRAISE_ALGOS] = VALUE_KEY("appraise_algos", parse_appraise_algos,
					      "duplicate appraise_algos="),
	[SIMA_KEY_PERMIT_DIRECTIO] = { .name = "permit_directio", .parse = parse_flag,
				       .arg = SIMA_RULE_PERMIT_DIRECTIO, .syntax = KEY_BARE },
	[SIMA_KEY_PCR] = VALUE_KEY("pcr", parse_pcr, NULL),
	[SIMA_KEY_TEMPLATE] = VALUE_KEY("template", parse_template, "duplicate template="),
	[SIMA_KEY_KEYRINGS] = LIST_KEY("keyrings", "duplicate keyrings=", SIMA_RULE_KEYRINGS),
	[SIMA_KEY_LABEL] = LIST_KEY("label", "duplicate label=", SIMA_RULE_LABEL),
};

#undef ACTION_KEY
#undef LSM_KEY
#undef ID_KEY
#undef VALUE_KEY
#undef LIST_KEY

/**
 * sima_policy_key_name - how a keyword of the policy language is spelt
 * @key: enum sima_policy_key
 *
 * Return: the keyword, e.g. "fsmagic", or NULL for an unknown @key.
 */
const char *sima_policy_key_name(enum sima_policy_key key)
{
	return (unsigned int)key < SIMA_NR_POLICY_KEYS ?
	       policy_keys[key].name : NULL;
}

/**
 * sima_policy_mask_name - how a mask= value is spelt
 * @bit: one MAY_* bit
 *
 * Return: "MAY_EXEC", "MAY_WRITE", "MAY_READ" or "MAY_APPEND", else NULL.
 */
const char *sima_policy_mask_name(u32 bit)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mask_names); i++)
		if (mask_names[i].bit == bit)
			return mask_names[i].name;
	return NULL;
}

/* Cuts the next blank-separated word out of *cursor, or returns NULL. */
static char *next_word(char **cursor)
{
	char *s = *cursor + strspn(*cursor, " \t"), *word = s;

	if (!*s)
		return NULL;
	s += strcspn(s, " \t");
	if (*s)
		*s++ = '\0';
	*cursor = s;
	return word;
}

/* Finds the keyword of @word; an empty value makes the word unknown. */
static bool find_key(char *word, struct policy_token *t)
{
	size_t klen = strcspn(word, "=<>");
	const struct policy_key *k;

	t->op = word[klen];
	t->val = word + klen + !!t->op;
	if (t->op && !*t->val)
		return false;
	for (k = policy_keys; k < policy_keys + SIMA_NR_POLICY_KEYS; k++) {
		if (strlen(k->name) != klen || memcmp(k->name, word, klen))
			continue;
		t->key = k;
		if (k->syntax == KEY_BARE)
			return !t->op;
		return k->syntax == KEY_ID ? !!t->op : t->op == '=';
	}
	return false;
}

static void audit_word(struct rule_parser *p, const char *key, char op,
		       const char *val)
{
	if (p->env->audit_word)
		p->env->audit_word(p->env, key, op, val);
}

/* Applies each word in turn, as IMA does, until one is refused. */
static int parse_words(struct rule_parser *p, char *s)
{
	struct policy_token t;
	char *word;
	int err;

	while ((word = next_word(&s))) {
		if (!find_key(word, &t)) {
			audit_word(p, "UNKNOWN", '=', word);
			return reject(p, -EINVAL, "unknown token");
		}
		if (t.key->parse == parse_action)
			audit_word(p, "action", '=', t.key->name);
		else if (t.key->syntax != KEY_BARE)
			audit_word(p, t.key->name, t.op, t.val);
		err = t.key->parse(p, &t);
		if (err)
			return err;
	}
	return 0;
}

#define ANY_ACTION	(SIMA_ACT_MEASURE | SIMA_ACT_DONT_MEASURE | \
			 SIMA_ACT_APPRAISE | SIMA_ACT_DONT_APPRAISE | \
			 SIMA_ACT_AUDIT | SIMA_ACT_HASH | SIMA_ACT_DONT_HASH)
#define MEASURE_ONLY	(SIMA_ACT_MEASURE | SIMA_ACT_DONT_MEASURE)
#define APPRAISE_ONLY	(SIMA_RULE_DIGSIG_REQUIRED | SIMA_RULE_MODSIG_ALLOWED | \
			 SIMA_RULE_CHECK_BLACKLIST | SIMA_RULE_APPRAISE_ALGOS)
#define FS_ID_FLAGS	(SIMA_RULE_FUNC | SIMA_RULE_FSMAGIC | SIMA_RULE_FSNAME | \
			 SIMA_RULE_FSUUID | SIMA_RULE_UID | SIMA_RULE_EUID | \
			 SIMA_RULE_GID | SIMA_RULE_EGID | SIMA_RULE_FOWNER | \
			 SIMA_RULE_FGROUP | SIMA_RULE_PCR)
#define FILE_FLAGS	(FS_ID_FLAGS | SIMA_RULE_MASK | SIMA_RULE_INMASK | \
			 SIMA_RULE_DIGSIG_REQUIRED | SIMA_RULE_PERMIT_DIRECTIO | \
			 SIMA_RULE_APPRAISE_ALGOS)
#define DATA_FLAGS	(SIMA_RULE_FUNC | SIMA_RULE_UID | SIMA_RULE_GID | \
			 SIMA_RULE_PCR)

/*
 * What the rules of a kind of func may hold: actions, SIMA_RULE_* flags,
 * whether LSM conditions are refused and appraise_algos= is mandatory, and
 * why something else is refused (NULL: name the offending flag).
 */
struct func_class {
	u32 actions;
	u32 flags;
	bool no_lsm;
	bool need_algos;
	const char *why_action;
	const char *why_flags;
};

enum {
	FILE_CLASS,
	BUFFER_CLASS,
	CMDLINE_CLASS,
	KEY_CLASS,
	DATA_CLASS,
	SETXATTR_CLASS,
};

static const struct func_class func_classes[] = {
	/* No func, the file hooks, FIRMWARE_CHECK, POLICY_CHECK. */
	[FILE_CLASS] = {
		.actions = ANY_ACTION,
		.flags = FILE_FLAGS | SIMA_RULE_VERITY_REQUIRED,
	},
	/* The hooks that hand IMA a buffer, which may carry a modsig. */
	[BUFFER_CLASS] = {
		.actions = ANY_ACTION,
		.flags = FILE_FLAGS | SIMA_RULE_MODSIG_ALLOWED |
			 SIMA_RULE_CHECK_BLACKLIST,
	},
	[CMDLINE_CLASS] = {
		.actions = MEASURE_ONLY,
		.flags = FS_ID_FLAGS,
		.why_action = "KEXEC_CMDLINE rules accept only measure and dont_measure",
		.why_flags =
			"KEXEC_CMDLINE rules accept only fs, id, pcr, LSM and template conditions",
	},
	[KEY_CLASS] = {
		.actions = MEASURE_ONLY,
		.flags = DATA_FLAGS | SIMA_RULE_KEYRINGS,
		.no_lsm = true,
		.why_action = "KEY_CHECK rules accept only measure and dont_measure",
		.why_flags = "KEY_CHECK rules accept only uid, gid, pcr, keyrings, template",
	},
	[DATA_CLASS] = {
		.actions = MEASURE_ONLY,
		.flags = DATA_FLAGS | SIMA_RULE_LABEL,
		.no_lsm = true,
		.why_action = "CRITICAL_DATA rules accept only measure and dont_measure",
		.why_flags = "CRITICAL_DATA rules accept only uid, gid, pcr, label, template",
	},
	/* Not a hook: the algorithms security.ima may be written with. */
	[SETXATTR_CLASS] = {
		.actions = SIMA_ACT_APPRAISE,
		.flags = SIMA_RULE_FUNC | SIMA_RULE_APPRAISE_ALGOS,
		.need_algos = true,
		.why_action = "SETXATTR_CHECK rules accept only appraise",
		.why_flags = "SETXATTR_CHECK rules accept only func and appraise_algos",
	},
};

static const struct func_class *func_class(enum sima_func func)
{
	switch (func) {
	case SIMA_FUNC_MODULE_CHECK:
	case SIMA_FUNC_KEXEC_KERNEL_CHECK:
	case SIMA_FUNC_KEXEC_INITRAMFS_CHECK:
		return &func_classes[BUFFER_CLASS];
	case SIMA_FUNC_KEXEC_CMDLINE:
		return &func_classes[CMDLINE_CLASS];
	case SIMA_FUNC_KEY_CHECK:
		return &func_classes[KEY_CLASS];
	case SIMA_FUNC_CRITICAL_DATA:
		return &func_classes[DATA_CLASS];
	case SIMA_FUNC_SETXATTR_CHECK:
		return &func_classes[SETXATTR_CLASS];
	default:
		return &func_classes[FILE_CLASS];
	}
}

/* Why the file or buffer class refuses @flag. */
static const char *flag_refused(u32 flag)
{
	if (flag == SIMA_RULE_KEYRINGS)
		return "keyrings= is only valid with func=KEY_CHECK";
	if (flag == SIMA_RULE_LABEL)
		return "label= is only valid with func=CRITICAL_DATA";
	if (flag == SIMA_RULE_MODSIG_ALLOWED)
		return "imasig|modsig is only valid with MODULE_CHECK and KEXEC_*_CHECK";
	if (flag == SIMA_RULE_CHECK_BLACKLIST)
		return "appraise_flag= is only valid with MODULE_CHECK and KEXEC_*_CHECK";
	return "digest_type=verity is not valid with MODULE_CHECK and KEXEC_*_CHECK";
}

static bool has_lsm(const struct sima_rule *r)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_LSM_KEYS; i++)
		if (r->lsm[i].label)
			return true;
	return false;
}

/* Checks that the parts of the rule fit together, in IMA's order. */
static int validate(struct rule_parser *p)
{
	const struct sima_rule *r = p->rule;
	const struct func_class *fc = func_class(r->func);
	u32 extra = r->flags & ~fc->flags;

	if (!r->action)
		return reject(p, -EINVAL, "rule has no action");
	if (r->action != SIMA_ACT_MEASURE && (r->flags & SIMA_RULE_PCR))
		return reject(p, -EINVAL, "pcr= is only valid with measure");
	if (r->action != SIMA_ACT_APPRAISE && (r->flags & APPRAISE_ONLY))
		return reject(p, -EINVAL,
			      "appraise_type=, appraise_flag= and appraise_algos= are only valid with appraise");
	if (!(r->action & fc->actions))
		return reject(p, -EINVAL, fc->why_action);
	if (fc->need_algos && !(r->flags & SIMA_RULE_APPRAISE_ALGOS))
		return reject(p, -EINVAL,
			      "SETXATTR_CHECK rules need appraise_algos=");
	if (extra)
		return reject(p, -EINVAL,
			      fc->why_flags ?: flag_refused(extra & -extra));
	if (fc->no_lsm && has_lsm(r))
		return reject(p, -EINVAL,
			      "KEY_CHECK and CRITICAL_DATA rules accept no LSM conditions");
	if ((r->flags & SIMA_RULE_CHECK_BLACKLIST) &&
	    !(r->flags & SIMA_RULE_MODSIG_ALLOWED))
		return reject(p, -EINVAL,
			      "appraise_flag= needs appraise_type=imasig|modsig");
	if (r->action == SIMA_ACT_APPRAISE &&
	    (r->flags & SIMA_RULE_VERITY_REQUIRED) &&
	    !(r->flags & SIMA_RULE_DIGSIG_REQUIRED))
		return reject(p, -EINVAL,
			      "appraise with digest_type=verity needs appraise_type=sigv3");
	return 0;
}

/* Where the line ends: at @len, or at its first newline or NUL. */
static size_t line_length(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len && line[i] != '\n' && line[i]; i++)
		;
	return i;
}

/* Parses and checks a NUL-terminated copy of the rule's @len bytes. */
static int parse_text(struct rule_parser *p, const char *text, size_t len)
{
	char *copy = kzalloc(len + 1, GFP_KERNEL);
	int err;

	if (!copy)
		return reject(p, -ENOMEM, "out of memory");
	memcpy(copy, text, len);
	err = parse_words(p, copy) ?: validate(p);
	kfree(copy);
	return err;
}

/**
 * sima_rule_parse - parse one line of an IMA policy
 * @line: the line; need not be NUL-terminated
 * @len: bytes at @line. The rule ends there, or at the first newline or
 *	NUL byte before it.
 * @env: what the running kernel supports
 * @rule: filled in on success; its previous contents are not freed
 * @why: set to a static string saying what is wrong with a rejected rule,
 *	NULL otherwise; may be NULL
 *
 * Blanks and tabs before the rule are skipped; a line that is then empty or
 * starts with '#' is not a rule. Free a parsed rule with sima_rule_free().
 *
 * Return:
 * * 0		- @rule holds the rule
 * * 1		- blank or comment line; @rule is untouched
 * * -EINVAL	- not a valid rule, or longer than SIMA_POLICY_LINE_MAX;
 *		  @rule is zeroed
 * * -ERANGE	- a number in the rule does not fit in 64 bits (IMA's errno
 *		  too); @rule is zeroed
 * * -ENOMEM	- out of memory; @rule is zeroed
 */
int sima_rule_parse(const char *line, size_t len,
		    const struct sima_policy_env *env, struct sima_rule *rule,
		    const char **why)
{
	struct rule_parser p = { .env = env, .rule = rule };
	size_t end = line_length(line, len), start = 0;
	int err;

	while (start < end && (line[start] == ' ' || line[start] == '\t'))
		start++;
	if (why)
		*why = NULL;
	if (start == end || line[start] == '#')
		return 1;
	memset(rule, 0, sizeof(*rule));
	if (end > SIMA_POLICY_LINE_MAX)
		err = reject(&p, -EINVAL, "rule too long");
	else
		err = parse_text(&p, line + start, end - start);
	if (err)
		sima_rule_free(rule);
	if (why)
		*why = p.why;
	return err;
}

/**
 * sima_rule_free - free what sima_rule_parse() allocated for a rule
 * @rule: a parsed or zeroed rule
 *
 * Leaves @rule zeroed, so freeing it twice is harmless.
 */
void sima_rule_free(struct sima_rule *rule)
{
	unsigned int i;

	kfree(rule->fsname);
	kfree(rule->template);
	kfree(rule->keyrings.items);
	kfree(rule->labels.items);
	for (i = 0; i < SIMA_NR_LSM_KEYS; i++)
		kfree(rule->lsm[i].label);
	memset(rule, 0, sizeof(*rule));
}
