// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the measurement list
 *
 * Entries are append-only and live until unload. Each keeps only its binary
 * record (the ASCII form is rendered from it on read). Readers index the
 * list by position through an xarray: O(1)-ish seek, no lock shared with
 * writers. One mutex orders appends and the matching PCR extensions, so
 * the list always replays against the TPM.
 *
 * Template digests are computed per slot: one per allocated PCR bank, plus
 * SHA-1 and the measurement algorithm when no bank uses them. A bank the
 * kernel cannot hash gets the SHA-1 digest, zero padded, as upstream.
 */

#include <crypto/hash.h>
#include <crypto/sha1.h>
#include <linux/slab.h>
#include <linux/tpm.h>
#include <linux/xarray.h>

#include "sima/hash.h"
#include "measure/mlist.h"
#include "measure/tpm.h"

#define DUP_BITS	10

/**
 * struct entry - one list entry
 * @dup: link in the duplicate table (unhashed for violations)
 * @pcr: its PCR
 * @key: its template digest in the measurement algorithm's slot
 * @len: bytes in @rec
 * @rec: the binary record
 */
struct entry {
	struct hlist_node dup;
	u32 pcr;
	u8 key[SIMA_HASH_MAX_DIGEST_SIZE];
	u32 len;
	u8 rec[];
};

/*
 * Serialises appends: the duplicate table, the xarray's tail and the PCR
 * extension that goes with each entry. Sleeps (TPM). Never taken by
 * readers, nested inside no other sima lock.
 */
static DEFINE_MUTEX(mlist_mutex);
static DEFINE_XARRAY(entries);
static struct hlist_head dup_table[1 << DUP_BITS];
static atomic_long_t nr_entries = ATOMIC_LONG_INIT(0);
static atomic_long_t nr_violations = ATOMIC_LONG_INIT(0);
static unsigned int list_algo;

/* A slot: which algorithm, and into which bank it is extended. */
struct slots {
	unsigned int nr;
	u16 algo[TPM2_MAX_PCR_BANKS + 2];
	struct sima_digest digest[TPM2_MAX_PCR_BANKS + 2];
};

struct walk_ctx {
	struct shash_desc *desc;
	int err;
};

static void walk_update(void *p, const void *data, size_t n)
{
	struct walk_ctx *ctx = p;

	if (!ctx->err)
		ctx->err = crypto_shash_update(ctx->desc, data, n);
}

static int template_digest(const struct sima_mlist_event *ev,
			   unsigned int algo, struct sima_digest *out)
{
	struct crypto_shash *tfm = sima_hash_tfm(algo);
	struct walk_ctx ctx = { };
	int err;

	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	{
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		ctx.desc = desc;
		err = crypto_shash_init(desc);
		if (!err) {
			ev->walk(ev->priv, walk_update, &ctx);
			err = ctx.err;
		}
		if (!err)
			err = crypto_shash_final(desc, out->data);
		shash_desc_zero(desc);
	}
	out->algo = algo;
	out->len = sima_hash_digest_size(algo);
	return err;
}

/* Slot 0 is always SHA-1: the list header shows it. */
static int compute_slots(const struct sima_mlist_event *ev, struct slots *s)
{
	const struct sima_bank *banks;
	unsigned int i, n = sima_tpm_banks(&banks);
	int err;

	s->nr = 0;
	s->algo[s->nr++] = SIMA_HASH_ALGO_SHA1;
	if (list_algo != SIMA_HASH_ALGO_SHA1)
		s->algo[s->nr++] = list_algo;
	for (i = 0; i < n; i++) {
		if (banks[i].algo != SIMA_HASH_ALGO_SHA1 &&
		    banks[i].algo != list_algo &&
		    banks[i].algo != SIMA_HASH_ALGO__LAST)
			s->algo[s->nr++] = banks[i].algo;
	}
	for (i = 0; i < s->nr; i++) {
		if (ev->violation) {
			s->digest[i].algo = s->algo[i];
			s->digest[i].len = sima_hash_digest_size(s->algo[i]);
			memset(s->digest[i].data, 0, sizeof(s->digest[i].data));
			continue;
		}
		err = template_digest(ev, s->algo[i], &s->digest[i]);
		if (err)
			return err;
	}
	return 0;
}

static const struct sima_digest *slot_of(const struct slots *s,
					 unsigned int algo)
{
	unsigned int i;

	for (i = 0; i < s->nr; i++)
		if (s->algo[i] == algo)
			return &s->digest[i];
	return NULL;
}

/*
 * What each bank is extended with. A violation extends 0xff.., over the
 * whole digest of every bank whose algorithm the kernel knows (as upstream,
 * even where it cannot compute it), over a SHA-1's width elsewhere.
 */
static int extend(u32 pcr, bool violation, const struct slots *s)
{
	struct sima_digest d[TPM2_MAX_PCR_BANKS];
	const struct sima_bank *banks;
	unsigned int i, n = sima_tpm_banks(&banks);

	for (i = 0; i < n; i++) {
		const struct sima_digest *src = slot_of(s, banks[i].algo);

		memset(d[i].data, 0, sizeof(d[i].data));
		d[i].len = banks[i].size;
		if (violation)
			memset(d[i].data, 0xff, banks[i].known ?
			       banks[i].size : SHA1_DIGEST_SIZE);
		else if (src)
			memcpy(d[i].data, src->data, banks[i].size);
		else	/* Unmapped bank: padded SHA-1. */
			memcpy(d[i].data, s->digest[0].data, SHA1_DIGEST_SIZE);
	}
	return sima_tpm_extend(pcr, d);
}

static u32 dup_hash(const u8 *key)
{
	return (key[0] | key[1] << 8) & ((1 << DUP_BITS) - 1);
}

static bool is_duplicate(u32 pcr, const struct sima_digest *key)
{
	struct entry *e;

	lockdep_assert_held(&mlist_mutex);
	hlist_for_each_entry(e, &dup_table[dup_hash(key->data)], dup)
		if (e->pcr == pcr && !memcmp(e->key, key->data, key->len))
			return true;
	return false;
}

static struct entry *make_entry(const struct sima_mlist_event *ev,
				const struct slots *s)
{
	const struct sima_digest *key = slot_of(s, list_algo);
	struct entry *e;
	size_t len;

	len = ev->render(ev->priv, ev->pcr, s->digest[0].data, NULL, 0);
	e = kzalloc(struct_size(e, rec, len), GFP_KERNEL);
	if (!e)
		return NULL;
	INIT_HLIST_NODE(&e->dup);
	e->pcr = ev->pcr;
	memcpy(e->key, key->data, key->len);
	e->len = ev->render(ev->priv, ev->pcr, s->digest[0].data, e->rec, len);
	return e;
}

/**
 * sima_mlist_add - append a measurement and extend its PCR
 * @ev: the measurement
 * @tpm_result: receives the PCR extension's outcome (sima_tpm_extend()),
 *	0 when nothing was extended
 *
 * A measurement whose template digest is already recorded in the same PCR
 * is not added again. As upstream, a failed extension (a TPM error, a PCR
 * the TPM refuses) neither removes the entry nor fails the add: the
 * caller reports @tpm_result. Sleeps.
 *
 * Return: 0 (added), -EEXIST for a duplicate, -ENOMEM, or a hash error.
 */
int sima_mlist_add(const struct sima_mlist_event *ev, int *tpm_result)
{
	struct slots *s;
	struct entry *e;
	unsigned long index;
	int err;

	*tpm_result = 0;
	if (ev->violation)
		atomic_long_inc(&nr_violations);
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	err = compute_slots(ev, s);
	if (err)
		goto out;

	mutex_lock(&mlist_mutex);
	if (!ev->violation && is_duplicate(ev->pcr, slot_of(s, list_algo))) {
		err = -EEXIST;
		goto out_unlock;
	}
	e = make_entry(ev, s);
	if (!e) {
		err = -ENOMEM;
		goto out_unlock;
	}
	index = atomic_long_read(&nr_entries);
	err = xa_err(xa_store(&entries, index, e, GFP_KERNEL));
	if (err) {
		kfree(e);
		goto out_unlock;
	}
	if (!ev->violation)
		hlist_add_head(&e->dup,
			       &dup_table[dup_hash(slot_of(s, list_algo)->data)]);
	/* Publish only once the entry is reachable. */
	atomic_long_set_release(&nr_entries, index + 1);
	*tpm_result = extend(ev->pcr, ev->violation, s);
out_unlock:
	mutex_unlock(&mlist_mutex);
out:
	kfree(s);
	return err;
}

/**
 * sima_mlist_get - one entry's binary record
 * @index: its position, from 0
 * @rec: receives the record; valid until unload
 *
 * Return: false past the end of the list.
 */
bool sima_mlist_get(unsigned long index, struct sima_mlist_record *rec)
{
	struct entry *e;

	if (index >= atomic_long_read_acquire(&nr_entries))
		return false;
	e = xa_load(&entries, index);
	if (!e)
		return false;
	rec->len = e->len;
	rec->data = e->rec;
	return true;
}

/**
 * sima_mlist_count - the number of entries (runtime_measurements_count)
 *
 * Return: the count.
 */
unsigned long sima_mlist_count(void)
{
	return atomic_long_read(&nr_entries);
}

/**
 * sima_mlist_violations - the number of violations seen
 *
 * Return: the count, which may exceed the violation entries (upstream
 * counts before the entry is made).
 */
unsigned long sima_mlist_violations(void)
{
	return atomic_long_read(&nr_violations);
}

/**
 * sima_mlist_init - set the measurement algorithm
 * @algo: enum sima_hash_algo files and templates are hashed with
 *
 * Return: 0.
 */
int sima_mlist_init(unsigned int algo)
{
	list_algo = algo;
	return 0;
}

/**
 * sima_mlist_exit - free every entry; nothing may read or append anymore
 */
void sima_mlist_exit(void)
{
	struct entry *e;
	unsigned long index;

	xa_for_each(&entries, index, e)
		kfree(e);
	xa_destroy(&entries);
	memset(dup_table, 0, sizeof(dup_table));
	atomic_long_set(&nr_entries, 0);
	atomic_long_set(&nr_violations, 0);
}
