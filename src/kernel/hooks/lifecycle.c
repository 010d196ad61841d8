// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the hooks' start and stop, for the hook table of the kernel
 * series sima is built for (sima_hook_table, in its hooks.c)
 */

#include <linux/kernel.h>

#include "kernel/hook.h"
#include "kernel/hooks/wrappers.h"

/* Cleared first on unload: wrappers keep calling the original, silently. */
bool sima_hooks_live;

static struct sima_hook_set sima_hooks = {
	.hooks = sima_hook_table,
	.nr = SIMA_NR_TARGETS,
};

/**
 * sima_hooks_prepare - find every call site, before sima measures anything
 *
 * Return: 0, or the error of sima_series_prepare() or
 * sima_hooks_resolve() (already reported).
 */
int sima_hooks_prepare(void)
{
	int err;

	err = sima_series_prepare();
	if (err)
		return err;
	return sima_hooks_resolve(&sima_hooks);
}

/**
 * sima_hooks_unprepare - undo sima_hooks_prepare(), the hooks removed
 */
void sima_hooks_unprepare(void)
{
	sima_hooks_forget(&sima_hooks);
}

/**
 * sima_hooks_init - hook every IMA/EVM call site and start reporting
 *
 * Return: 0, or the error of sima_hooks_install() (already reported).
 */
int sima_hooks_init(void)
{
	int err;

	err = sima_hooks_install(&sima_hooks);
	if (!err)
		WRITE_ONCE(sima_hooks_live, true);
	return err;
}

/**
 * sima_hooks_exit - unhook every call site; returns once no task is inside
 */
void sima_hooks_exit(void)
{
	/* Wrappers still running keep calling the original, silently. */
	WRITE_ONCE(sima_hooks_live, false);
	sima_hooks_remove(&sima_hooks);
}
