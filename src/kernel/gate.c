// SPDX-License-Identifier: GPL-2.0
/*
 * sima - resolving the gates (see include/sima/gate.h)
 *
 * The addresses are written once, at load, and are read-only afterwards:
 * nothing can later turn a gate towards another function.
 */

#include <linux/cache.h>
#include <linux/printk.h>

#include "sima/gate.h"
#include "sima/kallsyms.h"

unsigned long sima_gate_addrs[SIMA_NR_GATES] __ro_after_init;

static const struct {
	const char *name;
	bool required;
} gates[SIMA_NR_GATES] = {
#define SIMA_GATE(sym, req) { #sym, req },
#include "sima/gates.def"
#undef SIMA_GATE
};

/**
 * sima_gates_init - find the function behind every gate
 *
 * The kallsyms gates are already set (sima_kallsyms_init() bootstraps
 * them). Every missing required function is named before the load fails.
 *
 * Return: 0, or -ENOENT if the kernel lacks a required function.
 */
int sima_gates_init(void)
{
	unsigned int i;
	int err = 0;

	for (i = 0; i < SIMA_NR_GATES; i++) {
		if (!sima_gate_addrs[i])
			sima_gate_addrs[i] =
				sima_kallsyms_lookup(gates[i].name);
		if (sima_gate_addrs[i] || !gates[i].required)
			continue;
		pr_err("kernel function %s is missing\n", gates[i].name);
		err = -ENOENT;
	}
	return err;
}
