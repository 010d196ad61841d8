/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - one line of the blacklist file (pure: built in user space too)
 */
#ifndef _SIMA_BLACKLIST_PARSE_H
#define _SIMA_BLACKLIST_PARSE_H

#include "sima/digest.h"

/**
 * struct sima_blacklist_item - what one line revokes
 * @key: a signing key, else a file digest
 * @keyid: the key id v2 signature headers name
 * @digest: the file digest and its algorithm
 */
struct sima_blacklist_item {
	bool key;
	u32 keyid;
	struct sima_digest digest;
};

int sima_blacklist_parse_line(char *line, struct sima_blacklist_item *item,
			      const char **why);

#endif /* _SIMA_BLACKLIST_PARSE_H */
