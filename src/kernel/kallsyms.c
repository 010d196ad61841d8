// SPDX-License-Identifier: GPL-2.0
/*
 * sima - finding unexported kernel functions by name
 *
 * kallsyms_lookup_name() is not exported; a kprobe on it reveals its
 * address once at load. Both kallsyms functions are called through gates
 * (gate.h). Lookups then go through
 * kallsyms_on_each_match_symbol() so that a name defined twice (two static
 * functions) or only by a module is refused instead of silently resolving
 * to the wrong function.
 */

#include <linux/kprobes.h>
#include <linux/module.h>

#include "sima/gate.h"
#include "sima/kallsyms.h"

struct symbol_hits {
	unsigned long addr;
	unsigned int count;
};

static int count_hit(void *data, unsigned long addr)
{
	struct symbol_hits *hits = data;

	if (!hits->count++)
		hits->addr = addr;
	return 0;
}

/**
 * sima_kallsyms_lookup - address of a unique vmlinux symbol
 * @name: symbol name
 *
 * Return: the address, or 0 when vmlinux has no symbol or several symbols
 * of that name.
 */
unsigned long sima_kallsyms_lookup(const char *name)
{
	struct symbol_hits hits = { };

	sima_gate_kallsyms_on_each_match_symbol(count_hit, name, &hits);
	if (hits.count != 1) {
		pr_err("symbol %s: %u definitions in vmlinux, need exactly one\n",
		       name, hits.count);
		return 0;
	}
	return hits.addr;
}

/**
 * sima_kallsyms_init - resolve the symbol iterator sima looks up with
 *
 * Return: 0, or a negative errno when kprobes cannot reveal kallsyms.
 */
int sima_kallsyms_init(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	unsigned long addr;
	int err;

	err = register_kprobe(&kp);
	if (err) {
		pr_err("cannot find kallsyms_lookup_name through kprobes: %d\n",
		       err);
		return err;
	}
	/*
	 * With IBT the probe sits just past the function's ENDBR; a gate
	 * returns there as well as to the function's start.
	 */
	addr = (unsigned long)kp.addr;
	sima_gate_addrs[SIMA_GATE_kallsyms_lookup_name] = addr;
	unregister_kprobe(&kp);

	addr = sima_gate_kallsyms_lookup_name("kallsyms_on_each_match_symbol");
	if (!addr) {
		pr_err("kallsyms_on_each_match_symbol not found\n");
		return -ENOENT;
	}
	sima_gate_addrs[SIMA_GATE_kallsyms_on_each_match_symbol] = addr;
	return 0;
}
