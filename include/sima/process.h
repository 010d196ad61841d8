/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - one event through policy, hashing, measurement, appraisal, audit
 */
#ifndef _SIMA_PROCESS_H
#define _SIMA_PROCESS_H

#include "sima/event.h"

int sima_process_event(const struct sima_event *ev);

#endif /* _SIMA_PROCESS_H */
