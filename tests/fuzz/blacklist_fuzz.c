// SPDX-License-Identifier: GPL-2.0
/*
 * sima - libFuzzer target for the blacklist file:
 * src/appraise/blacklist_parse.c
 *
 * The input is one write to sima/blacklist: cut at its first NUL (as
 * memdup_user_nul() leaves it) and split into lines at '\n', as
 * blacklist_write() does; each line goes to the parser in an exact-size
 * heap block, so that ASan sees every access outside it.
 *
 * For each line: the result is an entry, nothing, or -EINVAL with a
 * reason; "nothing" means a blank line or a comment; a refused line
 * leaves a zeroed item. An entry must print (as reading sima/blacklist
 * shows it) to a line that parses back to the same entry and prints the
 * same, and so must that print with blanks around it and its hex in upper
 * case; a digest has its algorithm's length; and the line, trimmed, must
 * say the entry: be its print but for case (or, for a key id, a '+' or
 * "0x" in its 8 characters).
 *
 * The Makefile names blacklist_fuzz_one() LLVMFuzzerTestOneInput with -D.
 * Built with -DFUZZ_SEEDS, the file is a program that writes the cases of
 * tests/vectors/blacklist_cases.h as a seed corpus, and a dictionary.
 */

#include "compat_user_extra.h"
#include "../../src/appraise/blacklist_parse.c"

#include <ctype.h>
#include <stdint.h>

int blacklist_fuzz_one(const uint8_t *data, size_t size);

/* "sha512:" and 128 digits, or "key:" and 8, and a NUL. */
#define PRINT_MAX	(16 + 2 * SIMA_HASH_MAX_DIGEST_SIZE)

static void fail(const char *what, const char *line)
{
	fprintf(stderr, "blacklist_fuzz: %s\n  line: \"%s\"\n", what, line);
	abort();
}

/* The line reading sima/blacklist shows for an entry. */
static void print_item(const struct sima_blacklist_item *item, char *out)
{
	unsigned int i;
	int n;

	if (item->key) {
		snprintf(out, PRINT_MAX, "key:%08x", item->keyid);
		return;
	}
	n = snprintf(out, PRINT_MAX, "%s:",
		     sima_hash_algo_name(item->digest.algo));
	for (i = 0; i < item->digest.len; i++)
		n += snprintf(out + n, PRINT_MAX - n, "%02x",
			      item->digest.data[i]);
}

/* Parses @text (a copy) and checks what holds of any line. */
static int parse(const char *text, struct sima_blacklist_item *item)
{
	static const struct sima_blacklist_item zero;
	size_t len = strlen(text);
	char *line = malloc(len + 1);
	const char *why = "unset";
	bool refused;
	int ret;

	if (!line)
		abort();
	memcpy(line, text, len + 1);
	ret = sima_blacklist_parse_line(line, item, &why);
	free(line);
	if (ret != 0 && ret != 1 && ret != -EINVAL)
		fail("result out of range", text);
	refused = ret < 0;
	if (refused != !!why || (why && !*why))
		fail("a reason exactly for a refused line", text);
	if (ret && memcmp(item, &zero, sizeof(zero)))
		fail("an item left by a line that has none", text);
	if (!ret && !item->key &&
	    (item->digest.algo >= SIMA_HASH_ALGO__LAST ||
	     item->digest.len != sima_hash_digest_size(item->digest.algo)))
		fail("a digest of the wrong length", text);
	return ret;
}

/* Nothing but blanks, or a comment, once blanks are skipped. */
static bool is_empty(const char *text)
{
	while (is_blank(*text))
		text++;
	return !*text || *text == '#';
}

/*
 * The entry is what the line says: trimmed, it is the print but for the
 * case of its hex, or for a key id with '+' or "0x" in its 8 characters.
 */
static void check_said(const char *print, const char *text, u32 keyid)
{
	size_t len = strlen(text);
	const char *digits;
	char *end;

	while (len && is_blank(text[len - 1]))
		len--;
	while (is_blank(*text)) {
		text++;
		len--;
	}
	if (len == strlen(print) && !strncasecmp(text, print, len))
		return;
	digits = text + 4;
	if (len != 12 || strncmp(text, "key:", 4) ||
	    (*digits != '+' && strncasecmp(digits, "0x", 2)) ||
	    strtoul(digits, &end, 16) != keyid || end != text + len)
		fail("the entry is not what the line says", text);
}

/* The print and its variants must come back as the same entry. */
static void check_print(const struct sima_blacklist_item *item,
			const char *text)
{
	char print[PRINT_MAX], variant[PRINT_MAX + 8], again[PRINT_MAX];
	struct sima_blacklist_item back;
	char *colon;
	size_t i;

	print_item(item, print);
	check_said(print, text, item->keyid);
	if (parse(print, &back) || memcmp(&back, item, sizeof(back)))
		fail("the print does not parse back to the entry", text);
	print_item(&back, again);
	if (strcmp(print, again))
		fail("the print of the print differs", text);
	snprintf(variant, sizeof(variant), " \t%s\xa0\r", print);
	colon = strchr(variant, ':');
	for (i = colon - variant; variant[i]; i++)
		variant[i] = toupper((unsigned char)variant[i]);
	if (parse(variant, &back) || memcmp(&back, item, sizeof(back)))
		fail("blanks or upper case change the entry", text);
}

int blacklist_fuzz_one(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *cur, *line;
	struct sima_blacklist_item item;
	bool none;
	int ret;

	if (!buf)
		abort();
	memcpy(buf, data, size);
	buf[size] = '\0';
	cur = buf;
	while ((line = strsep(&cur, "\n"))) {
		ret = parse(line, &item);
		none = ret == 1;
		if (none != is_empty(line))
			fail("nothing is not \"a blank line or a comment\"",
			     line);
		if (!ret)
			check_print(&item, line);
	}
	free(buf);
	return 0;
}

#ifdef FUZZ_SEEDS
#include "../vectors/blacklist_cases.h"
#include "seeds.h"

static void write_seed(const char *dir, unsigned int i, const char *text)
{
	seed_write(dir, "line", i, NULL, 0, text, strlen(text));
}

int main(int argc, char **argv)
{
	static const char lines[] =
		"key:01020304\n# two\nmd5:00112233445566778899aabbccddeeff\n\n";
	unsigned int i;
	FILE *dict;

	if (argc != 3) {
		fprintf(stderr, "usage: %s CORPUS-DIR DICT-FILE\n", argv[0]);
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(blacklist_cases); i++)
		write_seed(argv[1], i, blacklist_cases[i].line);
	write_seed(argv[1], i, lines);
	dict = seed_dict_open(argv[2]);
	seed_word(dict, "key:", "");
	seed_word(dict, "0x", "");
	seed_word(dict, "\\xa0", "");
	seed_word(dict, "\\x0a", "");
	for (i = 0; i < SIMA_HASH_ALGO__LAST; i++)
		seed_word(dict, sima_hash_algo_name(i), ":");
	fclose(dict);
	return 0;
}
#endif /* FUZZ_SEEDS */
