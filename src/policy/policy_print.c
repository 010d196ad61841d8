// SPDX-License-Identifier: GPL-2.0
/*
 * sima - a policy rule as Linux 6.1's IMA shows it when the policy is read
 *
 * The items come in a fixed order whatever order they were written in, each
 * followed by one blank, then a newline ends the line. Aliases come back under
 * their canonical names. As in 6.1, ids are shown as signed decimals and
 * fsname= is cut to SIMA_POLICY_FSNAME_SHOWN bytes; a rule holding an LSM
 * label the LSM did not accept is not shown at all.
 */

#include "sima/compat.h"
#include "sima/digest.h"
#include "sima/policy_rule.h"

/* Output with snprintf() semantics: counts what did not fit. */
struct rule_out {
	char *buf;
	size_t size;
	size_t len;
};

static const char *const func_tokens[SIMA_NR_FUNCS] = {
#define SIMA_FUNC_DEF(id, name) name,
#include "sima/funcs.def"
#undef SIMA_FUNC_DEF
};

static const struct {
	u32 action;
	enum sima_policy_key key;
} action_keys[] = {
	{ SIMA_ACT_MEASURE, SIMA_KEY_MEASURE },
	{ SIMA_ACT_DONT_MEASURE, SIMA_KEY_DONT_MEASURE },
	{ SIMA_ACT_APPRAISE, SIMA_KEY_APPRAISE },
	{ SIMA_ACT_DONT_APPRAISE, SIMA_KEY_DONT_APPRAISE },
	{ SIMA_ACT_AUDIT, SIMA_KEY_AUDIT },
	{ SIMA_ACT_HASH, SIMA_KEY_HASH },
	{ SIMA_ACT_DONT_HASH, SIMA_KEY_DONT_HASH },
};

/* The id conditions in read-back order, with the flag that selects each. */
static const struct {
	u32 flag;
	enum sima_id_slot slot;
	enum sima_policy_key key;
} id_keys[] = {
	{ SIMA_RULE_UID, SIMA_ID_UID, SIMA_KEY_UID },
	{ SIMA_RULE_EUID, SIMA_ID_UID, SIMA_KEY_EUID },
	{ SIMA_RULE_GID, SIMA_ID_GID, SIMA_KEY_GID },
	{ SIMA_RULE_EGID, SIMA_ID_GID, SIMA_KEY_EGID },
	{ SIMA_RULE_FOWNER, SIMA_ID_FOWNER, SIMA_KEY_FOWNER },
	{ SIMA_RULE_FGROUP, SIMA_ID_FGROUP, SIMA_KEY_FGROUP },
};

static const enum sima_policy_key lsm_keys[SIMA_NR_LSM_KEYS] = {
	[SIMA_LSM_OBJ_USER] = SIMA_KEY_OBJ_USER,
	[SIMA_LSM_OBJ_ROLE] = SIMA_KEY_OBJ_ROLE,
	[SIMA_LSM_OBJ_TYPE] = SIMA_KEY_OBJ_TYPE,
	[SIMA_LSM_SUBJ_USER] = SIMA_KEY_SUBJ_USER,
	[SIMA_LSM_SUBJ_ROLE] = SIMA_KEY_SUBJ_ROLE,
	[SIMA_LSM_SUBJ_TYPE] = SIMA_KEY_SUBJ_TYPE,
};

static void put_mem(struct rule_out *o, const char *s, size_t n)
{
	size_t room;

	if (o->len + 1 < o->size) {
		room = o->size - 1 - o->len;
		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static void put_str(struct rule_out *o, const char *s)
{
	put_mem(o, s, strlen(s));
}

/* "key=" (or "key<", "key>"). */
static void put_key(struct rule_out *o, enum sima_policy_key key, char op)
{
	put_str(o, sima_policy_key_name(key));
	put_mem(o, &op, 1);
}

static void put_dec(struct rule_out *o, long long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", v);
	put_str(o, num);
}

static void put_hex(struct rule_out *o, u64 v)
{
	char num[24];

	snprintf(num, sizeof(num), "0x%llx", (unsigned long long)v);
	put_str(o, num);
}

static void put_list(struct rule_out *o, enum sima_policy_key key,
		     const struct sima_rule_list *list)
{
	unsigned int i;

	put_key(o, key, '=');
	for (i = 0; i < list->count; i++) {
		if (i)
			put_str(o, "|");
		put_str(o, list->items[i]);
	}
	put_str(o, " ");
}

static void put_action(struct rule_out *o, const struct sima_rule *r)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(action_keys); i++)
		if (r->action & action_keys[i].action)
			put_str(o, sima_policy_key_name(action_keys[i].key));
	put_str(o, " ");
}

static void put_func(struct rule_out *o, const struct sima_rule *r)
{
	unsigned int func = r->func;

	put_key(o, SIMA_KEY_FUNC, '=');
	if (func < SIMA_NR_FUNCS && func_tokens[func])
		put_str(o, func_tokens[func]);
	else
		put_dec(o, func);
	put_str(o, " ");
}

/* Like 6.1, one mask= per bit set, without blanks in between. */
static void put_mask(struct rule_out *o, const struct sima_rule *r)
{
	u32 bit;

	for (bit = MAY_EXEC; bit <= MAY_APPEND; bit <<= 1) {
		if (!(r->mask & bit))
			continue;
		put_key(o, SIMA_KEY_MASK, '=');
		if (r->flags & SIMA_RULE_INMASK)
			put_str(o, "^");
		put_str(o, sima_policy_mask_name(bit));
	}
	put_str(o, " ");
}

static void put_fs(struct rule_out *o, const struct sima_rule *r)
{
	size_t n;

	if (r->flags & SIMA_RULE_FSMAGIC) {
		put_key(o, SIMA_KEY_FSMAGIC, '=');
		put_hex(o, r->fsmagic);
		put_str(o, " ");
	}
	if (r->flags & SIMA_RULE_FSNAME) {
		n = strlen(r->fsname);
		put_key(o, SIMA_KEY_FSNAME, '=');
		put_mem(o, r->fsname, n < SIMA_POLICY_FSNAME_SHOWN ? n :
				      SIMA_POLICY_FSNAME_SHOWN);
		put_str(o, " ");
	}
}

/* %pU: lower-case hex, bytes in order, dashes after 4, 6, 8 and 10. */
static void put_uuid(struct rule_out *o, const u8 uuid[SIMA_UUID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	char text[37];
	unsigned int i, n = 0;

	for (i = 0; i < SIMA_UUID_SIZE; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			text[n++] = '-';
		text[n++] = hex[uuid[i] >> 4];
		text[n++] = hex[uuid[i] & 0xf];
	}
	put_mem(o, text, n);
}

static void put_ids(struct rule_out *o, const struct sima_rule *r)
{
	const struct sima_rule_id *id;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(id_keys); i++) {
		if (!(r->flags & id_keys[i].flag))
			continue;
		id = &r->ids[id_keys[i].slot];
		put_key(o, id_keys[i].key, id->op);
		/* 6.1 prints the kernel id with %d. */
		put_dec(o, (int)id->id);
		put_str(o, " ");
	}
}

static void put_algos(struct rule_out *o, u32 algos)
{
	unsigned int algo;
	bool first = true;

	put_key(o, SIMA_KEY_APPRAISE_ALGOS, '=');
	for (algo = 0; algo < SIMA_HASH_ALGO__LAST; algo++) {
		if (!(algos & (1U << algo)))
			continue;
		if (!first)
			put_str(o, ",");
		put_str(o, sima_hash_algo_name(algo));
		first = false;
	}
	put_str(o, " ");
}

static void put_lsm(struct rule_out *o, const struct sima_rule *r)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_LSM_KEYS; i++) {
		if (!r->lsm[i].label)
			continue;
		put_key(o, lsm_keys[i], '=');
		put_str(o, r->lsm[i].label);
		put_str(o, " ");
	}
}

static void put_options(struct rule_out *o, const struct sima_rule *r)
{
	if (r->template) {
		put_key(o, SIMA_KEY_TEMPLATE, '=');
		put_str(o, r->template);
		put_str(o, " ");
	}
	if (r->flags & SIMA_RULE_DIGSIG_REQUIRED) {
		if (r->flags & SIMA_RULE_VERITY_REQUIRED)
			put_str(o, "appraise_type=sigv3 ");
		else if (r->flags & SIMA_RULE_MODSIG_ALLOWED)
			put_str(o, "appraise_type=imasig|modsig ");
		else
			put_str(o, "appraise_type=imasig ");
	}
	if (r->flags & SIMA_RULE_VERITY_REQUIRED)
		put_str(o, "digest_type=verity ");
	if (r->flags & SIMA_RULE_CHECK_BLACKLIST)
		put_str(o, "appraise_flag=check_blacklist ");
	if (r->flags & SIMA_RULE_PERMIT_DIRECTIO)
		put_str(o, "permit_directio ");
}

static bool is_shown(const struct sima_rule *r)
{
	unsigned int i;

	for (i = 0; i < SIMA_NR_LSM_KEYS; i++)
		if (r->lsm[i].label && !r->lsm[i].active)
			return false;
	return true;
}

static void put_rule(struct rule_out *o, const struct sima_rule *r)
{
	put_action(o, r);
	if (r->flags & SIMA_RULE_FUNC)
		put_func(o, r);
	if (r->flags & (SIMA_RULE_MASK | SIMA_RULE_INMASK))
		put_mask(o, r);
	put_fs(o, r);
	if (r->flags & SIMA_RULE_KEYRINGS)
		put_list(o, SIMA_KEY_KEYRINGS, &r->keyrings);
	if (r->flags & SIMA_RULE_LABEL)
		put_list(o, SIMA_KEY_LABEL, &r->labels);
	if (r->flags & SIMA_RULE_PCR) {
		put_key(o, SIMA_KEY_PCR, '=');
		put_dec(o, r->pcr);
		put_str(o, " ");
	}
	if (r->flags & SIMA_RULE_FSUUID) {
		put_key(o, SIMA_KEY_FSUUID, '=');
		put_uuid(o, r->fsuuid);
		put_str(o, " ");
	}
	put_ids(o, r);
	if (r->flags & SIMA_RULE_APPRAISE_ALGOS)
		put_algos(o, r->appraise_algos);
	put_lsm(o, r);
	put_options(o, r);
	put_str(o, "\n");
}

/**
 * sima_rule_print - a rule as IMA shows it when the policy is read back
 * @rule: a rule sima_rule_parse() filled in
 * @buf: where to write the line, NUL-terminated; may be NULL if @size is 0
 * @size: bytes available at @buf
 *
 * Writes e.g. "measure func=FILE_CHECK mask=^MAY_READ euid=0", a blank
 * and a newline. A rule with an inactive LSM label is not shown: the line
 * is empty.
 *
 * Return: the length of the whole line, without the NUL, even when it did
 * not fit (as snprintf() does).
 */
int sima_rule_print(const struct sima_rule *rule, char *buf, size_t size)
{
	struct rule_out o = { .buf = buf, .size = size };

	if (is_shown(rule))
		put_rule(&o, rule);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}
