/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - user-space allocation shims for pure files (policy parser)
 *
 * kzalloc/kcalloc/kstrdup/kfree map onto libc. A test may set the budget
 * of sima_user_alloc_budget() to make the n-th allocation fail, to walk
 * every -ENOMEM path under ASan; -1 (the default) never fails.
 */
#ifndef _SIMA_COMPAT_USER_EXTRA_H
#define _SIMA_COMPAT_USER_EXTRA_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define GFP_KERNEL	0

static inline long *sima_user_alloc_budget(void)
{
	static long budget = -1;

	return &budget;
}

static inline int sima_user_alloc_fails(void)
{
	long *budget = sima_user_alloc_budget();

	if (!*budget)
		return 1;
	if (*budget > 0)
		(*budget)--;
	return 0;
}

static inline void *sima_user_calloc(size_t n, size_t size)
{
	return sima_user_alloc_fails() ? NULL : calloc(n, size);
}

static inline char *sima_user_strdup(const char *s)
{
	return sima_user_alloc_fails() ? NULL : strdup(s);
}

#define kzalloc(size, gfp)	sima_user_calloc(1, (size))
#define kcalloc(n, size, gfp)	sima_user_calloc((n), (size))
#define kstrdup(s, gfp)		sima_user_strdup(s)
#define kfree(p)		free((void *)(p))

#endif /* _SIMA_COMPAT_USER_EXTRA_H */
