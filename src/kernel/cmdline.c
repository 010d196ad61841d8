// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the kernel command line options native IMA would have taken
 *
 * On a kernel built without IMA, ima_policy=, ima_hash=, ima_template= and
 * the like on the command line are unclaimed: sima honours them, so a boot
 * configuration written for upstream IMA keeps working.
 */

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "sima/cmdline.h"
#include "sima/kernel_data.h"

/**
 * sima_cmdline_each - call @fn for each kernel command line option
 * @fn: gets the option's name and value (NULL for a bare flag); both
 *	strings are valid, and may be modified, only during the call
 * @priv: passed to @fn
 *
 * Stops at "--", where init's arguments begin.
 *
 * Return: 0, or -ENOMEM.
 */
int sima_cmdline_each(void (*fn)(char *param, char *val,
				 void *priv),
		      void *priv)
{
	const char *cmdline = sima_kernel_command_line();
	char *copy, *args, *param, *val;

	if (!cmdline)
		return 0;
	copy = kstrdup(cmdline, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	args = skip_spaces(copy);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		fn(param, val, priv);
	}
	kfree(copy);
	return 0;
}
