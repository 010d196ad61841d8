/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - IMA "func" values: what kind of access a rule or an event is about
 */
#ifndef _SIMA_FUNC_H
#define _SIMA_FUNC_H

enum sima_func {
#define SIMA_FUNC_DEF(id, name) SIMA_FUNC_##id,
#include "sima/funcs.def"
#undef SIMA_FUNC_DEF
	SIMA_NR_FUNCS
};

#endif /* _SIMA_FUNC_H */
