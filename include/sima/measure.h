/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - measuring files and buffers into the list
 */
#ifndef _SIMA_MEASURE_H
#define _SIMA_MEASURE_H

#include "sima/event.h"

int sima_measure_init(void);
void sima_measure_exit(void);
int sima_measure_event(const struct sima_event *ev);

#endif /* _SIMA_MEASURE_H */
