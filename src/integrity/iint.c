// SPDX-License-Identifier: GPL-2.0
/*
 * sima - per-inode integrity state
 *
 * Lookups are lock-free (RCU over an rhashtable, no lock shared by
 * unrelated files); an entry lives from the first event that needs it to
 * the inode's destruction, reported by the inode_free hook, which may run
 * from reclaim and therefore only unlinks and defers the free.
 *
 * An entry returned by sima_iint_find()/sima_iint_get() stays valid while
 * the caller holds a reference on the inode (an open file, a dentry).
 */

#include <linux/fs.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "sima/iint.h"

static const struct rhashtable_params iint_params = {
	.key_len = sizeof(struct inode *),
	.key_offset = offsetof(struct sima_iint, inode),
	.head_offset = offsetof(struct sima_iint, node),
	.automatic_shrinking = true,
};

static struct rhashtable iint_table;
static struct kmem_cache *iint_cache;

/**
 * sima_iint_find - the state of an inode, if any
 * @inode: the inode
 *
 * Return: the entry or NULL.
 */
struct sima_iint *sima_iint_find(const struct inode *inode)
{
	return rhashtable_lookup_fast(&iint_table, &inode, iint_params);
}

/**
 * sima_iint_get - the state of an inode, created on first use
 * @inode: the inode; the caller holds a reference
 *
 * May sleep.
 *
 * Return: the entry, or ERR_PTR(-ENOMEM).
 */
struct sima_iint *sima_iint_get(struct inode *inode)
{
	struct sima_iint *iint, *old;

	iint = sima_iint_find(inode);
	if (iint)
		return iint;

	iint = kmem_cache_zalloc(iint_cache, GFP_KERNEL);
	if (!iint)
		return ERR_PTR(-ENOMEM);
	iint->inode = inode;
	mutex_init(&iint->mutex);
	old = rhashtable_lookup_get_insert_fast(&iint_table, &iint->node,
						iint_params);
	if (old) {
		/* Lost a race with another task creating it. */
		kmem_cache_free(iint_cache, iint);
		return old;
	}
	return iint;
}

static void iint_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(iint_cache, container_of(head, struct sima_iint, rcu));
}

/**
 * sima_iint_free - forget an inode that is being destroyed
 * @inode: the inode
 *
 * Never sleeps.
 */
void sima_iint_free(const struct inode *inode)
{
	struct sima_iint *iint;

	rcu_read_lock();
	iint = sima_iint_find(inode);
	if (iint && !rhashtable_remove_fast(&iint_table, &iint->node,
					    iint_params))
		call_rcu(&iint->rcu, iint_free_rcu);
	rcu_read_unlock();
}

/**
 * sima_iint_init - create the table
 *
 * Return: 0 or -ENOMEM.
 */
int sima_iint_init(void)
{
	int err;

	iint_cache = KMEM_CACHE(sima_iint, 0);
	if (!iint_cache)
		return -ENOMEM;
	err = rhashtable_init(&iint_table, &iint_params);
	if (err)
		kmem_cache_destroy(iint_cache);
	return err;
}

static void iint_destroy(void *ptr, void *arg)
{
	kmem_cache_free(iint_cache, ptr);
}

/**
 * sima_iint_exit - free every entry; hooks must be gone
 */
void sima_iint_exit(void)
{
	rhashtable_free_and_destroy(&iint_table, iint_destroy, NULL);
	/* Entries freed by inode_free events are still in flight. */
	rcu_barrier();
	kmem_cache_destroy(iint_cache);
}
