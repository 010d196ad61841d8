/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/measure/template.c and
 * src/measure/template_render.c, shared by KUnit, tests/unit and the
 * fuzzer's seed corpus
 *
 * Byte strings are lower-case hex. Expected field data and records use
 * little-endian integers: the tests encode with the canonical flag, and
 * compare the native encoding with it on little-endian hosts. Expected
 * values follow spec section 4 (the three "spec 12.3" digests are the
 * published ones); the golden lists under shared/testdata check the same
 * code against what upstream 6.1 wrote.
 */
#ifndef _SIMA_TEMPLATE_CASES_H
#define _SIMA_TEMPLATE_CASES_H

#include "sima/template.h"

#define F(id) SIMA_TEMPLATE_FIELD_##id

/* ima_template_fmt= strings: accepted with their fields, or refused. */
struct template_fmt_case {
	const char *name;
	const char *fmt;
	int err;
	unsigned int nr_fields;
	u8 fields[SIMA_TEMPLATE_MAX_FIELDS];
};

static const struct template_fmt_case template_fmt_cases[] = {
	{ "ima-ng", "d-ng|n-ng", 0, 2, { F(D_NG), F(N_NG) } },
	{ "legacy", "d|n", 0, 2, { F(D), F(N) } },
	{ "one field", "sig", 0, 1, { F(SIG) } },
	{ "tcb-custom-fmt", "d-ng|n-ng|sig|iuid|igid|imode", 0, 6,
	  { F(D_NG), F(N_NG), F(SIG), F(IUID), F(IGID), F(IMODE) } },
	{ "every field",
	  "d|n|d-ng|d-ngv2|n-ng|sig|buf|d-modsig|modsig|evmsig|iuid|igid|imode|xattrnames|xattrlengths",
	  0, 15, { F(D), F(N), F(D_NG), F(D_NGV2), F(N_NG), F(SIG), F(BUF),
		   F(D_MODSIG), F(MODSIG), F(EVMSIG), F(IUID), F(IGID),
		   F(IMODE), F(XATTRNAMES), F(XATTRLENGTHS) } },
	{ "duplicates are accepted", "n-ng|n-ng|d-ng", 0, 3,
	  { F(N_NG), F(N_NG), F(D_NG) } },
	{ "xattrvalues", "xattrvalues", 0, 1, { F(XATTRVALUES) } },
	{ "fifteen fields",
	  "buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf", 0,
	  15, { F(BUF), F(BUF), F(BUF), F(BUF), F(BUF), F(BUF), F(BUF),
		F(BUF), F(BUF), F(BUF), F(BUF), F(BUF), F(BUF), F(BUF),
		F(BUF) } },
	{ "sixteen fields",
	  "buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf",
	  -EINVAL, 0, {} },
	{ "sixteen empty fields", "|||||||||||||||", -EINVAL, 0, {} },
	{ "too many fields beats an unknown one",
	  "x|x|x|x|x|x|x|x|x|x|x|x|x|x|x|x", -EINVAL, 0, {} },
	{ "empty string", "", -EINVAL, 0, {} },
	{ "leading bar", "|d-ng", -EINVAL, 0, {} },
	{ "trailing bar", "d-ng|", -EINVAL, 0, {} },
	{ "empty middle field", "d-ng||n-ng", -EINVAL, 0, {} },
	{ "unknown field", "d-ng|name", -ENOENT, 0, {} },
	{ "unknown field first, then an empty one", "foo||", -ENOENT, 0, {} },
	{ "empty field first, then an unknown one", "|foo", -EINVAL, 0, {} },
	{ "seventeen characters", "abcdefghijklmnopq", -EINVAL, 0, {} },
	{ "sixteen characters, unknown", "abcdefghijklmnop", -ENOENT, 0, {} },
	{ "a template name is not a field", "ima-ng", -ENOENT, 0, {} },
	{ "case matters", "D-NG", -ENOENT, 0, {} },
	{ "prefix of a field", "d-n", -ENOENT, 0, {} },
	{ "field with a suffix", "d-ngv", -ENOENT, 0, {} },
	{ "blank is not a separator", "d-ng n-ng", -ENOENT, 0, {} },
	{ "comma is not a separator", "d-ng,n-ng", -ENOENT, 0, {} },
};

/* Builtin lookup by name or by exact format string. */
struct template_find_case {
	const char *query;
	const char *want;	/* name of the template found, NULL: none */
};

static const struct template_find_case template_find_cases[] = {
	{ "ima", "ima" },
	{ "ima-ng", "ima-ng" },
	{ "ima-sig", "ima-sig" },
	{ "ima-ngv2", "ima-ngv2" },
	{ "ima-sigv2", "ima-sigv2" },
	{ "ima-buf", "ima-buf" },
	{ "ima-modsig", "ima-modsig" },
	{ "evm-sig", "evm-sig" },
	{ "d|n", "ima" },
	{ "d-ng|n-ng", "ima-ng" },
	{ "d-ng|n-ng|sig", "ima-sig" },
	{ "d-ngv2|n-ng|sig", "ima-sigv2" },
	{ "d-ng|n-ng|buf", "ima-buf" },
	{ "d-ng|n-ng|sig|d-modsig|modsig", "ima-modsig" },
	{ "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|iuid|igid|imode",
	  "evm-sig" },
	{ "ima-sigv3", NULL },
	{ "IMA-NG", NULL },
	{ "ima-ng ", NULL },
	{ "d-ng|n-ng|", NULL },
	{ "n-ng|d-ng", NULL },
	{ "", NULL },
};

#undef F

/* Long paths: 253, 254, 256 and 300 (with a blank) characters. */
#define NAME_253 "/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
#define NAME_254 "/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdepppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp"
#define NAME_256 "/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"
#define NAME_300 "/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdewith spacexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

struct template_case_xattr {
	const char *name;
	const char *value;
};

/*
 * One event encoded with a template (a builtin name, or a format string
 * that makes a custom template), its expected fields, SHA-1 template
 * digest, ASCII line and, for some, the whole binary record. The input
 * members mirror struct sima_template_input; byte strings are hex and
 * NULL means absent.
 */
struct template_encode_case {
	const char *name;
	const char *template;
	u32 pcr;		/* 0 means 10 */
	bool violation;
	bool verity;
	bool has_file;
	unsigned int algo;
	const char *digest;
	const char *legacy;
	const char *ename;
	const char *dentry;
	const char *ima_xattr;
	const char *evm_xattr;
	const char *buf;
	const char *modsig;
	unsigned int modsig_algo;
	const char *modsig_digest;
	u32 uid;
	u32 gid;
	u16 mode;
	struct template_case_xattr xattrs[3];
	unsigned int nr_xattrs;
	int err;
	const char *want[SIMA_TEMPLATE_MAX_FIELDS];
	const char *sha1;
	const char *ascii;
	const char *record;
};

static const struct template_encode_case template_encode_cases[] = {
	{ .name = "ima-ng boot_aggregate, sha256, no TPM (spec 12.3)",
	  .template = "ima-ng",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"0000000000000000000000000000000000000000000000000000000000000000",
	  .ename = "boot_aggregate",
	  .want = {
		"7368613235363a000000000000000000000000000000000000000000000000000000000000000000",
		"626f6f745f61676772656761746500",
	  },
	  .sha1 = "0adefe762c149c7cec19da62f0da1297fcfbffff",
	  .ascii =
		"10 0adefe762c149c7cec19da62f0da1297fcfbffff ima-ng sha256:0000000000000000000000000000000000000000000000000000000000000000 boot_aggregate\n",
	},
	{ .name = "ima-ng boot_aggregate, sha1, no TPM (spec 12.3)",
	  .template = "ima-ng",
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "0000000000000000000000000000000000000000",
	  .ename = "boot_aggregate",
	  .want = {
		"736861313a000000000000000000000000000000000000000000",
		"626f6f745f61676772656761746500",
	  },
	  .sha1 = "1d8d532d463c9f8c205d0df7787669a85f93e260",
	  .ascii =
		"10 1d8d532d463c9f8c205d0df7787669a85f93e260 ima-ng sha1:0000000000000000000000000000000000000000 boot_aggregate\n",
	},
	{ .name = "ima boot_aggregate, sha1, no TPM (spec 12.3)",
	  .template = "ima",
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "0000000000000000000000000000000000000000",
	  .ename = "boot_aggregate",
	  .want = {
		"0000000000000000000000000000000000000000",
		"626f6f745f61676772656761746500",
	  },
	  .sha1 = "719de8e521439498e9b77f6ed41e230b9821111e",
	  .ascii =
		"10 719de8e521439498e9b77f6ed41e230b9821111e ima 0000000000000000000000000000000000000000 boot_aggregate\n",
	  .record =
		"0a000000719de8e521439498e9b77f6ed41e230b9821111e03000000696d6100000000000000000000000000000000000000000e000000626f6f745f616767726567617465",
	},
	{ .name = "ima-ng file, spaces become underscores",
	  .template = "ima-ng",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/mnt/with space (deleted)",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f6d6e742f776974685f73706163655f2864656c657465642900",
	  },
	  .sha1 = "ab867694d2bcb8a4009b77dedc34e2e5bfd5b222",
	  .ascii =
		"10 ab867694d2bcb8a4009b77dedc34e2e5bfd5b222 ima-ng sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /mnt/with_space_(deleted)\n",
	  .record =
		"0a000000ab867694d2bcb8a4009b77dedc34e2e5bfd5b22206000000696d612d6e674a000000280000007368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f1a0000002f6d6e742f776974685f73706163655f2864656c657465642900",
	},
	{ .name = "ima-ng violation: zeros of ima_hash size",
	  .template = "ima-ng",
	  .violation = true, .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA512,
	  .ename = "/var/log/x",
	  .want = {
		"7368613531323a0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
		"2f7661722f6c6f672f7800",
	  },
	  .sha1 = "0000000000000000000000000000000000000000",
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima-ng sha512:00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 /var/log/x\n",
	},
	{ .name = "ima-ng pcr 8 prints with a leading blank",
	  .template = "ima-ng",
	  .pcr = 8,
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA224,
	  .digest = "101112131415161718191a1b1c1d1e1f202122232425262728292a2b",
	  .ename = "/bin/sh",
	  .want = {
		"7368613232343a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b",
		"2f62696e2f736800",
	  },
	  .sha1 = "dd5f9735fec42c2a2ca5cd3390ee89b47cb915bb",
	  .ascii =
		" 8 dd5f9735fec42c2a2ca5cd3390ee89b47cb915bb ima-ng sha224:101112131415161718191a1b1c1d1e1f202122232425262728292a2b /bin/sh\n",
	},
	{ .name = "ima-sig unsigned: line ends in a blank",
	  .template = "ima-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/etc/passwd",
	  .ima_xattr =
		"0404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f6574632f70617373776400",
		"",
	  },
	  .sha1 = "e16347a580884c76d670abb683cdb35928867c69",
	  .ascii =
		"10 e16347a580884c76d670abb683cdb35928867c69 ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /etc/passwd\x20\n",
	  .record =
		"0a000000e16347a580884c76d670abb683cdb35928867c6907000000696d612d73696740000000280000007368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f0c0000002f6574632f7061737377640000000000",
	},
	{ .name = "ima-sig with an IMA signature (type 3)",
	  .template = "ima-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/bin/true",
	  .ima_xattr = "030204f6ffc6ae0004deadbeef",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f62696e2f7472756500",
		"030204f6ffc6ae0004deadbeef",
	  },
	  .sha1 = "663165b7813d6a01d133f94e6d7452a926cc04ed",
	  .ascii =
		"10 663165b7813d6a01d133f94e6d7452a926cc04ed ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /bin/true 030204f6ffc6ae0004deadbeef\n",
	},
	{ .name = "ima-sig with a verity signature (type 6)",
	  .template = "ima-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/bin/v",
	  .ima_xattr = "06030401020304000255aa",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f62696e2f7600",
		"06030401020304000255aa",
	  },
	  .sha1 = "d3b11d738602bb0a48401ccda1761ad6edb0ab60",
	  .ascii =
		"10 d3b11d738602bb0a48401ccda1761ad6edb0ab60 ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /bin/v 06030401020304000255aa\n",
	},
	{ .name = "ima-sig: hash xattr, portable EVM signature",
	  .template = "ima-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/bin/p",
	  .ima_xattr =
		"0404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .evm_xattr = "0502040613dedd0003010203",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f62696e2f7000",
		"0502040613dedd0003010203",
	  },
	  .sha1 = "663376b3dae42c899b7ebd0d4b5176d99e89e1b6",
	  .ascii =
		"10 663376b3dae42c899b7ebd0d4b5176d99e89e1b6 ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /bin/p 0502040613dedd0003010203\n",
	},
	{ .name = "ima-sig: no xattr, portable EVM signature",
	  .template = "ima-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/bin/q",
	  .evm_xattr = "0502040613dedd0003010203",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f62696e2f7100",
		"0502040613dedd0003010203",
	  },
	  .sha1 = "8efebda83846bd80bbd3efffa2c029f355fdb390",
	  .ascii =
		"10 8efebda83846bd80bbd3efffa2c029f355fdb390 ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /bin/q 0502040613dedd0003010203\n",
	},
	{ .name = "ima-sig: non-portable EVM signature is not shown",
	  .template = "ima-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/bin/r",
	  .ima_xattr =
		"0404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .evm_xattr = "0302040613dedd000109",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f62696e2f7200",
		"",
	  },
	  .sha1 = "88723cc329f94ad229ab0e6091288f6ed9d1ad8d",
	  .ascii =
		"10 88723cc329f94ad229ab0e6091288f6ed9d1ad8d ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /bin/r\x20\n",
	},
	{ .name = "ima-sig violation still shows the EVM signature",
	  .template = "ima-sig",
	  .violation = true, .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .ename = "/bin/s",
	  .evm_xattr = "0502040613dedd0003010203",
	  .want = {
		"7368613235363a000000000000000000000000000000000000000000000000000000000000000000",
		"2f62696e2f7300",
		"0502040613dedd0003010203",
	  },
	  .sha1 = "0000000000000000000000000000000000000000",
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima-sig sha256:0000000000000000000000000000000000000000000000000000000000000000 /bin/s 0502040613dedd0003010203\n",
	},
	{ .name = "ima-sig buffer event: no file, no evmsig",
	  .template = "ima-sig",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "kexec-cmdline",
	  .evm_xattr = "0502040613dedd0003010203",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"6b657865632d636d646c696e6500",
		"",
	  },
	  .sha1 = "e0d68fb4f284628fc9e2ccd18eccbd967916e98d",
	  .ascii =
		"10 e0d68fb4f284628fc9e2ccd18eccbd967916e98d ima-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f kexec-cmdline\x20\n",
	},
	{ .name = "ima-ngv2 ima digest",
	  .template = "ima-ngv2",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/bin/a",
	  .want = {
		"696d613a7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f62696e2f6100",
	  },
	  .sha1 = "2420e5d7031c99e1e901b399ca80e9ae80e8a05b",
	  .ascii =
		"10 2420e5d7031c99e1e901b399ca80e9ae80e8a05b ima-ngv2 ima:sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /bin/a\n",
	},
	{ .name = "ima-ngv2 verity digest",
	  .template = "ima-ngv2",
	  .verity = true, .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA512,
	  .digest =
		"808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf",
	  .ename = "/bin/b",
	  .want = {
		"7665726974793a7368613531323a00808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf",
		"2f62696e2f6200",
	  },
	  .sha1 = "31bc09acb03c6dacbf7e0b5ba5b046af54980cd7",
	  .ascii =
		"10 31bc09acb03c6dacbf7e0b5ba5b046af54980cd7 ima-ngv2 verity:sha512:808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf /bin/b\n",
	  .record =
		"0a00000031bc09acb03c6dacbf7e0b5ba5b046af54980cd708000000696d612d6e6776325e0000004f0000007665726974793a7368613531323a00808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf070000002f62696e2f6200",
	},
	{ .name = "ima-sigv2 verity violation has type ima",
	  .template = "ima-sigv2",
	  .violation = true, .verity = true, .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .ename = "/bin/c",
	  .want = {
		"696d613a7368613235363a000000000000000000000000000000000000000000000000000000000000000000",
		"2f62696e2f6300",
		"",
	  },
	  .sha1 = "0000000000000000000000000000000000000000",
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima-sigv2 ima:sha256:0000000000000000000000000000000000000000000000000000000000000000 /bin/c\x20\n",
	},
	{ .name = "ima-buf with a buffer",
	  .template = "ima-buf",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "_ima",
	  .buf = "30820102ff",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"5f696d6100",
		"30820102ff",
	  },
	  .sha1 = "544ca8d23bf85760545afc258d9c1aea3330f848",
	  .ascii =
		"10 544ca8d23bf85760545afc258d9c1aea3330f848 ima-buf sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f _ima 30820102ff\n",
	},
	{ .name = "ima-buf empty buffer",
	  .template = "ima-buf",
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = "kexec-cmdline",
	  .buf = "",
	  .want = {
		"736861313a00a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"6b657865632d636d646c696e6500",
		"",
	  },
	  .sha1 = "9154d1395b9c38e94ed1e5342031421aa51942c6",
	  .ascii =
		"10 9154d1395b9c38e94ed1e5342031421aa51942c6 ima-buf sha1:a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 kexec-cmdline\x20\n",
	},
	{ .name = "ima-modsig with an appended signature",
	  .template = "ima-modsig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/lib/modules/m.ko",
	  .ima_xattr = "030204f6ffc6ae0004deadbeef",
	  .modsig = "308200050102030405",
	  .modsig_algo = SIMA_HASH_ALGO_SHA384,
	  .modsig_digest =
		"606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f6c69622f6d6f64756c65732f6d2e6b6f00",
		"030204f6ffc6ae0004deadbeef",
		"7368613338343a00606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f",
		"308200050102030405",
	  },
	  .sha1 = "be051ec6a585bda1b085176fab643ce6b69b8c10",
	  .ascii =
		"10 be051ec6a585bda1b085176fab643ce6b69b8c10 ima-modsig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /lib/modules/m.ko 030204f6ffc6ae0004deadbeef sha384:606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f 308200050102030405\n",
	  .record =
		"0a000000be051ec6a585bda1b085176fab643ce6b69b8c100a000000696d612d6d6f647369679c000000280000007368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f120000002f6c69622f6d6f64756c65732f6d2e6b6f000d000000030204f6ffc6ae0004deadbeef380000007368613338343a00606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f09000000308200050102030405",
	},
	{ .name = "ima-modsig without an appended signature",
	  .template = "ima-modsig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/lib/modules/n.ko",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f6c69622f6d6f64756c65732f6e2e6b6f00",
		"",
		"",
		"",
	  },
	  .sha1 = "f7aa23c78a1bc943737ba581a807293f9e21a6e0",
	  .ascii =
		"10 f7aa23c78a1bc943737ba581a807293f9e21a6e0 ima-modsig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /lib/modules/n.ko  \x20\n",
	},
	{ .name = "ima-modsig violation with a modsig: sha1 zeros",
	  .template = "ima-modsig",
	  .violation = true, .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .ename = "/lib/modules/o.ko",
	  .modsig = "308200050102030405",
	  .modsig_algo = SIMA_HASH_ALGO_SHA256,
	  .modsig_digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .want = {
		"7368613235363a000000000000000000000000000000000000000000000000000000000000000000",
		"2f6c69622f6d6f64756c65732f6f2e6b6f00",
		"",
		"736861313a000000000000000000000000000000000000000000",
		"308200050102030405",
	  },
	  .sha1 = "0000000000000000000000000000000000000000",
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima-modsig sha256:0000000000000000000000000000000000000000000000000000000000000000 /lib/modules/o.ko  sha1:0000000000000000000000000000000000000000 308200050102030405\n",
	},
	{ .name = "evm-sig with xattrs",
	  .template = "evm-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/usr/bin/x",
	  .evm_xattr = "0502040613dedd0003010203",
	  .uid = 1000, .gid = 0x12345678, .mode = 0100755,
	  .xattrs = {
		{ "security.selinux",
		  "73797374656d5f753a6f626a6563745f723a62696e5f743a733000" },
		{ "security.ima",
		  "0404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f" },
		{ "security.empty",
		  "" },
	  },
	  .nr_xattrs = 3,
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f7573722f62696e2f7800",
		"0502040613dedd0003010203",
		"73656375726974792e73656c696e75787c73656375726974792e696d617c73656375726974792e656d70747900",
		"1b0000002200000000000000",
		"73797374656d5f753a6f626a6563745f723a62696e5f743a7330000404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"e8030000",
		"78563412",
		"ed81",
	  },
	  .sha1 = "e225460c6cf306b6f3fc80bd243b60556bf02e47",
	  .ascii =
		"10 e225460c6cf306b6f3fc80bd243b60556bf02e47 evm-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /usr/bin/x 0502040613dedd0003010203 security.selinux|security.ima|security.empty 1b0000002200000000000000 73797374656d5f753a6f626a6563745f723a62696e5f743a7330000404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f 1000 305419896 33261\n",
	  .record =
		"0a000000e225460c6cf306b6f3fc80bd243b60556bf02e470700000065766d2d736967e3000000280000007368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f0b0000002f7573722f62696e2f78000c0000000502040613dedd00030102032d00000073656375726974792e73656c696e75787c73656375726974792e696d617c73656375726974792e656d707479000c0000001b00000022000000000000003d00000073797374656d5f753a6f626a6563745f723a62696e5f743a7330000404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f04000000e8030000040000007856341202000000ed81",
	},
	{ .name = "evm-sig file without xattrs",
	  .template = "evm-sig",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/usr/bin/y",
	  .mode = 0100644,
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f7573722f62696e2f7900",
		"",
		"",
		"",
		"",
		"00000000",
		"00000000",
		"a481",
	  },
	  .sha1 = "ccd32b3ffece0cdd780a94db40120bca1e0691d5",
	  .ascii =
		"10 ccd32b3ffece0cdd780a94db40120bca1e0691d5 evm-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /usr/bin/y     0 0 33188\n",
	},
	{ .name = "evm-sig buffer event",
	  .template = "evm-sig",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "boot_aggregate",
	  .uid = 5, .gid = 6, .mode = 07,
	  .xattrs = {
		{ "security.ima",
		  "0404101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f" },
	  },
	  .nr_xattrs = 1,
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"626f6f745f61676772656761746500",
		"",
		"",
		"",
		"",
		"",
		"",
		"",
	  },
	  .sha1 = "3dd63b632d99c902b3b0d960b2bb9e3dab34295e",
	  .ascii =
		"10 3dd63b632d99c902b3b0d960b2bb9e3dab34295e evm-sig sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f boot_aggregate      \x20\n",
	},
	{ .name = "ima: sha1 file digest",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = "/usr/bin/z",
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"2f7573722f62696e2f7a00",
	  },
	  .sha1 = "4c2e8d5ba86dd9bc80173fb73221291362c1cff2",
	  .ascii =
		"10 4c2e8d5ba86dd9bc80173fb73221291362c1cff2 ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 /usr/bin/z\n",
	},
	{ .name = "ima: md5 cached digest, 16 bytes",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_MD5,
	  .digest = "404142434445464748494a4b4c4d4e4f",
	  .ename = "/usr/bin/md5",
	  .want = {
		"404142434445464748494a4b4c4d4e4f",
		"2f7573722f62696e2f6d643500",
	  },
	  .sha1 = "a5b135e2df74b98c8cd8ddfc69a69853a8d270cd",
	  .ascii =
		"10 a5b135e2df74b98c8cd8ddfc69a69853a8d270cd ima 404142434445464748494a4b4c4d4e4f /usr/bin/md5\n",
	  .record =
		"0a000000a5b135e2df74b98c8cd8ddfc69a69853a8d270cd03000000696d61404142434445464748494a4b4c4d4e4f0c0000002f7573722f62696e2f6d6435",
	},
	{ .name = "ima: sha256 cached digest uses the sha1 re-hash",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .legacy = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = "/usr/bin/w",
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"2f7573722f62696e2f7700",
	  },
	  .sha1 = "739a235e70770b26832216fca6b49a195936cfd3",
	  .ascii =
		"10 739a235e70770b26832216fca6b49a195936cfd3 ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 /usr/bin/w\n",
	},
	{ .name = "ima violation: 20 zeros",
	  .template = "ima",
	  .violation = true, .has_file = true,
	  .algo = SIMA_HASH_ALGO_MD5,
	  .ename = "/tmp/v",
	  .want = {
		"0000000000000000000000000000000000000000",
		"2f746d702f7600",
	  },
	  .sha1 = "0000000000000000000000000000000000000000",
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima 0000000000000000000000000000000000000000 /tmp/v\n",
	},
	{ .name = "ima: long path gives way to the dentry name",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = NAME_256,
	  .dentry = "file name",
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"66696c655f6e616d6500",
	  },
	  .sha1 = "f1afa1e80fb20d054e545aef5f9ad45c120a3a39",
	  .ascii =
		"10 f1afa1e80fb20d054e545aef5f9ad45c120a3a39 ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 file_name\n",
	},
	{ .name = "ima: long name without a file is cut at 255",
	  .template = "ima",
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = NAME_256,
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"2f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f303132333435363738396162636465663031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636400",
	  },
	  .sha1 = "869704f7e462ed2235af2509bec7ba75383e926a",
	  .ascii =
		"10 869704f7e462ed2235af2509bec7ba75383e926a ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 /0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd\n",
	  .record =
		"0a000000869704f7e462ed2235af2509bec7ba75383e926a03000000696d61a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3ff0000002f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364",
	},
	{ .name = "ima: 254-character name, padded by two",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = NAME_254,
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"2f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f303132333435363738396162636465663031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707000",
	  },
	  .sha1 = "180e919eeeabd805e038f0f9372968a1977419d9",
	  .ascii =
		"10 180e919eeeabd805e038f0f9372968a1977419d9 ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 /0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdepppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp\n",
	},
	{ .name = "ima: long path, 253-character dentry name",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = NAME_256,
	  .dentry = NAME_253,
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"2f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364656464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646464646400",
	  },
	  .sha1 = "b6a988658fd92c71641e3d2bc9b6a63936e64a7b",
	  .ascii =
		"10 b6a988658fd92c71641e3d2bc9b6a63936e64a7b ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 /0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd\n",
	},
	{ .name = "ima: no path, dentry name",
	  .template = "ima",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .dentry = "only dentry",
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"6f6e6c795f64656e74727900",
	  },
	  .sha1 = "2823a097168dc2f0101322388b94b9d1847ec3d3",
	  .ascii =
		"10 2823a097168dc2f0101322388b94b9d1847ec3d3 ima a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 only_dentry\n",
	},
	{ .name = "n-ng has no length limit",
	  .template = "ima-ng",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = NAME_300,
	  .dentry = "unused",
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f3031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364652f303132333435363738396162636465663031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465776974685f73706163657878787878787878787878787878787878787878787878787878787878787878787800",
	  },
	  .sha1 = "843f7659cd8b6cba773045880bd0f1c77680a40d",
	  .ascii =
		"10 843f7659cd8b6cba773045880bd0f1c77680a40d ima-ng sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdewith_spacexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
	},
	{ .name = "custom d-ng|n-ng|sig|iuid|igid|imode (tcb-custom-fmt)",
	  .template = "d-ng|n-ng|sig|iuid|igid|imode",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/mnt/f1",
	  .mode = 0100644,
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"2f6d6e742f663100",
		"",
		"00000000",
		"00000000",
		"a481",
	  },
	  .sha1 = "7105796aca7da6c23ec47ae332e065de3910bfdc",
	  .ascii =
		"10 7105796aca7da6c23ec47ae332e065de3910bfdc d-ng|n-ng|sig|iuid|igid|imode sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f /mnt/f1  0 0 33188\n",
	  .record =
		"0a0000007105796aca7da6c23ec47ae332e065de3910bfdc1d000000642d6e677c6e2d6e677c7369677c697569647c696769647c696d6f646552000000280000007368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f080000002f6d6e742f663100000000000400000000000000040000000000000002000000a481",
	},
	{ .name = "custom fmt, buffer event: empty inode fields",
	  .template = "d-ng|n-ng|sig|iuid|igid|imode",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "boot_aggregate",
	  .uid = 1, .gid = 2, .mode = 03,
	  .want = {
		"7368613235363a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
		"626f6f745f61676772656761746500",
		"",
		"",
		"",
		"",
	  },
	  .sha1 = "e326a1f5850b9e8b03cc58442b9ef108c9ecb522",
	  .ascii =
		"10 e326a1f5850b9e8b03cc58442b9ef108c9ecb522 d-ng|n-ng|sig|iuid|igid|imode sha256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f boot_aggregate   \x20\n",
	},
	{ .name = "custom d|n is not the legacy layout",
	  .template = "d|n",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA1,
	  .digest = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
	  .ename = "/bin/dn",
	  .want = {
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3",
		"2f62696e2f646e00",
	  },
	  .sha1 = "1471e0d256187ecdcc4ce69178b5a407adbc4da3",
	  .ascii =
		"10 1471e0d256187ecdcc4ce69178b5a407adbc4da3 d|n a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3 /bin/dn\n",
	  .record =
		"0a0000001471e0d256187ecdcc4ce69178b5a407adbc4da303000000647c6e2400000014000000a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3080000002f62696e2f646e00",
	},
	{ .name = "custom with a field twice",
	  .template = "n-ng|n-ng|d-ngv2",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SM3_256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "a b",
	  .want = {
		"615f6200",
		"615f6200",
		"696d613a736d333a00101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  },
	  .sha1 = "efcfc1b82649b9158922bd2c5fa2340e777bba94",
	  .ascii =
		"10 efcfc1b82649b9158922bd2c5fa2340e777bba94 n-ng|n-ng|d-ngv2 a_b a_b ima:sm3:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f\n",
	},
	{ .name = "custom: all uint fields at their maxima",
	  .template = "iuid|igid|imode",
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "x",
	  .uid = 0xffffffff, .gid = 0x80000000, .mode = 0177777,
	  .want = {
		"ffffffff",
		"00000080",
		"ffff",
	  },
	  .sha1 = "fe45106f66e6156315a87671170e463632d595bb",
	  .ascii =
		"10 fe45106f66e6156315a87671170e463632d595bb iuid|igid|imode 4294967295 2147483648 65535\n",
	},
	{ .name = "pcr 63",
	  .template = "ima-ng",
	  .pcr = 63,
	  .has_file = true,
	  .algo = SIMA_HASH_ALGO_WP_512,
	  .digest =
		"808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf",
	  .ename = "/x",
	  .want = {
		"77703531323a00808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf",
		"2f7800",
	  },
	  .sha1 = "21e35338ac8b57e7c77c8f516557b1f93cc65b31",
	  .ascii =
		"63 21e35338ac8b57e7c77c8f516557b1f93cc65b31 ima-ng wp512:808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf /x\n",
	},
	{ .name = "no name at all",
	  .template = "ima-ng",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .err = -EINVAL, },
	{ .name = "digest missing",
	  .template = "ima-ng",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .ename = "/x",
	  .err = -EINVAL, },
	{ .name = "unknown digest algorithm",
	  .template = "ima-ng",
	  .algo = 99,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/x",
	  .err = -EINVAL, },
	{ .name = "digest larger than 64 bytes",
	  .template = "ima-ng",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
	  .ename = "/x",
	  .err = -EINVAL, },
	{ .name = "ima with sha256 and no re-hash",
	  .template = "ima",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/x",
	  .err = -EINVAL, },
	{ .name = "modsig with an unknown algorithm",
	  .template = "ima-modsig",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/x",
	  .modsig = "308200050102030405",
	  .modsig_algo = 99,
	  .modsig_digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .err = -EINVAL, },
	{ .name = "modsig without its digest",
	  .template = "ima-modsig",
	  .algo = SIMA_HASH_ALGO_SHA256,
	  .digest =
		"101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f",
	  .ename = "/x",
	  .modsig = "308200050102030405",
	  .modsig_algo = SIMA_HASH_ALGO_SHA256,
	  .err = -EINVAL, },
	{ .name = "violation needs no digest but a known algorithm",
	  .template = "ima-ng",
	  .violation = true,
	  .algo = 99,
	  .ename = "/x",
	  .err = -EINVAL, },

};

/*
 * Binary records to parse (canonical): accepted ones with the bytes the
 * record takes and its ASCII line, refused ones with -EINVAL.
 */
struct template_parse_case {
	const char *name;
	const char *in;
	int err;
	size_t consumed;
	const char *ascii;
};

static const struct template_parse_case template_parse_cases[] = {
	{ .name = "ima-ng record, trailing bytes not consumed",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e6738000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f080000002f62696e2f6c7300ffff",
	  .consumed = 94,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-ng sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f /bin/ls\n",
	},
	{ .name = "ima record, md5: 16-byte d",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d61000102030405060708090a0b0c0d0e0f040000002f6d6435",
	  .consumed = 55,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima 000102030405060708090a0b0c0d0e0f /md5\n",
	},
	{ .name = "ima record, sha1, empty name",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d61000102030405060708090a0b0c0d0e0f1011121300000000",
	  .consumed = 55,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima 000102030405060708090a0b0c0d0e0f10111213\x20\n",
	},
	{ .name = "ima record, zero d and no name fit 16 bytes",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d6100000000000000000000000000000000000000000a000000",
	  .consumed = 51,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima 00000000000000000000000000000000\x20\n",
	},
	{ .name = "ima violation record with a 20-byte d",
	  .in =
		"0a000000000000000000000000000000000000000000000003000000696d610000000000000000000000000000000000000000030000002f6162",
	  .consumed = 58,
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima 0000000000000000000000000000000000000000 /ab\n",
	},
	{ .name = "ima record, sha1, 255-byte name",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d61000102030405060708090a0b0c0d0e0f10111213ff0000006e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e657874",
	  .consumed = 310,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima 000102030405060708090a0b0c0d0e0f10111213 nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\n",
	},
	{ .name = "builtin format string as a name is a custom template",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131409000000642d6e677c6e2d6e6738000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f080000002f62696e2f6c7300",
	  .consumed = 97,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 d-ng|n-ng sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f /bin/ls\n",
	},
	{ .name = "ima-sig record with an empty sig",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131407000000696d612d7369673b000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f070000002f6574632f780000000000",
	  .consumed = 98,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-sig sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f /etc/x\x20\n",
	},
	{ .name = "pcr 0xffffffff shows as -1",
	  .in =
		"ffffffff0102030405060708090a0b0c0d0e0f101112131406000000696d612d6e6733000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f030000002f7800",
	  .consumed = 89,
	  .ascii =
		"-1 0102030405060708090a0b0c0d0e0f1011121314 ima-ng sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f /x\n",
	},
	{ .name = "pcr 0x80000000 shows negative",
	  .in =
		"000000800102030405060708090a0b0c0d0e0f101112131406000000696d612d6e6733000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f030000002f7800",
	  .consumed = 89,
	  .ascii =
		"-2147483648 0102030405060708090a0b0c0d0e0f1011121314 ima-ng sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f /x\n",
	},
	{ .name = "d-ng without a colon shows as hex",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e671100000006000000616263000102030000002f7800",
	  .consumed = 55,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-ng 616263000102 /x\n",
	},
	{ .name = "d-ng with a colon first shows only the digest",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e670f000000040000003a00abcd030000002f7800",
	  .consumed = 53,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-ng abcd /x\n",
	},
	{ .name = "d-ng prefix without NUL or digest",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e6712000000070000007368613235363a030000002f7800",
	  .consumed = 56,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-ng sha256: /x\n",
	},
	{ .name = "d-ng prefix with text after the colon",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e671200000007000000613a6200112233030000002f7800",
	  .consumed = 56,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-ng a:b00112233 /x\n",
	},
	{ .name = "n-ng without NUL, NUL in the middle",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f10111213140e000000642d6e677c6e2d6e677c6e2d6e673f000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f070000002f6e6f2d6e756c040000002f610062",
	  .consumed = 109,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 d-ng|n-ng|n-ng sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f /no-nul /a\n",
	},
	{ .name = "uint fields of 1, 3 and 8 bytes",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f10111213140f000000697569647c696769647c696d6f64651800000001000000070300000001020308000000ffffffffffffff7f",
	  .consumed = 71,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 iuid|igid|imode 7  9223372036854775807\n",
	},
	{ .name = "every field empty",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f10111213140a000000696d612d6d6f64736967140000000000000000000000000000000000000000000000",
	  .consumed = 62,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 ima-modsig    \x20\n",
	},
	{ .name = "fifteen fields",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f10111213143b0000006275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275664b0000000100000000010000000101000000020100000003010000000401000000050100000006010000000701000000080100000009010000000a010000000b010000000c010000000d010000000e",
	  .consumed = 166,
	  .ascii =
		"10 0102030405060708090a0b0c0d0e0f1011121314 buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf|buf 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e\n",
	},
	{ .name = "record of a violation",
	  .in =
		"0a000000000000000000000000000000000000000000000006000000696d612d6e67250000001a000000736861313a000000000000000000000000000000000000000000030000002f7600",
	  .consumed = 75,
	  .ascii =
		"10 0000000000000000000000000000000000000000 ima-ng sha1:0000000000000000000000000000000000000000 /v\n",
	},
	{ .name = "empty input",
	  .in =
		"",
	  .err = -EINVAL, },
	{ .name = "three bytes",
	  .in =
		"0a0000",
	  .err = -EINVAL, },
	{ .name = "header without name length",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f1011121314",
	  .err = -EINVAL, },
	{ .name = "name length 0",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f1011121314000000002c000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  .err = -EINVAL, },
	{ .name = "name longer than the input",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131464000000696d612d6e67",
	  .err = -EINVAL, },
	{ .name = "name longer than any template",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f1011121314ff000000642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c642d6e677c",
	  .err = -EINVAL, },
	{ .name = "unknown template name",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000666f6f33000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f030000002f7800",
	  .err = -EINVAL, },
	{ .name = "name with a NUL",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131407000000696d612d6e670033000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f030000002f7800",
	  .err = -EINVAL, },
	{ .name = "format string with an empty field",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131405000000642d6e677c30000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f00000000",
	  .err = -EINVAL, },
	{ .name = "format string with sixteen fields",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f10111213143f0000006275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275667c6275664000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
	  .err = -EINVAL, },
	{ .name = "no template-data length",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e670102",
	  .err = -EINVAL, },
	{ .name = "template data longer than the input",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e67e8030000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  .err = -EINVAL, },
	{ .name = "template data shorter than its fields",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e672e000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f03002f7800",
	  .err = -EINVAL, },
	{ .name = "field longer than the template data",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e6730000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fffffffff",
	  .err = -EINVAL, },
	{ .name = "one field missing",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131407000000696d612d73696733000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f030000002f7800",
	  .err = -EINVAL, },
	{ .name = "bytes left after the fields",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131406000000696d612d6e6734000000280000007368613235363a00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f030000002f780000",
	  .err = -EINVAL, },
	{ .name = "ima record, d truncated",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d6100000000000000000000",
	  .err = -EINVAL, },
	{ .name = "ima record, name of 256",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d613132333435363738393a3b3c3d3e3f4041424344000100006e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e",
	  .err = -EINVAL, },
	{ .name = "ima record, name with a NUL",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d613132333435363738393a3b3c3d3e3f4041424344040000002f610062",
	  .err = -EINVAL, },
	{ .name = "ima record, name truncated",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d613132333435363738393a3b3c3d3e3f40414243440a0000002f616263",
	  .err = -EINVAL, },
	{ .name = "ima record, no name length",
	  .in =
		"0a0000000102030405060708090a0b0c0d0e0f101112131403000000696d613132333435363738393a3b3c3d3e3f40414243440100",
	  .err = -EINVAL, },
	{ .name = "ima violation record: d is 20 bytes, never 16",
	  .in =
		"0a000000000000000000000000000000000000000000000003000000696d610000000000000000000000000000000000000000000100006e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e6e",
	  .err = -EINVAL, },

};

/* Scratch memory for the decoded bytes of one encode case. */
struct template_case_mem {
	u8 digest[80];
	u8 legacy[80];
	u8 ima_xattr[64];
	u8 evm_xattr[64];
	u8 buf[64];
	u8 modsig[64];
	u8 modsig_digest[80];
	u8 values[3][64];
	struct sima_template_xattr xattrs[3];
};

static inline int template_case_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decode hex into out; the byte count, or -1 if it is bad or too long. */
static inline int template_case_unhex(const char *hex, u8 *out, size_t size)
{
	size_t i, n = hex ? strlen(hex) : 1;

	if (n % 2 || n / 2 > size)
		return -1;
	for (i = 0; i < n / 2; i++) {
		int hi = template_case_nibble(hex[2 * i]);
		int lo = template_case_nibble(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = hi << 4 | lo;
	}
	return n / 2;
}

/* Lower-case hex of n bytes into out (2n + 1 bytes). */
static inline void template_case_hex(const u8 *p, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = '\0';
}

/* Decode an optional byte string; *ok goes false if it is malformed. */
static inline const u8 *template_case_bytes(const char *hex, u8 *out,
					    size_t size, u32 *len, bool *ok)
{
	int n;

	*len = 0;
	if (!hex)
		return NULL;
	n = template_case_unhex(hex, out, size);
	if (n < 0) {
		*ok = false;
		return NULL;
	}
	*len = n;
	return out;
}

/* Build the input of an encode case; false if its hex is malformed. */
static inline bool template_case_input(const struct template_encode_case *c,
				       struct template_case_mem *m,
				       struct sima_template_input *in)
{
	unsigned int i;
	bool ok = true;

	memset(in, 0, sizeof(*in));
	in->violation = c->violation;
	in->verity = c->verity;
	in->has_file = c->has_file;
	in->algo = c->algo;
	in->name = c->ename;
	in->dentry_name = c->dentry;
	in->modsig_algo = c->modsig_algo;
	in->uid = c->uid;
	in->gid = c->gid;
	in->mode = c->mode;
	in->digest = template_case_bytes(c->digest, m->digest,
					 sizeof(m->digest), &in->digest_len,
					 &ok);
	in->legacy_digest = template_case_bytes(c->legacy, m->legacy,
						sizeof(m->legacy),
						&in->legacy_digest_len, &ok);
	in->ima_xattr = template_case_bytes(c->ima_xattr, m->ima_xattr,
					    sizeof(m->ima_xattr),
					    &in->ima_xattr_len, &ok);
	in->evm_xattr = template_case_bytes(c->evm_xattr, m->evm_xattr,
					    sizeof(m->evm_xattr),
					    &in->evm_xattr_len, &ok);
	in->buf = template_case_bytes(c->buf, m->buf, sizeof(m->buf),
				      &in->buf_len, &ok);
	in->modsig = template_case_bytes(c->modsig, m->modsig,
					 sizeof(m->modsig), &in->modsig_len,
					 &ok);
	in->modsig_digest = template_case_bytes(c->modsig_digest,
						m->modsig_digest,
						sizeof(m->modsig_digest),
						&in->modsig_digest_len, &ok);
	for (i = 0; i < c->nr_xattrs && i < ARRAY_SIZE(m->xattrs); i++) {
		m->xattrs[i].name = c->xattrs[i].name;
		m->xattrs[i].value = template_case_bytes(c->xattrs[i].value,
							 m->values[i],
							 sizeof(m->values[i]),
							 &m->xattrs[i].len, &ok);
	}
	in->xattrs = c->nr_xattrs ? m->xattrs : NULL;
	in->nr_xattrs = c->nr_xattrs;
	return ok;
}

/* The template of an encode case: a builtin, else a format string. */
static inline int template_case_desc(const char *template,
				     struct sima_template_desc *d)
{
	const struct sima_template_desc *builtin;

	builtin = sima_template_find(template);
	if (builtin && !strcmp(builtin->name, template)) {
		*d = *builtin;
		return 0;
	}
	return sima_template_parse_fmt(template, d);
}

#endif /* _SIMA_TEMPLATE_CASES_H */
