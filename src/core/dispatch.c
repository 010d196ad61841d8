// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the single entry point every hook reports to
 *
 * Events are counted per hook point (sima_dispatch() and
 * sima_dispatch_count(), inline in sima/dispatch.h), shown in hook_counts,
 * and handed to the engine (src/core/process.c), which may deny by returning
 * an errno.
 */

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/security.h>
#include <linux/seq_file.h>

#include "sima/dispatch.h"
#include "sima/securityfs.h"

static const char *const hook_names[SIMA_NR_HOOKS] = {
#define SIMA_HOOK_DEF(id, name) name,
#include "sima/hooks.def"
#undef SIMA_HOOK_DEF
};

DEFINE_PER_CPU(u64, sima_event_counts[SIMA_NR_HOOKS]);

static struct dentry *hook_counts;

/* The events seen at one hook point since load: the sum over all CPUs. */
static u64 event_count(enum sima_hook_id hook)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(sima_event_counts[hook], cpu);
	return sum;
}

static int hook_counts_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < SIMA_NR_HOOKS; i++)
		seq_printf(m, "%s %llu\n", hook_names[i], event_count(i));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(hook_counts);

/**
 * sima_dispatch_fs_init - create the hook_counts file
 *
 * Return: 0 or the securityfs error.
 */
int sima_dispatch_fs_init(void)
{
	return sima_fs_file("hook_counts", 0440, &hook_counts_fops,
			    &hook_counts);
}

/**
 * sima_dispatch_fs_exit - remove the hook_counts file; a second call does
 * nothing
 */
void sima_dispatch_fs_exit(void)
{
	securityfs_remove(hook_counts);
	hook_counts = NULL;
}
