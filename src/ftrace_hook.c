// SPDX-License-Identifier: GPL-2.0
/*
 * sima - one ftrace_ops that redirects every hooked function to its wrapper
 *
 * A single ops carries all target addresses so that install and removal pay
 * ftrace's RCU-tasks synchronisation once, not once per hook. The thunk runs
 * with preemption disabled and only rewrites the return address; the
 * wrapper then runs in the caller's context.
 */

#include <linux/delay.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "sima/hook.h"

/*
 * Tasks currently inside a wrapper (or inside the original called from
 * one). Per-CPU: a task may enter on one CPU and leave on another, only the
 * sum over CPUs is meaningful. Every increment happens before unload has
 * unregistered the ops, so once removal has started the sum only shrinks.
 */
DEFINE_PER_CPU(long, sima_hook_inflight);

/* The fentry call sits at the symbol, after an ENDBR where IBT is built. */
#define FENTRY_SLACK	4

/*
 * Calls nothing traceable, so it needs no recursion protection from
 * ftrace (no FTRACE_OPS_FL_RECURSION), and only sets the instruction
 * pointer, which the argument registers carry where the architecture has
 * DYNAMIC_FTRACE_WITH_ARGS (no full register save), as livepatch does.
 */
static void notrace sima_ftrace_thunk(unsigned long ip,
				      unsigned long parent_ip,
				      struct ftrace_ops *ops,
				      struct ftrace_regs *fregs)
{
	struct sima_hook_set *set = container_of(ops, struct sima_hook_set, ops);
	unsigned int i, nr = READ_ONCE(set->nr);

	/* sima calling the original through its fentry: let it run. */
	if (within_module(parent_ip, THIS_MODULE))
		return;

	for (i = 0; i < nr; i++) {
		unsigned long wrapper = (unsigned long)set->hooks[i].wrapper;

		if (ip - set->hooks[i].addr <= FENTRY_SLACK) {
			ftrace_instruction_pointer_set(fregs, wrapper);
			return;
		}
	}
}

#ifdef CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS
#define SIMA_FTRACE_FLAGS	FTRACE_OPS_FL_IPMODIFY
#else
#define SIMA_FTRACE_FLAGS	(FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_IPMODIFY)
#endif

/*
 * Where the fentry call is the first instruction (no IBT landing pad to
 * keep), wrappers call the original just past it: a second trip through
 * ftrace per hooked call is avoided. Tracers and kprobes on the function
 * entry then do not see sima's own calls. With IBT an indirect call must
 * land on the ENDBR, so the original is called at its symbol.
 */
static unsigned long original_entry(unsigned long addr)
{
	unsigned long (*location)(unsigned long ip);

	if (IS_ENABLED(CONFIG_X86_KERNEL_IBT) || !IS_ENABLED(CONFIG_X86_64))
		return addr;
	/* ftrace_location() is not exported. */
	location = (void *)sima_kallsyms_lookup("ftrace_location");
	if (location && location(addr) == addr)
		return addr + MCOUNT_INSN_SIZE;
	return addr;
}

static long inflight_sum(void)
{
	long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(sima_hook_inflight, cpu);
	return sum;
}

/*
 * Name the target another IPMODIFY user (livepatch, a kprobe with a post
 * handler, another security module) already owns, by trying each target
 * alone. Each try needs a fresh ops: ftrace_free_filter() leaves dangling
 * hash pointers behind, so an ops is never reused. The probes' thunk
 * cannot redirect anything: their sets are empty.
 */
static void report_busy_targets(const struct sima_hook *hooks,
				unsigned int nr)
{
	struct sima_hook_set *probe;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (!hooks[i].addr)
			continue;
		probe = kzalloc(sizeof(*probe), GFP_KERNEL);
		if (!probe)
			return;
		probe->ops.func = sima_ftrace_thunk;
		probe->ops.flags = SIMA_FTRACE_FLAGS;
		if (!ftrace_set_filter_ip(&probe->ops, hooks[i].addr, 0, 0)) {
			if (register_ftrace_function(&probe->ops) == -EBUSY)
				pr_err("hook target %s is already modified by another ftrace user\n",
				       hooks[i].name);
			else
				unregister_ftrace_function(&probe->ops);
		}
		ftrace_free_filter(&probe->ops);
		kfree(probe);
	}
}

/**
 * sima_hooks_install - resolve and hook every target of a set
 * @set: the set; each hook's addr and *orig are filled in
 *
 * Targets are mandatory unless marked optional, which may be missing: a
 * missing mandatory symbol, a target ftrace cannot patch
 * (inlined or notrace) or one another IPMODIFY user owns fails the whole
 * install with a message naming it, and nothing of the set stays hooked.
 *
 * Return: 0, -ENOENT (symbol missing), -EINVAL (not ftrace-able), -EBUSY
 * (owned by another ftrace user) or another registration error.
 */
int sima_hooks_install(struct sima_hook_set *set)
{
	struct sima_hook *hooks = set->hooks;
	unsigned int i, hooked, nr = set->nr;
	int err;

	set->ops.func = sima_ftrace_thunk;
	/*
	 * PERMANENT: "sysctl kernel.ftrace_enabled=0" would otherwise switch
	 * sima off without a trace; with it the sysctl fails while we run.
	 */
	set->ops.flags = SIMA_FTRACE_FLAGS | FTRACE_OPS_FL_PERMANENT;
	for (i = 0, hooked = 0; i < nr; i++) {
		hooks[i].addr = sima_kallsyms_lookup(hooks[i].name);
		if (!hooks[i].addr && hooks[i].optional) {
			pr_info("optional hook target %s is absent\n",
				hooks[i].name);
			continue;
		}
		if (!hooks[i].addr) {
			pr_err("hook target %s is missing\n", hooks[i].name);
			err = -ENOENT;
			goto err_filter;
		}
		err = ftrace_set_filter_ip(&set->ops, hooks[i].addr, 0, 0);
		if (err) {
			pr_err("hook target %s cannot be hooked by ftrace (inlined or notrace?): %d\n",
			       hooks[i].name, err);
			goto err_filter;
		}
		*hooks[i].orig = (void *)original_entry(hooks[i].addr);
		hooked++;
	}
	/* An ops without a filter would trace every kernel function. */
	if (!hooked)
		return -ENOENT;

	err = register_ftrace_function(&set->ops);
	if (err) {
		pr_err("cannot register the ftrace hooks: %d\n", err);
		if (err == -EBUSY)
			report_busy_targets(hooks, nr);
		goto err_filter;
	}
	return 0;

err_filter:
	ftrace_free_filter(&set->ops);
	return err;
}

/**
 * sima_hooks_remove - unhook a set and wait for its wrappers to drain
 * @set: an installed set
 *
 * Tasks may sleep inside a wrapper for as long as the hooked function
 * sleeps (a FIFO open, a slow disk); removal waits for every one of them
 * and says so periodically instead of hanging silently. A wrapper that
 * runs the unload itself (delete_module) must not count as in flight.
 */
void sima_hooks_remove(struct sima_hook_set *set)
{
	unsigned long waited = 0;
	long left;

	/* Returns after RCU-tasks grace periods: no CPU is in the thunk. */
	unregister_ftrace_function(&set->ops);
	ftrace_free_filter(&set->ops);

	while ((left = inflight_sum()) > 0) {
		if (waited && !(waited % 5000))
			pr_info("unload waits for %ld task(s) inside hooks\n",
				left);
		msleep(20);
		waited += 20;
	}
	/* Covers the instructions after a wrapper's last decrement. */
	synchronize_rcu_tasks();
}
