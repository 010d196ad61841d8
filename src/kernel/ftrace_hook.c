// SPDX-License-Identifier: GPL-2.0
/*
 * sima - redirecting hooked functions to their wrappers through ftrace
 *
 * Each hook set is one ftrace_ops whose targets' fentry calls become
 * direct calls to sima_hook_entry (src/kernel/ftrace_entry.S), which jumps to
 * the target's wrapper. A hooked call thus costs a call and a short table
 * scan, not ftrace's register save and callback. One ops per set, so that
 * install and removal pay ftrace's RCU-tasks synchronisation once.
 */

#include <linux/delay.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/utsname.h>

#include "sima/gate.h"
#include "sima/kallsyms.h"
#include "kernel/hook.h"
#include "kernel_api.h"

/*
 * Tasks currently inside a wrapper (or inside the original called from
 * one). Per-CPU: a task may enter on one CPU and leave on another, only the
 * sum over CPUs is meaningful. Every increment happens before unload has
 * unregistered the ops, so once removal has started the sum only shrinks.
 */
DEFINE_PER_CPU(long, sima_hook_inflight);

/*
 * What sima_hook_entry scans: per target, the address its fentry call
 * returns to and the wrapper to run instead, in the order sets were
 * installed (each hottest first), ended by a zero entry. Entries are
 * written before their targets are registered and never change after;
 * those of a removed set stay, unreachable, until the module goes.
 */
struct sima_hook_site {
	unsigned long ret;
	unsigned long wrapper;
};

#define SIMA_HOOK_SITES_MAX	32
struct sima_hook_site sima_hook_sites[SIMA_HOOK_SITES_MAX + 1];
/* Used entries of sima_hook_sites; protected by sites_mutex. */
static unsigned int nr_sites;
static DEFINE_MUTEX(sites_mutex);

static long inflight_sum(void)
{
	long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(sima_hook_inflight, cpu);
	return sum;
}

/*
 * Name the target another ftrace user already owns (livepatch, a kprobe
 * with a post handler, a BPF trampoline), by trying each target alone.
 * Each try needs a fresh ops: ftrace_free_filter() leaves dangling hash
 * pointers behind, so an ops is never reused.
 */
static void report_busy_targets(const struct sima_hook *hooks,
				unsigned int nr)
{
	unsigned long entry = (unsigned long)sima_hook_entry;
	struct ftrace_ops *probe;
	unsigned long fentry;
	unsigned int i;
	int err;

	for (i = 0; i < nr; i++) {
		if (!hooks[i].addr)
			continue;
		probe = kzalloc(sizeof(*probe), GFP_KERNEL);
		if (!probe)
			return;
		fentry = sima_gate_ftrace_location(hooks[i].addr);
		if (!ftrace_set_filter_ip(probe, fentry, 0, 0)) {
			err = sima_ftrace_direct_add(probe, entry);
			if (err == -EBUSY)
				pr_err("hook target %s is already modified by another ftrace user\n",
				       hooks[i].name);
			else if (!err)
				sima_ftrace_direct_remove(probe, entry);
		}
		ftrace_free_filter(probe);
		kfree(probe);
	}
}

/*
 * Make the ops PERMANENT, which the registration does not
 * keep: "sysctl kernel.ftrace_enabled=0" would otherwise turn every
 * fentry call back into a nop and switch sima off without a trace; with
 * it, the sysctl fails while sima runs. A sysctl that raced with the
 * registration is caught by reading the setting after the flag is set.
 */
static int make_permanent(struct ftrace_ops *ops)
{
	int *enabled = (int *)sima_kallsyms_lookup("ftrace_enabled");

	ops->flags |= FTRACE_OPS_FL_PERMANENT;
	smp_mb();	/* the flag before the setting, as the sysctl does */
	if (!enabled || !READ_ONCE(*enabled)) {
		pr_err("ftrace is disabled (kernel.ftrace_enabled=0)\n");
		return -EBUSY;
	}
	return 0;
}

#ifdef CONFIG_FAULT_INJECTION
/* Debug kernels: a test makes a mandatory target look absent. */
static char *absent_target;
module_param(absent_target, charp, 0444);
MODULE_PARM_DESC(absent_target, "Fault injection: treat this hook target as missing (default: none)");

static unsigned long target_address(const char *name)
{
	if (absent_target && !strcmp(name, absent_target))
		return 0;
	return sima_kallsyms_lookup(name);
}
#else
static unsigned long target_address(const char *name)
{
	return sima_kallsyms_lookup(name);
}
#endif

/* Forget a set's sites; nothing reads them while it is not registered. */
static void forget_sites(struct sima_hook_set *set)
{
	ftrace_free_filter(&set->ops);
	memset(&sima_hook_sites[set->first_site], 0,
	       (nr_sites - set->first_site) * sizeof(sima_hook_sites[0]));
	nr_sites = set->first_site;
}

/**
 * sima_hooks_resolve - find every target of a set, hook nothing yet
 * @set: the set; each hook's addr and original's gate are filled in
 *
 * Run before sima touches the TPM or the list, so that a kernel lacking a
 * target refuses the load with no trace. Targets are mandatory unless
 * marked optional: a missing mandatory symbol or a target ftrace cannot
 * patch (inlined or notrace) fails with a message naming it.
 *
 * Return: 0, -ENOENT (symbol missing), -EINVAL (not ftrace-able) or
 * -ENOSPC (more targets than sima_hook_sites holds).
 */
int sima_hooks_resolve(struct sima_hook_set *set)
{
	struct sima_hook *hooks = set->hooks;
	unsigned int i, nr = set->nr;
	unsigned long fentry, past;
	int err = 0;

	mutex_lock(&sites_mutex);
	set->first_site = nr_sites;
	for (i = 0; i < nr; i++) {
		hooks[i].addr = target_address(hooks[i].name);
		if (!hooks[i].addr && hooks[i].optional) {
			pr_info("optional hook target %s is absent\n",
				hooks[i].name);
			continue;
		}
		if (!hooks[i].addr) {
			pr_err("hook target %s is missing from kernel %s\n",
			       hooks[i].name, init_utsname()->release);
			err = -ENOENT;
			continue;	/* name every missing target */
		}
		fentry = sima_gate_ftrace_location(hooks[i].addr);
		if (!fentry || ftrace_set_filter_ip(&set->ops, fentry, 0, 0)) {
			pr_err("hook target %s cannot be hooked by ftrace (inlined or notrace?)\n",
			       hooks[i].name);
			err = -EINVAL;
			continue;
		}
		if (nr_sites == SIMA_HOOK_SITES_MAX) {
			err = -ENOSPC;
			break;
		}
		/*
		 * Where the fentry call returns to, and where the gate enters
		 * the original: past that call, so it is not redirected again.
		 */
		past = fentry + MCOUNT_INSN_SIZE;
		*hooks[i].orig = past;
		sima_hook_sites[nr_sites].ret = past;
		sima_hook_sites[nr_sites].wrapper =
			(unsigned long)hooks[i].wrapper;
		nr_sites++;
	}
	/* An ops without a filter would trace every kernel function. */
	if (!err && nr_sites == set->first_site)
		err = -ENOENT;
	if (err)
		forget_sites(set);
	mutex_unlock(&sites_mutex);
	return err;
}

/**
 * sima_hooks_forget - drop what sima_hooks_resolve() set up
 * @set: a resolved set that is not (or no longer) installed
 */
void sima_hooks_forget(struct sima_hook_set *set)
{
	mutex_lock(&sites_mutex);
	forget_sites(set);
	mutex_unlock(&sites_mutex);
}

/**
 * sima_hooks_install - hook every target of a resolved set
 * @set: the set
 *
 * A target another ftrace user owns fails the install with a message
 * naming it, and nothing of the set stays hooked.
 *
 * Return: 0, -EBUSY (owned by another ftrace user, or ftrace disabled) or
 * another registration error.
 */
int sima_hooks_install(struct sima_hook_set *set)
{
	unsigned long entry = (unsigned long)sima_hook_entry;
	int err;

	err = sima_ftrace_direct_add(&set->ops, entry);
	if (err) {
		pr_err("cannot register the ftrace hooks: %d\n", err);
		if (err == -EBUSY)
			report_busy_targets(set->hooks, set->nr);
		return err;
	}
	err = make_permanent(&set->ops);
	if (err)
		sima_ftrace_direct_remove(&set->ops, entry);
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

	/*
	 * Returns after RCU-tasks grace periods (the ops lives in module
	 * memory): no task is between a fentry call and a wrapper's count.
	 */
	sima_ftrace_direct_remove(&set->ops, (unsigned long)sima_hook_entry);

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
