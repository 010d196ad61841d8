/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - obj_* and subj_* policy conditions, judged by the active LSM
 */
#ifndef _SIMA_LSM_H
#define _SIMA_LSM_H

#include "sima/policy_match.h"
#include "sima/policy_rule.h"

int sima_lsm_init(void);
void sima_lsm_exit(void);
int sima_lsm_check(const struct sima_policy_env *env, enum sima_lsm_key key,
		   const char *label);
int sima_lsm_match(const struct sima_match_ctx *ctx, enum sima_lsm_key key,
		   const char *label);

#endif /* _SIMA_LSM_H */
