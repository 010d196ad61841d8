/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/appraise/blacklist_parse.c, shared by tests/unit
 * and the fuzzer's seed corpus
 *
 * Each line is what blacklist_write() hands the parser: one line of the
 * write, its newline already cut (a "\n" here stands for a line the
 * caller split elsewhere). The wanted results are those of the parser as
 * first written with strim(), kstrtou32() and hex2bin().
 */
#ifndef _SIMA_BLACKLIST_CASES_H
#define _SIMA_BLACKLIST_CASES_H

#include "sima/blacklist_parse.h"

struct blacklist_case {
	const char *name;
	const char *line;
	int want;		/* 0: an entry, 1: none, else -EINVAL */
	bool key;
	u32 keyid;
	int algo;		/* for a digest */
	const char *hex;	/* the digest, lower case */
};

#define D256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define U256 "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
#define D63 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"
#define D32 "0123456789abcdef0123456789abcdef"
#define D31 "0123456789abcdef0123456789abcde"
#define D1 "00112233445566778899aabbccddeeff00112233"

#define KEY(name, line, id) { name, line, .key = true, .keyid = id }
#define DIGEST(name, line, id, digest) \
	{ name, line, .algo = SIMA_HASH_ALGO_##id, .hex = digest }
#define BAD(name, line) { name, line, .want = -EINVAL }
#define NONE(name, line) { name, line, .want = 1 }

static const struct blacklist_case blacklist_cases[] = {
	KEY("key", "key:0a1b2c3d", 0x0a1b2c3d),
	KEY("key, zero", "key:00000000", 0),
	KEY("key, all ones", "key:ffffffff", 0xffffffff),
	KEY("key, upper case", "key:DEADBEEF", 0xdeadbeef),
	KEY("key, mixed case", "key:DeadBeef", 0xdeadbeef),
	KEY("key, 0x in the eight", "key:0x123456", 0x123456),
	KEY("key, 0X in the eight", "key:0X12345f", 0x12345f),
	KEY("key, + in the eight", "key:+1234567", 0x1234567),
	KEY("key, +0x in the eight", "key:+0x12345", 0x12345),
	BAD("key, 0x then +", "key:0x+12345"),
	BAD("key, only 0x", "key:0x"),
	BAD("key, seven digits", "key:1234567"),
	BAD("key, nine digits", "key:123456789"),
	BAD("key, empty", "key:"),
	BAD("key, bad hex", "key:0a1b2c3g"),
	BAD("key, minus", "key:-1234567"),
	BAD("key, blank inside", "key: 1234567"),
	BAD("key, blank before the colon", "key :12345678"),
	BAD("key, second colon", "key:1234:678"),
	BAD("key, upper-case tag", "KEY:12345678"),
	KEY("key, trailing blanks", "key:12345678 \t ", 0x12345678),
	KEY("key, trailing newline", "key:12345678\n", 0x12345678),
	KEY("key, trailing CR", "key:12345678\r", 0x12345678),
	KEY("key, leading blanks", " \tkey:12345678", 0x12345678),
	KEY("key, trailing 0xa0", "key:12345678\xa0", 0x12345678),
	BAD("key, trailing control character", "key:12345678\x01"),
	DIGEST("sha256", "sha256:" D256, SHA256, D256),
	DIGEST("sha256, upper case", "sha256:" U256, SHA256, D256),
	DIGEST("sha1", "sha1:" D1, SHA1, D1),
	DIGEST("sha256, blanks around", "  sha256:" D256 "\t\r\n", SHA256,
	       D256),
	BAD("sha256, one digit short", "sha256:" D63),
	BAD("sha256, one digit long", "sha256:" D256 "0"),
	BAD("sha256 tag, sha1 digest", "sha256:" D1),
	BAD("sha1 tag, sha256 digest", "sha1:" D256),
	BAD("sha256, bad hex", "sha256:" D63 "g"),
	BAD("sha256, blank inside", "sha256:" D32 " " D31),
	BAD("sha256, 0x prefix", "sha256:0x" D31 D31),
	BAD("sha256, empty digest", "sha256:"),
	BAD("sha256, second colon", "sha256::" D256),
	BAD("upper-case algo", "SHA256:" D256),
	BAD("unknown algo", "blake2b-256:" D256),
	BAD("empty algo", ":" D256),
	BAD("blank before the colon", "sha256 :" D256),
	BAD("no colon", "0a1b2c3d"),
	BAD("only a colon", ":"),
	NONE("empty line", ""),
	NONE("blank line", " \t\r\v\f"),
	NONE("newline only", "\n"),
	NONE("comment", "# revoked 2024"),
	NONE("comment after blanks", "   #key:zz"),
	BAD("comment sign later", "key:12345678 # note"),
};

#undef NONE
#undef BAD
#undef DIGEST
#undef KEY

#undef D1
#undef D63
#undef D32
#undef D31
#undef U256
#undef D256

#endif /* _SIMA_BLACKLIST_CASES_H */
