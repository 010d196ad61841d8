/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the dispatcher: where every hook hands its event to the engine
 *
 * sima_dispatch() counts the event per hook point and runs the engine
 * (src/core/process.c) on it; inline, as every hooked call passes here.
 */
#ifndef _SIMA_DISPATCH_H
#define _SIMA_DISPATCH_H

#include <linux/percpu.h>
#include <linux/types.h>

#include "sima/event.h"
#include "sima/func.h"

struct file;

/*
 * Events seen per hook point. Per-CPU so that hooks on unrelated files
 * never share a cache line; readers sum over all CPUs and may see a
 * slightly stale total.
 */
DECLARE_PER_CPU(u64, sima_event_counts[SIMA_NR_HOOKS]);

/* The engine, src/core/process.c: everything sima does about one event. */
int sima_process_event(const struct sima_event *ev);
int sima_process_access(const struct sima_event *ev);
bool sima_access_untouched(enum sima_func func, struct file *file, int mask);
int sima_process_kernel_version(void);

/* src/core/dispatch.c: the hook_counts file. */
int sima_dispatch_fs_init(void);
void sima_dispatch_fs_exit(void);

/**
 * sima_dispatch_count - count an event the engine has nothing to do with
 * @hook: its hook point
 */
static inline void sima_dispatch_count(enum sima_hook_id hook)
{
	this_cpu_inc(sima_event_counts[hook]);
}

/**
 * sima_dispatch - act on one integrity event
 * @ev: what the hook saw
 *
 * Runs in the hooked function's context: it may sleep exactly where that
 * function may (never for SIMA_EV_INODE_FREE or SIMA_EV_FILE_MPROTECT).
 *
 * Return: 0 to let the operation proceed, or a negative errno to deny it.
 */
static inline int sima_dispatch(const struct sima_event *ev)
{
	sima_dispatch_count(ev->hook);
	return sima_process_event(ev);
}

/* sima_dispatch() for SIMA_EV_FILE_OPEN, BPRM_CHECK and MMAP_FILE. */
static inline int sima_dispatch_access(const struct sima_event *ev)
{
	sima_dispatch_count(ev->hook);
	return sima_process_access(ev);
}

#endif /* _SIMA_DISPATCH_H */
