/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - appraisal: security.ima checked, enforced, fixed
 */
#ifndef _SIMA_APPRAISE_H
#define _SIMA_APPRAISE_H

#include <linux/compiler.h>
#include <linux/types.h>

#include "sima/event.h"
#include "sima/policy_match.h"

struct sima_iint;
struct sima_modsig;

extern bool sima_appraise_on;

int sima_appraise_init(unsigned int algo);

/**
 * sima_appraise_active - do appraise rules do anything (mode not off)
 *
 * Return: true unless ima_appraise=off.
 */
static inline bool sima_appraise_active(void)
{
	return READ_ONCE(sima_appraise_on);
}

bool sima_appraise_enforcing(void);
bool sima_appraise_cached(const struct sima_iint *iint, unsigned int sub);
bool sima_appraise_unverifiable(const struct inode *inode, u32 action);
int sima_appraise_file(const struct sima_event *ev, struct sima_iint *iint,
		       const struct sima_match_result *res,
		       const struct sima_modsig *ms, const char *name);
void sima_appraise_last_writer(const struct sima_event *ev,
			       struct sima_iint *iint);
int sima_appraise_xattr_event(const struct sima_event *ev);
int sima_appraise_load_data(const struct sima_event *ev);

#endif /* _SIMA_APPRAISE_H */
