/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - seed corpora and dictionaries of the libFuzzer targets
 *
 * A target built with -DFUZZ_SEEDS is a program that writes its cases as
 * DIR/KIND-NNN files (the target's control bytes, then the rest of the
 * input) and a libFuzzer dictionary.
 */
#ifndef _SIMA_FUZZ_SEEDS_H
#define _SIMA_FUZZ_SEEDS_H

#include <stdio.h>
#include <stdlib.h>

static inline void seed_write(const char *dir, const char *kind,
			      unsigned int i, const void *head,
			      size_t head_len, const void *body, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s-%03u", dir, kind, i);
	f = fopen(path, "wb");
	if (!f || (head_len && fwrite(head, 1, head_len, f) != head_len) ||
	    (len && fwrite(body, 1, len, f) != len) || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static inline FILE *seed_dict_open(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

/* One dictionary entry: the word in double quotes (\xNN escapes allowed). */
static inline void seed_word(FILE *f, const char *word, const char *suffix)
{
	fprintf(f, "\"%s%s\"\n", word, suffix);
}

#endif /* _SIMA_FUZZ_SEEDS_H */
