// SPDX-License-Identifier: GPL-2.0
/*
 * sima - kernel variables sima reads by name, and the key restriction
 * checks it hands to the kernel
 *
 * With the gates (gate.h), the hook table and the symbol lookup itself,
 * the only code that turns a name into an address: every accessor here
 * returns a typed pointer, never something sima could call.
 * scripts/check-gates.sh holds the rest of sima to that.
 */

#include <linux/key.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "sima/kallsyms.h"
#include "sima/kernel_data.h"

/**
 * sima_kernel_command_line - the kernel's command line (saved_command_line)
 *
 * Return: the string, or NULL.
 */
const char *sima_kernel_command_line(void)
{
	char **cmdline = (char **)sima_kallsyms_lookup("saved_command_line");

	return cmdline ? *cmdline : NULL;
}

/**
 * sima_kernel_module_mutex - the mutex guarding the module list
 *
 * Return: module_mutex, or NULL.
 */
struct mutex *sima_kernel_module_mutex(void)
{
	return (struct mutex *)sima_kallsyms_lookup("module_mutex");
}

/**
 * sima_kernel_keyring - one of the kernel's system keyrings
 * @name: the variable holding it, e.g. "builtin_trusted_keys"
 *
 * Return: the keyring, or NULL where the kernel has none.
 */
struct key *sima_kernel_keyring(const char *name)
{
	struct key **k = (struct key **)sima_kallsyms_lookup(name);

	return k ? *k : NULL;
}

/**
 * sima_kernel_restrict_link - a keyring restriction check of the kernel
 * @name: the function
 *
 * Only checks the kernel itself installs on its keyrings are offered: the
 * kernel takes their address, so with IBT they keep the ENDBR its
 * indirect call through struct key_restriction needs.
 *
 * Return: the check, or NULL for another name or where the kernel lacks it.
 */
key_restrict_link_func_t sima_kernel_restrict_link(const char *name)
{
	static const char *const kernel_installed[] = {
		"restrict_link_by_key_or_keyring_chain",
		"restrict_link_by_builtin_trusted",
		"restrict_link_by_builtin_and_secondary_trusted",
	};
	unsigned long addr;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kernel_installed); i++) {
		if (strcmp(name, kernel_installed[i]))
			continue;
		addr = sima_kallsyms_lookup(name);
		return (key_restrict_link_func_t)addr;
	}
	pr_err("%s: not a restriction the kernel installs itself\n", name);
	return NULL;
}
