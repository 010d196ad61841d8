// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the single entry point every hook reports to
 *
 * Counts events per hook point and hands them to the engine
 * (src/process.c), which may deny by returning an errno.
 */

#include <linux/percpu.h>

#include "sima/event.h"
#include "sima/process.h"

const char *const sima_hook_names[SIMA_NR_HOOKS] = {
#define SIMA_HOOK_DEF(id, name) name,
#include "sima/hooks.def"
#undef SIMA_HOOK_DEF
};

/*
 * Per-CPU so that hooks on unrelated files never share a cache line;
 * readers sum over all CPUs and may see a slightly stale total.
 */
static DEFINE_PER_CPU(u64, event_counts[SIMA_NR_HOOKS]);

/**
 * sima_dispatch - act on one integrity event
 * @ev: what the hook saw
 *
 * Runs in the hooked function's context: it may sleep exactly where that
 * function may (never for SIMA_EV_INODE_FREE or SIMA_EV_FILE_MPROTECT).
 *
 * Return: 0 to let the operation proceed, or a negative errno to deny it.
 */
int sima_dispatch(const struct sima_event *ev)
{
	this_cpu_inc(event_counts[ev->hook]);
	return sima_process_event(ev);
}

/**
 * sima_dispatch_count - count an event the engine has nothing to do with
 * @hook: its hook point
 */
void sima_dispatch_count(enum sima_hook_id hook)
{
	this_cpu_inc(event_counts[hook]);
}

/**
 * sima_event_count - events seen at one hook point since load
 * @hook: the hook point
 *
 * Return: the sum over all CPUs.
 */
u64 sima_event_count(enum sima_hook_id hook)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(event_counts[hook], cpu);
	return sum;
}
