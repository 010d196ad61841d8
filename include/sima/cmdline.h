/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the kernel command line options native IMA would have taken
 */
#ifndef _SIMA_CMDLINE_H
#define _SIMA_CMDLINE_H

int sima_cmdline_each(void (*fn)(char *param, char *val,
				 void *priv),
		      void *priv);

#endif /* _SIMA_CMDLINE_H */
