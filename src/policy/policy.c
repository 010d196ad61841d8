// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the active IMA policy
 *
 * The active rules live in one immutable struct sima_policy published
 * through an RCU pointer. For every func it keeps the rules that can match
 * that func (sima_rule_can_match()) and the "do" actions among them, so
 * that an access no rule is about costs one pointer load and a bit test,
 * and a matching walk never looks at rules written for other hooks.
 *
 * Loading rules builds a new object (the custom rules so far plus the new
 * ones) and swaps it in whole: unlike IMA, which splices rules into the
 * live list one by one, no reader ever sees half a policy. Rules are
 * reference counted, as old and new objects share them until the old one
 * goes after a grace period.
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/hash.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "sima/event.h"
#include "sima/policy_active.h"
#include "sima/policy_match.h"
#include "sima/template.h"
#include "policy/lsm.h"
#include "policy/policy_cache.h"
#include "policy/policy_load.h"
#include "kernel_api.h"

/**
 * struct sima_policy - a complete, immutable set of rules
 * @actions: per func, the "do" action bits of the rules that can match it
 *	(SETXATTR_CHECK rules left out): the hook fast path
 * @flags: the same over every rule: IMA's ima_policy_flag
 * @appraised: bit (1 << func) for each func= of an appraise rule
 * @conditions: the SIMA_RULE_* flags of every rule: which facts of an
 *	access some rule can test
 * @gen: this policy's generation, unique for the module's lifetime
 * @cacheable: its rules test only what struct sima_decision_key holds
 * @custom: written through the policy file, not the boot policy
 * @users: one reference for being active, one per open reader
 * @rcu: frees the object a grace period after the last reference goes
 * @nr: number of rules
 * @rules: the rules, in policy order; the object holds a reference on each
 * @index: per func, the rules that can match it, in policy order
 * @index_nr: per func, how many
 * @skip_nr: per func, how many of @index form a leading run of plain
 *	"dont_<action> fsmagic=..." rules of one action, as every builtin
 *	policy starts: matching looks the fsmagic up in @skip_magic instead
 *	of walking them
 * @skip_class: per func, the "do" bit that run decides
 * @skip_magic: per func, the run's fsmagic values (@skip_nr of them)
 * @skip_bloom: per func, bit hash_64(magic, 6) set for each of them: most
 *	lookups, for filesystems not in the run, end at one bit test
 * @slots: the storage behind @index
 * @magics: the storage behind @skip_magic
 */
struct sima_policy {
	u32 actions[SIMA_NR_FUNCS];
	u32 flags;
	u32 appraised;
	u32 conditions;
	u64 gen;
	bool cacheable;
	bool custom;
	refcount_t users;
	struct rcu_head rcu;
	unsigned int nr;
	struct sima_policy_rule **rules;
	const struct sima_rule **index[SIMA_NR_FUNCS];
	unsigned int index_nr[SIMA_NR_FUNCS];
	unsigned int skip_nr[SIMA_NR_FUNCS];
	u32 skip_class[SIMA_NR_FUNCS];
	const u64 *skip_magic[SIMA_NR_FUNCS];
	u64 skip_bloom[SIMA_NR_FUNCS];
	const struct sima_rule **slots;
	u64 *magics;
};

/*
 * Serialises replacing sima_active_policy; the holder may read it without
 * RCU. Also protects appraised_funcs. Sleeps. Taken at load and unload and
 * when the policy file is opened or closed, never in hook context; nothing
 * nests inside it.
 */
static DEFINE_MUTEX(sima_policy_mutex);
static struct sima_policy __rcu *sima_active_policy;

/*
 * Funcs any active appraise rule ever named (bit 1 << func), like IMA's
 * IMA_APPRAISE_* bits in ima_appraise: set under sima_policy_mutex, never
 * cleared, read locklessly.
 */
static u32 appraised_funcs;

DEFINE_PER_CPU(struct sima_decision, sima_last_decision[SIMA_NR_FUNCS]);

/* The last policy generation handed out; under sima_policy_mutex. */
static u64 policy_gen;

/* See sima_func_live(); written under sima_policy_mutex. */
u32 sima_live_funcs __read_mostly;

/* ima_policy=fail_securely; set once before the boot policy is active. */
static bool fail_securely __read_mostly;

/**
 * sima_policy_template - look a template up as template= does
 * @name: a template name or an exact format string
 *
 * Return: the template's name, valid until unload, or NULL if unknown.
 */
const char *sima_policy_template(const char *name)
{
	const struct sima_template_desc *desc = sima_template_find(name);

	return desc ? sima_template_desc_name(desc) : NULL;
}

static void rule_put(struct sima_policy_rule *r)
{
	if (refcount_dec_and_test(&r->ref)) {
		sima_rule_free(&r->rule);
		kfree(r);
	}
}

/**
 * sima_rule_batch_add - parse one policy line and append its rule
 * @batch: the batch
 * @line: the line; it ends at @len or at its first newline or NUL
 * @len: bytes at @line
 * @env: what rules may contain
 * @why: set as sima_rule_parse() sets it
 *
 * Return: 0 when a rule was added or the line is blank or a comment, else
 * the negative errno of sima_rule_parse() or -ENOMEM.
 */
int sima_rule_batch_add(struct sima_rule_batch *batch, const char *line,
			size_t len, const struct sima_policy_env *env,
			const char **why)
{
	struct sima_policy_rule *r;
	int err;

	if (batch->nr == batch->size) {
		unsigned int size = batch->size ? 2 * batch->size : 16;
		struct sima_policy_rule **rules;

		rules = krealloc_array(batch->rules, size, sizeof(*rules),
				       GFP_KERNEL);
		if (!rules)
			goto err_nomem;
		batch->rules = rules;
		batch->size = size;
	}
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		goto err_nomem;
	err = sima_rule_parse(line, len, env, &r->rule, why);
	if (err) {
		kfree(r);
		return err > 0 ? 0 : err;
	}
	refcount_set(&r->ref, 1);
	batch->rules[batch->nr++] = r;
	return 0;

err_nomem:
	if (why)
		*why = "out of memory";
	return -ENOMEM;
}

/**
 * sima_rule_batch_free - drop a batch and the rules it still holds
 * @batch: the batch; left empty
 */
void sima_rule_batch_free(struct sima_rule_batch *batch)
{
	while (batch->nr)
		rule_put(batch->rules[--batch->nr]);
	kfree(batch->rules);
	batch->rules = NULL;
	batch->size = 0;
}

static void policy_free(struct sima_policy *p)
{
	unsigned int i;

	for (i = 0; i < p->nr; i++)
		rule_put(p->rules[i]);
	kvfree(p->magics);
	kvfree(p->slots);
	kvfree(p->rules);
	kfree(p);
}

static void policy_free_rcu(struct rcu_head *head)
{
	policy_free(container_of(head, struct sima_policy, rcu));
}

/*
 * Conditions on facts struct sima_decision_key does not hold (and the LSM
 * labels) make a policy's decisions uncacheable.
 */
#define SIMA_UNCACHED_CONDITIONS \
	(SIMA_RULE_FSUUID | SIMA_RULE_FSNAME | SIMA_RULE_KEYRINGS | \
	 SIMA_RULE_LABEL)

/* Fills the per-func index and action bits of @p from its rules. */
static int policy_index(struct sima_policy *p)
{
	const struct sima_rule **slot;
	unsigned int f, i, k, total = 0;
	bool lsm = false;

	for (f = 0; f < SIMA_NR_FUNCS; f++)
		for (i = 0; i < p->nr; i++)
			total += sima_rule_can_match(&p->rules[i]->rule, f);
	p->slots = kvcalloc(total, sizeof(*p->slots), GFP_KERNEL);
	if (total && !p->slots)
		return -ENOMEM;

	slot = p->slots;
	for (f = 0; f < SIMA_NR_FUNCS; f++) {
		p->index[f] = slot;
		for (i = 0; i < p->nr; i++) {
			const struct sima_rule *r = &p->rules[i]->rule;

			if (!sima_rule_can_match(r, f))
				continue;
			*slot++ = r;
			if (r->func != SIMA_FUNC_SETXATTR_CHECK)
				p->actions[f] |= r->action & SIMA_MATCH_DO_MASK;
		}
		p->index_nr[f] = slot - p->index[f];
	}
	for (i = 0; i < p->nr; i++) {
		const struct sima_rule *r = &p->rules[i]->rule;

		if (r->func != SIMA_FUNC_SETXATTR_CHECK)
			p->flags |= r->action & SIMA_MATCH_DO_MASK;
		p->conditions |= r->flags;
		for (k = 0; k < SIMA_NR_LSM_KEYS; k++)
			lsm |= !!r->lsm[k].label;
		if (r->action == SIMA_ACT_APPRAISE &&
		    (r->flags & SIMA_RULE_FUNC))
			p->appraised |= BIT(r->func);
	}
	p->cacheable = !lsm && !(p->conditions & SIMA_UNCACHED_CONDITIONS);
	return 0;
}

/* "dont_<action> fsmagic=M" and nothing else: its "do" class, or 0. */
static u32 plain_fsmagic_class(const struct sima_rule *r)
{
	unsigned int i;

	if (r->flags != SIMA_RULE_FSMAGIC)
		return 0;
	for (i = 0; i < SIMA_NR_LSM_KEYS; i++)
		if (r->lsm[i].label)
			return 0;
	switch (r->action) {
	case SIMA_ACT_DONT_MEASURE:
		return SIMA_ACT_MEASURE;
	case SIMA_ACT_DONT_APPRAISE:
		return SIMA_ACT_APPRAISE;
	case SIMA_ACT_DONT_HASH:
		return SIMA_ACT_HASH;
	default:
		return 0;
	}
}

/* Turns each func's leading run of plain fsmagic rules into a set. */
static int policy_skips(struct sima_policy *p)
{
	unsigned int f, i, total = 0;
	u64 *m;

	for (f = 0; f < SIMA_NR_FUNCS; f++) {
		const struct sima_rule **idx = p->index[f];
		u32 class = p->index_nr[f] ? plain_fsmagic_class(idx[0]) : 0;

		i = 0;
		while (class && i < p->index_nr[f] &&
		       plain_fsmagic_class(idx[i]) == class)
			i++;
		p->skip_class[f] = class;
		p->skip_nr[f] = i;
		total += p->skip_nr[f];
	}
	p->magics = kvcalloc(total, sizeof(*p->magics), GFP_KERNEL);
	if (total && !p->magics)
		return -ENOMEM;
	m = p->magics;
	for (f = 0; f < SIMA_NR_FUNCS; f++) {
		p->skip_magic[f] = m;
		for (i = 0; i < p->skip_nr[f]; i++) {
			*m = p->index[f][i]->fsmagic;
			p->skip_bloom[f] |= BIT_ULL(hash_64(*m++, 6));
		}
	}
	return 0;
}

/*
 * A new policy: the rules of @keep (may be NULL), then those of @add. On
 * success the batch's references move to the policy and @add is empty.
 */
static struct sima_policy *policy_build(const struct sima_policy *keep,
					struct sima_rule_batch *add,
					bool custom)
{
	unsigned int nr_keep = keep ? keep->nr : 0, i;
	struct sima_policy *p;

	lockdep_assert_held(&sima_policy_mutex);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->nr = nr_keep + add->nr;
	p->rules = kvcalloc(p->nr, sizeof(*p->rules), GFP_KERNEL);
	if (p->nr && !p->rules)
		goto err_free;
	for (i = 0; i < nr_keep; i++)
		p->rules[i] = keep->rules[i];
	for (i = 0; i < add->nr; i++)
		p->rules[nr_keep + i] = add->rules[i];
	p->gen = ++policy_gen;
	if (policy_index(p) || policy_skips(p))
		goto err_free;

	for (i = 0; i < nr_keep; i++)
		refcount_inc(&p->rules[i]->ref);
	add->nr = 0;
	p->custom = custom;
	refcount_set(&p->users, 1);
	return p;

err_free:
	kvfree(p->magics);
	kvfree(p->slots);
	kvfree(p->rules);
	kfree(p);
	return ERR_PTR(-ENOMEM);
}

/* Whether @p measures FILE_CHECK or MMAP_CHECK accesses at all. */
static bool measures_opens(const struct sima_policy *p)
{
	return p && ((p->actions[SIMA_FUNC_FILE_CHECK] |
		      p->actions[SIMA_FUNC_MMAP_CHECK]) & SIMA_ACT_MEASURE);
}

/*
 * The funcs whose events sima_process_event() can act on under @p: those
 * some rule acts on, those that can be violations once anything measures
 * them, and exec for its CREDS_CHECK pass.
 */
static u32 live_funcs(const struct sima_policy *p)
{
	unsigned int f;
	u32 live = 0;

	for (f = 0; f < SIMA_NR_FUNCS; f++)
		if (p->actions[f])
			live |= BIT(f);
	if (measures_opens(p))
		live |= BIT(SIMA_FUNC_FILE_CHECK) | BIT(SIMA_FUNC_MMAP_CHECK);
	if (live & BIT(SIMA_FUNC_CREDS_CHECK))
		live |= BIT(SIMA_FUNC_BPRM_CHECK);
	return live;
}

/*
 * The appraise_algos= of the first SETXATTR_CHECK rule ever active: the
 * only hash algorithms security.ima may be set with from then on. Set
 * once and never reset while sima is loaded, as upstream.
 */
static atomic_t setxattr_algos = ATOMIC_INIT(0);

static void setxattr_algos_set(const struct sima_policy *p)
{
	const enum sima_func f = SIMA_FUNC_SETXATTR_CHECK;
	unsigned int i;

	for (i = 0; i < p->index_nr[f]; i++) {
		const struct sima_rule *r = p->index[f][i];

		if ((r->flags & SIMA_RULE_FUNC) && r->func == f) {
			atomic_cmpxchg(&setxattr_algos, 0, r->appraise_algos);
			return;
		}
	}
}

/**
 * sima_policy_setxattr_algos - what security.ima may be written with
 *
 * Return: bit (1 << enum sima_hash_algo) for each allowed algorithm, or 0
 * when no SETXATTR_CHECK rule was ever active.
 */
u32 sima_policy_setxattr_algos(void)
{
	return atomic_read(&setxattr_algos);
}

/* Makes @p active; drops the active reference on the previous policy. */
static void policy_publish(struct sima_policy *p)
{
	struct sima_policy *old;

	lockdep_assert_held(&sima_policy_mutex);
	old = rcu_replace_pointer(sima_active_policy, p,
				  lockdep_is_held(&sima_policy_mutex));
	WRITE_ONCE(sima_live_funcs, live_funcs(p));
	WRITE_ONCE(appraised_funcs, appraised_funcs | p->appraised);
	setxattr_algos_set(p);
	if (old)
		sima_policy_put(old);
}

/**
 * sima_policy_load - make a custom policy active, as closing the policy
 *	file does
 * @batch: the new rules; emptied
 *
 * The first load replaces the boot policy; later ones append to the
 * custom rules. Readers see the old or the new policy, never a mix.
 *
 * Return: 0, or -ENOMEM (the active policy is unchanged).
 */
int sima_policy_load(struct sima_rule_batch *batch)
{
	struct sima_policy *old, *p;

	mutex_lock(&sima_policy_mutex);
	old = rcu_dereference_protected(sima_active_policy,
					lockdep_is_held(&sima_policy_mutex));
	p = policy_build(old && old->custom ? old : NULL, batch, true);
	if (!IS_ERR(p))
		policy_publish(p);
	mutex_unlock(&sima_policy_mutex);
	sima_rule_batch_free(batch);
	return PTR_ERR_OR_ZERO(p);
}

/**
 * sima_policy_is_custom - has a custom policy replaced the boot policy
 *
 * Return: true once a policy was loaded through the policy file.
 */
bool sima_policy_is_custom(void)
{
	const struct sima_policy *p;
	bool custom;

	rcu_read_lock();
	p = rcu_dereference(sima_active_policy);
	custom = p && p->custom;
	rcu_read_unlock();
	return custom;
}

/**
 * sima_policy_appraise_required - has an appraise rule for a func ever
 *	been active
 * @func: the func
 *
 * Like IMA's IMA_APPRAISE_{MODULES,FIRMWARE,POLICY,KEXEC} bits, the answer
 * never goes back to false: e.g. once "appraise func=POLICY_CHECK" was
 * active, policies can only be loaded from (signed) files.
 *
 * Return: true if so.
 */
bool sima_policy_appraise_required(enum sima_func func)
{
	return READ_ONCE(appraised_funcs) & BIT(func);
}

/**
 * sima_policy_get - a reference on the active policy, for reading it back
 *
 * Return: the policy, to release with sima_policy_put(); NULL when sima
 * is not loaded.
 */
struct sima_policy *sima_policy_get(void)
{
	struct sima_policy *p;

	mutex_lock(&sima_policy_mutex);
	p = rcu_dereference_protected(sima_active_policy,
				      lockdep_is_held(&sima_policy_mutex));
	if (p)
		refcount_inc(&p->users);
	mutex_unlock(&sima_policy_mutex);
	return p;
}

/**
 * sima_policy_put - drop a reference on a policy
 * @policy: the policy
 *
 * The last reference frees it after a grace period: matches that found it
 * through the RCU pointer may still be walking it.
 */
void sima_policy_put(struct sima_policy *policy)
{
	if (refcount_dec_and_test(&policy->users))
		call_rcu(&policy->rcu, policy_free_rcu);
}

/**
 * sima_policy_rule - one rule of a policy, by position
 * @policy: a policy the caller holds a reference on
 * @pos: 0 for the first rule
 *
 * Return: the rule, valid while the reference is held, or NULL past the
 * end.
 */
const struct sima_rule *sima_policy_rule(const struct sima_policy *policy,
					 loff_t pos)
{
	return pos >= 0 && pos < policy->nr ? &policy->rules[pos]->rule : NULL;
}

/* Whether the policy's leading "dont_<action> fsmagic=" run names @magic. */
static bool skips_fsmagic(const struct sima_policy *p, enum sima_func f,
			  u64 magic)
{
	unsigned int i;

	if (!(p->skip_bloom[f] & BIT_ULL(hash_64(magic, 6))))
		return false;
	for (i = 0; i < p->skip_nr[f]; i++)
		if (p->skip_magic[f][i] == magic)
			return true;
	return false;
}

/*
 * The classes of @want (SIMA_MATCH_DO_MASK bits, plus optionally
 * SIMA_WANT_POLICY_FLAG) some rule of @p may still decide for an access of
 * func @f on a filesystem of magic @magic.
 */
static __always_inline u32 open_classes(const struct sima_policy *p,
					enum sima_func f, u64 magic, u32 want)
{
	if (want & SIMA_WANT_POLICY_FLAG)
		want &= p->flags;
	/* No rule can do the others for this func: "don't". */
	want &= p->actions[f] & SIMA_MATCH_DO_MASK;
	if ((want & p->skip_class[f]) && skips_fsmagic(p, f, magic))
		want &= ~p->skip_class[f];
	return want;
}

/* The file's owner and group, through the mount's idmapping if any. */
static __always_inline void file_owner(struct file *file,
				       const struct inode *inode,
				       u32 *fowner, u32 *fgroup)
{
	kuid_t uid;
	kgid_t gid;

	sima_inode_owner(file, inode, &uid, &gid);
	*fowner = __kuid_val(uid);
	*fgroup = __kgid_val(gid);
}

/*
 * The facts the rules of a policy test, from an event. Inode owners are
 * mapped through the mount's idmapping when the event has a file (the
 * initial mapping otherwise), as IMA does. Only what some rule can test
 * (@needs, SIMA_RULE_* bits) is looked up: CAP_SETUID and CAP_SETGID only
 * when they can make a difference, when the task's ids differ.
 */
static void ctx_init(struct sima_match_ctx *ctx, const struct sima_event *ev,
		     enum sima_func func, u32 needs)
{
	const struct cred *cred = ev->cred;
	const struct inode *inode = ev->inode;

	*ctx = (struct sima_match_ctx){
		.func = func,
		.mask = ev->mask,
		.keyring = ev->keyring,
		.label = ev->label,
		.lsm_match = sima_lsm_match,
		.lsm_priv = ev,
	};
	if (inode) {
		const struct super_block *sb = inode->i_sb;

		ctx->has_inode = true;
		ctx->fsmagic = sb->s_magic;
		ctx->fsname = sb->s_type->name;
		BUILD_BUG_ON(sizeof(sb->s_uuid) != sizeof(ctx->fsuuid));
		if (needs & SIMA_RULE_FSUUID)
			memcpy(ctx->fsuuid, &sb->s_uuid, sizeof(ctx->fsuuid));
	}
	if (inode && (needs & (SIMA_RULE_FOWNER | SIMA_RULE_FGROUP)))
		file_owner(ev->file, inode, &ctx->fowner, &ctx->fgroup);
	if (!cred)
		return;
	ctx->uid = __kuid_val(cred->uid);
	ctx->euid = __kuid_val(cred->euid);
	ctx->suid = __kuid_val(cred->suid);
	ctx->gid = __kgid_val(cred->gid);
	ctx->egid = __kgid_val(cred->egid);
	ctx->sgid = __kgid_val(cred->sgid);
	if ((needs & SIMA_RULE_EUID) &&
	    (ctx->euid != ctx->uid || ctx->suid != ctx->uid))
		ctx->cap_setuid = has_capability_noaudit(current, CAP_SETUID);
	if ((needs & SIMA_RULE_EGID) &&
	    (ctx->egid != ctx->gid || ctx->sgid != ctx->gid))
		ctx->cap_setgid = has_capability_noaudit(current, CAP_SETGID);
}

/*
 * The rules of @p left to try for @f, against the facts of @ev. Out of
 * line: kernels built with INIT_STACK_ALL_ZERO clear @ctx on entry, a
 * cost only the accesses some rule may concern should pay.
 */
static noinline void match_rules(const struct sima_policy *p,
				 enum sima_func f, const struct sima_event *ev,
				 u32 want, struct sima_match_result *res)
{
	unsigned int skip = p->skip_nr[f];
	struct sima_match_ctx ctx;

	ctx_init(&ctx, ev, f, p->conditions);
	sima_rules_match(p->index[f] + skip, p->index_nr[f] - skip, &ctx,
			 want, res);
	/* The rule's copy goes with the policy: use the table's. */
	if (res->template)
		res->template = sima_policy_template(res->template);
}

/*
 * The facts a cacheable policy decides an access on, or false when they
 * are not all in the key: a task whose ids differ may have the capability
 * to change them, which euid= and egid= rules take into account.
 */
static __always_inline bool
decision_key(const struct sima_policy *p, enum sima_func f,
	     struct file *file, const struct inode *inode, int mask,
	     const struct cred *cred, u32 want, struct sima_decision_key *key)
{
	if (!uid_eq(cred->euid, cred->uid) || !uid_eq(cred->suid, cred->uid) ||
	    !gid_eq(cred->egid, cred->gid) || !gid_eq(cred->sgid, cred->gid))
		return false;
	*key = (struct sima_decision_key){
		.gen = p->gen,
		.fsmagic = inode->i_sb->s_magic,
		.func = f,
		.mask = mask,
		.want = want,
		.uid = __kuid_val(cred->uid),
		.gid = __kgid_val(cred->gid),
	};
	if (p->conditions & (SIMA_RULE_FOWNER | SIMA_RULE_FGROUP))
		file_owner(file, inode, &key->fowner, &key->fgroup);
	return true;
}

/*
 * What needs no rule walk, in the policy's RCU read section: *@want is
 * narrowed to the classes some rule of @p may still decide for the access
 * (0: none is left). Returns whether @key now holds the access's facts
 * for the per-CPU cache (decision_key() leaves @key alone otherwise).
 */
static __always_inline bool quick_facts(const struct sima_policy *p,
					enum sima_func f, struct file *file,
					const struct inode *inode, int mask,
					const struct cred *cred, u32 *want,
					struct sima_decision_key *key)
{
	u64 magic = inode ? inode->i_sb->s_magic : 0;

	*want = p && f < SIMA_NR_FUNCS ? open_classes(p, f, magic, *want) : 0;
	return *want && p->cacheable && inode && cred &&
	       decision_key(p, f, file, inode, mask, cred, *want, key);
}

/*
 * The decisions that need no rule walk: true when @res holds the
 * decision, because no rule of @p is left to try for the access or this
 * CPU decided the same facts last for @f. Otherwise *@want holds the
 * classes to walk the rules for and, if the decision can be cached, @key
 * its facts (key->gen is 0 if not).
 */
static bool decide_quick(const struct sima_policy *p, enum sima_func f,
			 struct file *file, const struct inode *inode,
			 int mask, const struct cred *cred, u32 *want,
			 struct sima_match_result *res,
			 struct sima_decision_key *key)
{
	bool keyed;

	key->gen = 0;
	keyed = quick_facts(p, f, file, inode, mask, cred, want, key);
	if (!*want) {
		sima_match_none(res);
		return true;
	}
	return keyed && sima_decision_lookup(key, res);
}

static void decision_options(struct sima_match_result *res)
{
	if (fail_securely && (res->action & SIMA_ACT_APPRAISE))
		res->action |= SIMA_MATCH_FAIL_UNVERIFIABLE_SIGS;
}

/**
 * sima_policy_match - what the active policy says about an event
 * @ev: the event
 * @want: the SIMA_MATCH_DO_MASK classes asked about, plus optionally
 *	SIMA_WANT_POLICY_FLAG: first drop the classes no active "do" rule
 *	gives, as ima_get_action() does with ima_policy_flag
 * @res: the decision, as sima_rules_match() gives it. Its template points
 *	to a name that stays valid until unload.
 * @file_measure: if not NULL, set when some rule measures FILE_CHECK or
 *	MMAP_CHECK accesses (the opens that can be violations)
 *
 * One policy lookup: only the rules that can match the event's func are
 * walked, a policy's leading "dont_<action> fsmagic=" run is one lookup,
 * the event's facts are gathered only when some rule is left to try, and
 * not at all when this CPU decided the same facts last for the func. With
 * ima_policy=fail_securely, an appraise decision also carries
 * SIMA_MATCH_FAIL_UNVERIFIABLE_SIGS. A preemption-disabled section is an
 * RCU reader since the flavours were consolidated (5.0); unlike
 * rcu_read_lock() with PREEMPT_RCU it costs no function call. Does not
 * sleep.
 */
void sima_policy_match(const struct sima_event *ev, u32 want,
		       struct sima_match_result *res, bool *file_measure)
{
	enum sima_func f = ev->hook == SIMA_EV_POST_SETATTR ?
			   SIMA_FUNC_POST_SETATTR : ev->func;
	const struct sima_policy *p;
	struct sima_decision_key key;

	rcu_read_lock_sched();
	p = rcu_dereference_sched(sima_active_policy);
	if (file_measure)
		*file_measure = measures_opens(p);
	if (!decide_quick(p, f, ev->file, ev->inode, ev->mask, ev->cred,
			  &want, res, &key)) {
		match_rules(p, f, ev, want, res);
		if (key.gen)
			sima_decision_store(&key, res);
	}
	rcu_read_unlock_sched();
	decision_options(res);
}

/**
 * sima_policy_untouched - does the policy leave a file access alone
 * @func: the access's func
 * @file: the file
 * @mask: the access's MAY_* mask
 * @want: as for sima_policy_match()
 *
 * What the hottest hooks ask before they build an event, answered only
 * when sima_policy_match() would not walk rules: no rule is left to try,
 * or this CPU decided the same facts last for @func. A writer is never
 * left alone once some rule measures opens: its open may be a violation.
 * The cached decision is compared in place, so that a hit costs no copy.
 *
 * Return: true when the decision gives none of @want; false when it
 * gives some, or only sima_policy_match() can tell.
 */
bool sima_policy_untouched(enum sima_func func, struct file *file, int mask,
			   u32 want)
{
	const struct sima_decision *last = NULL;
	const struct sima_policy *p;
	/* Read only once decision_key() wrote all of it: no zeroing. */
	struct sima_decision_key key __uninitialized;
	u32 classes = want;
	bool untouched;

	rcu_read_lock_sched();
	p = rcu_dereference_sched(sima_active_policy);
	if ((file->f_mode & FMODE_WRITE) && measures_opens(p)) {
		untouched = false;
		goto out;
	}
	if (quick_facts(p, func, file, file_inode(file), mask, current_cred(),
			&classes, &key))
		last = sima_decision_peek(&key);
	untouched = !classes ||
		    (last && !(last->res.action & want & SIMA_MATCH_DO_MASK));
out:
	rcu_read_unlock_sched();
	return untouched;
}

/**
 * sima_policy_has - does any active rule do one of these, for any func
 * @actions: SIMA_ACT_* bits
 *
 * Return: true if so.
 */
bool sima_policy_has(u32 actions)
{
	const struct sima_policy *p;
	bool has;

	rcu_read_lock_sched();
	p = rcu_dereference_sched(sima_active_policy);
	has = p && (p->flags & actions);
	rcu_read_unlock_sched();
	return has;
}

/**
 * sima_policy_init - make the boot policy active
 *
 * The boot policy is what ima_policy= selects (see policy_boot.c); without
 * it the policy is empty and nothing is measured or appraised.
 *
 * Return: 0, or a negative errno.
 */
int sima_policy_init(void)
{
	struct sima_rule_batch batch = { };
	struct sima_policy *p;
	int err;

	err = sima_policy_boot_rules(&batch, &fail_securely);
	if (err)
		goto out;
	mutex_lock(&sima_policy_mutex);
	p = policy_build(NULL, &batch, false);
	if (IS_ERR(p))
		err = PTR_ERR(p);
	else
		policy_publish(p);
	mutex_unlock(&sima_policy_mutex);
out:
	sima_rule_batch_free(&batch);
	return err;
}

/**
 * sima_policy_exit - drop the active policy
 *
 * Runs once no hook can match any more and the policy file is gone. The
 * policy is freed a grace period later; waits for that and for every
 * policy replaced before, so that none outlives the module.
 */
void sima_policy_exit(void)
{
	struct sima_policy *p;

	mutex_lock(&sima_policy_mutex);
	p = rcu_replace_pointer(sima_active_policy, NULL,
				lockdep_is_held(&sima_policy_mutex));
	WRITE_ONCE(sima_live_funcs, 0);
	mutex_unlock(&sima_policy_mutex);
	if (p)
		sima_policy_put(p);
	rcu_barrier();
}
