// SPDX-License-Identifier: GPL-2.0
/*
 * sima - certificates kept until a KEY_CHECK rule can measure them
 *
 * Upstream keeps the certificates added to keyrings before its custom
 * policy is loaded (early boot) and measures them against that policy
 * once it is. sima's analogue of "before the policy" is "before a policy
 * with a KEY_CHECK rule": from load until such a policy is active, each
 * certificate key_create_or_update() adds to any keyring, and each that
 * sima loads itself (x509=, x509_ca=), is kept with its keyring's name.
 * The policy load that first brings a KEY_CHECK rule measures them,
 * as upstream with the writer's credentials, and closes the queue for
 * good: from then on keys are measured as they arrive, so a policy
 * replaced or extended later never measures a kept key a second time
 * (nor would the list take the same entry twice).
 *
 * Certificates on keyrings before sima loaded cannot be kept: the kernel
 * keeps the public key, its ids and signature, never the certificate
 * (and the builtin list is init data, freed after boot), and upstream
 * measures the certificate. A bound on the bytes kept stands in for
 * upstream's five-minute timeout: a certificate over it is not kept, and
 * is audited as upstream audits one it could not queue.
 */

#include <linux/cred.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sizes.h>

#include "sima/audit.h"
#include "sima/dispatch.h"
#include "sima/func.h"
#include "sima/policy_active.h"
#include "core/key_queue.h"

#define KEY_QUEUE_MAX_BYTES SZ_1M

struct queued_key {
	struct list_head list;
	char *keyring;
	size_t len;
	u8 payload[];
};

/* Protects queue and queued_bytes, and closed's one change. */
static DEFINE_MUTEX(queue_lock);
static LIST_HEAD(queue);
static size_t queued_bytes;
/* Set once, under queue_lock; read without it to skip the copy. */
static bool closed;

static void free_key(struct queued_key *k)
{
	kfree(k->keyring);
	kfree(k);
}

/**
 * sima_key_queue_add - keep a certificate until a KEY_CHECK rule comes
 * @keyring: the description of the keyring it was added to
 * @payload: the certificate
 * @len: its length
 *
 * Return: true while the queue is open (the certificate is kept, or
 * dropped and audited for want of memory or room), false once it is
 * closed: then the caller measures the certificate at once.
 */
bool sima_key_queue_add(const char *keyring, const void *payload,
			size_t len)
{
	struct queued_key *k;
	bool open, dropped = false;

	if (READ_ONCE(closed))
		return false;
	k = kmalloc(struct_size(k, payload, len), GFP_KERNEL);
	if (k) {
		k->keyring = kstrdup(keyring, GFP_KERNEL);
		k->len = len;
		memcpy(k->payload, payload, len);
	}
	mutex_lock(&queue_lock);
	open = !closed;
	if (open && k && k->keyring &&
	    queued_bytes + len <= KEY_QUEUE_MAX_BYTES) {
		list_add_tail(&k->list, &queue);
		queued_bytes += len;
		k = NULL;
	} else if (open) {
		dropped = true;
	}
	mutex_unlock(&queue_lock);
	if (k)
		free_key(k);
	if (dropped)
		sima_audit_msg(SIMA_AUDIT_INTEGRITY_PCR, NULL, keyring,
			       "measuring_key", "ENOMEM", -ENOMEM, false);
	return open;
}

static void free_keys(struct list_head *keys)
{
	struct queued_key *k, *next;

	list_for_each_entry_safe(k, next, keys, list)
		free_key(k);
}

/**
 * sima_key_queue_flush - measure the kept certificates, once
 *
 * Called after each policy load; acts on the first that brings a
 * KEY_CHECK rule, with the writer's credentials. Sleeps.
 */
void sima_key_queue_flush(void)
{
	struct queued_key *k;
	LIST_HEAD(keys);

	if (!sima_func_live(SIMA_FUNC_KEY_CHECK))
		return;
	mutex_lock(&queue_lock);
	if (!closed) {
		WRITE_ONCE(closed, true);
		list_splice_init(&queue, &keys);
		queued_bytes = 0;
	}
	mutex_unlock(&queue_lock);
	list_for_each_entry(k, &keys, list) {
		struct sima_event ev = {
			.hook = SIMA_EV_KEY_UPDATE,
			.func = SIMA_FUNC_KEY_CHECK,
			.cred = current_cred(),
			.buf = k->payload,
			.size = k->len,
			.keyring = k->keyring,
		};

		sima_process_event(&ev);
	}
	free_keys(&keys);
}

/**
 * sima_key_queue_exit - drop what is kept; no hook is running
 */
void sima_key_queue_exit(void)
{
	free_keys(&queue);
}
