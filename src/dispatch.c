// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the single entry point every hook reports to
 *
 * Events are counted per hook point (sima_dispatch() and
 * sima_dispatch_count(), inline in sima/event.h) and handed to the engine
 * (src/process.c), which may deny by returning an errno.
 */

#include <linux/percpu.h>

#include "sima/event.h"

const char *const sima_hook_names[SIMA_NR_HOOKS] = {
#define SIMA_HOOK_DEF(id, name) name,
#include "sima/hooks.def"
#undef SIMA_HOOK_DEF
};

DEFINE_PER_CPU(u64, sima_event_counts[SIMA_NR_HOOKS]);

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
		sum += per_cpu(sima_event_counts[hook], cpu);
	return sum;
}
