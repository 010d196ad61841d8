/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the measurement list
 */
#ifndef _SIMA_MLIST_H
#define _SIMA_MLIST_H

#include <linux/types.h>

struct seq_file;

/**
 * struct sima_mlist_event - one measurement to record
 * @pcr: the PCR it is extended into
 * @violation: a violation: no digest, 0xff.. extended, never de-duplicated
 * @walk: feeds the bytes the template digest covers to @update
 * @render: writes the binary record for a SHA-1 template digest into
 *	@buf of @size bytes; returns the record length (snprintf-like)
 * @priv: for @walk and @render
 */
struct sima_mlist_event {
	u32 pcr;
	bool violation;
	void (*walk)(const void *priv,
		     void (*update)(void *ctx, const void *p, size_t n),
		     void *ctx);
	size_t (*render)(const void *priv, u32 pcr, const u8 *sha1, u8 *buf,
			 size_t size);
	const void *priv;
};

/**
 * struct sima_mlist_record - one binary record, as the list stores it
 * @len: bytes in @data
 * @data: binary_runtime_measurements bytes of the entry
 */
struct sima_mlist_record {
	u32 len;
	const u8 *data;
};

int sima_mlist_init(unsigned int algo);
void sima_mlist_exit(void);
int sima_mlist_add(const struct sima_mlist_event *ev, int *tpm_result);
bool sima_mlist_get(unsigned long index, struct sima_mlist_record *rec);
unsigned long sima_mlist_count(void);
unsigned long sima_mlist_violations(void);

#endif /* _SIMA_MLIST_H */
