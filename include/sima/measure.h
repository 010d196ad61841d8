/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - measuring files and buffers into the list
 */
#ifndef _SIMA_MEASURE_H
#define _SIMA_MEASURE_H

#include "sima/event.h"
#include "sima/policy_match.h"

struct file;
struct sima_digest;
struct sima_modsig;

int sima_measure_init(void);
int sima_measure_boot_aggregate(void);
unsigned int sima_measure_algo(void);
u32 sima_measure_pcr(const struct sima_match_result *res);
const char *sima_measure_path(struct file *file, char *pathbuf);
const char *sima_measure_name(struct file *file, const char *path);
int sima_measure_file(const struct sima_event *ev,
		      const struct sima_match_result *res,
		      const struct sima_digest *digest,
		      const struct sima_modsig *ms, const char *path);
bool sima_measure_lists_modsig(const struct sima_match_result *res);
void sima_measure_blacklisted(const u8 *digest, u32 len,
			      const struct sima_match_result *res);
void sima_measure_direct_io(const struct sima_event *ev,
			    const struct sima_match_result *res, bool measure);
void sima_measure_buffer_event(const struct sima_event *ev,
			       const struct sima_match_result *res);
void sima_measure_violation(const struct sima_event *ev, const char *cause);

#endif /* _SIMA_MEASURE_H */
