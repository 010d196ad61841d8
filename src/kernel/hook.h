/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - redirecting kernel functions to sima wrappers through ftrace
 *
 * A wrapper has exactly the prototype of the function it replaces, runs in
 * the caller's context and reaches the original through its gate (gate.h),
 * which enters it past its fentry call: never redirected again. Wrappers
 * bracket their body with sima_hook_enter()/sima_hook_exit() so that unload
 * can wait for tasks that sleep inside them.
 */
#ifndef _SIMA_HOOK_H
#define _SIMA_HOOK_H

#include <linux/compiler.h>
#include <linux/ftrace.h>
#include <linux/percpu.h>
#include <linux/types.h>

/**
 * struct sima_hook - one hooked kernel function
 * @name: the kernel symbol
 * @wrapper: sima's replacement, same prototype
 * @orig: the original's gate address: where the wrapper enters it
 * @addr: the symbol's address, resolved at install; 0 for an absent
 *	optional target
 * @optional: the kernel may lack the target; its wrapper then never runs
 */
struct sima_hook {
	const char *name;
	void *wrapper;
	unsigned long *orig;
	unsigned long addr;
	bool optional;
};

#define SIMA_HOOK(sym, wrap, origp, opt)				\
	{ .name = sym, .wrapper = (void *)(wrap), .orig = (origp),	\
	  .optional = (opt) }

/**
 * struct sima_hook_set - hooks installed and removed together
 * @ops: the one ftrace_ops carrying every target of the set
 * @hooks: the targets
 * @nr: how many
 * @first_site: its first entry in sima_hook_sites, once resolved
 */
struct sima_hook_set {
	struct ftrace_ops ops;
	struct sima_hook *hooks;
	unsigned int nr;
	unsigned int first_site;
};

DECLARE_PER_CPU(long, sima_hook_inflight);

/* src/kernel/ftrace_entry.S: where every target's fentry call is pointed. */
void sima_hook_entry(void);
extern bool sima_hooks_live;

/* Called first and last in every wrapper. */
static inline void sima_hook_enter(void)
{
	this_cpu_inc(sima_hook_inflight);
}

static inline void sima_hook_exit(void)
{
	this_cpu_dec(sima_hook_inflight);
}

/* Whether a wrapper should report events (false while unloading). */
static inline bool sima_hook_active(void)
{
	return READ_ONCE(sima_hooks_live);
}

int sima_hooks_prepare(void);
void sima_hooks_unprepare(void);
int sima_hooks_init(void);
void sima_hooks_exit(void);
int sima_hooks_resolve(struct sima_hook_set *set);
void sima_hooks_forget(struct sima_hook_set *set);
int sima_hooks_install(struct sima_hook_set *set);
void sima_hooks_remove(struct sima_hook_set *set);

#endif /* _SIMA_HOOK_H */
