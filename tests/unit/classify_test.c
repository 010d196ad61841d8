// SPDX-License-Identifier: GPL-2.0
/*
 * sima - user-space runner for src/kernel/classify.c over the shared cases
 */

#include "../../src/kernel/classify.c"
#include "../vectors/classify_cases.h"
#define UNIT_SUITE "classify"
#include "unit.h"

static void test_mmap(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mmap_cases); i++) {
		const struct mmap_case *c = &mmap_cases[i];

		UNIT_EXPECT_EQ(c->name, sima_mmap_prot(c->prot, c->flags),
			       c->want_prot);
		UNIT_EXPECT_EQ(c->name, sima_mmap_is_exec(c->prot, c->flags),
			       c->want_exec);
	}
}

static void test_mprotect(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mprotect_cases); i++) {
		const struct mprotect_case *c = &mprotect_cases[i];

		UNIT_EXPECT_EQ(c->name,
			       sima_mprotect_adds_exec(c->prot, c->vma_exec,
						       c->has_file),
			       c->want);
	}
}

static void test_open(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(open_cases); i++)
		UNIT_EXPECT_EQ(open_cases[i].name,
			       sima_open_mask(open_cases[i].acc_mode),
			       open_cases[i].want);
}

static void test_ids(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(read_id_cases); i++)
		UNIT_EXPECT_EQ(read_id_cases[i].name,
			       sima_read_id_func(read_id_cases[i].id),
			       read_id_cases[i].want);
	for (i = 0; i < ARRAY_SIZE(load_id_cases); i++)
		UNIT_EXPECT_EQ(load_id_cases[i].name,
			       sima_load_id_func(load_id_cases[i].id),
			       load_id_cases[i].want);
}

int main(void)
{
	UNIT_RUN(test_mmap);
	UNIT_RUN(test_mprotect);
	UNIT_RUN(test_open);
	UNIT_RUN(test_ids);
	return unit_report();
}
