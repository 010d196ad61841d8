// SPDX-License-Identifier: GPL-2.0
/*
 * sima - one line of the blacklist file (pure: built in user space too)
 *
 * "key:<8 hex digits>" or "<algo>:<hex digest>", blanks around it allowed,
 * blank lines and '#' comments skipped. The rules are those of the kernel
 * helpers the parser was first written with (strim(), kstrtou32() in base
 * 16, hex2bin()), spelt out so that user space runs the same code: blanks
 * are the kernel's isspace() set, which has 0xa0; hex digits may be upper
 * case; and a key id's eight characters may start with '+' and "0x".
 */

#include "sima/blacklist_parse.h"

/* The kernel's isspace(): \t, \n, \v, \f, \r, ' ' and 0xa0. */
static bool is_blank(char c)
{
	unsigned char u = c;

	return (u >= '\t' && u <= '\r') || u == ' ' || u == 0xa0;
}

/* The line without the blanks around it, cut in place. */
static char *trim(char *s)
{
	size_t len = strlen(s);

	while (len && is_blank(s[len - 1]))
		s[--len] = '\0';
	while (is_blank(*s))
		s++;
	return s;
}

/* Eight characters: an optional '+', an optional "0x", hex digits. */
static int parse_keyid(const char *s, u32 *keyid)
{
	unsigned int d;
	u32 v = 0;

	if (strlen(s) != 8)
		return -EINVAL;
	s += *s == '+';
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; *s; s++) {
		d = sima_hex_digit(*s);
		if (d > 15)
			return -EINVAL;
		v = v << 4 | d;
	}
	*keyid = v;
	return 0;
}

/* Exactly 2 * @len hex digits into @out. */
static int parse_hex(const char *s, u8 *out, unsigned int len)
{
	unsigned int i, hi, lo;

	if (strlen(s) != 2 * len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		hi = sima_hex_digit(s[2 * i]);
		lo = sima_hex_digit(s[2 * i + 1]);
		if (hi > 15 || lo > 15)
			return -EINVAL;
		out[i] = hi << 4 | lo;
	}
	return 0;
}

static int reject(struct sima_blacklist_item *item, const char **why,
		  const char *reason)
{
	memset(item, 0, sizeof(*item));
	*why = reason;
	return -EINVAL;
}

/**
 * sima_blacklist_parse_line - parse one line written to sima/blacklist
 * @line: the line, without its newline; trimmed and cut in place
 * @item: receives the entry; zeroed unless the line is one
 * @why: receives the reason a line is refused, NULL otherwise
 *
 * Return: 0 for an entry, 1 for a line with none (blank or a comment),
 * -EINVAL for anything else.
 */
int sima_blacklist_parse_line(char *line, struct sima_blacklist_item *item,
			      const char **why)
{
	char *colon;
	int algo;

	memset(item, 0, sizeof(*item));
	*why = NULL;
	line = trim(line);
	if (!*line || *line == '#')
		return 1;
	colon = strchr(line, ':');
	if (!colon)
		return reject(item, why, "not key:<id> or <algo>:<digest>");
	*colon = '\0';
	if (!strcmp(line, "key")) {
		item->key = true;
		if (parse_keyid(colon + 1, &item->keyid))
			return reject(item, why, "a key id is 8 hex digits");
		return 0;
	}
	algo = sima_hash_algo_lookup(line);
	if (algo < 0)
		return reject(item, why, "unknown hash algorithm");
	item->digest.algo = algo;
	item->digest.len = sima_hash_digest_size(algo);
	if (parse_hex(colon + 1, item->digest.data, item->digest.len))
		return reject(item, why,
			      "digest of the wrong length or not hex");
	return 0;
}
