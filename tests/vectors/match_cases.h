/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/policy/policy_match.c, shared by KUnit and tests/unit
 *
 * Each case is a policy (rule lines, parsed with sima_rule_parse()), the
 * facts about one access, the classes asked about, and what Linux 6.1's
 * ima_match_policy() returns for them: the action bits (the sub-action
 * separately), the pcr, the template and the allowed algorithms. The
 * runners also check that the rules a per-func index keeps
 * (sima_rule_can_match()) give the very same answer.
 */
#ifndef _SIMA_MATCH_CASES_H
#define _SIMA_MATCH_CASES_H

#include "sima/digest.h"
#include "sima/policy_match.h"
#include "sima/policy_rule.h"

#define MATCH_MAX_RULES	8

/* The credentials of the task doing the access. */
struct match_task {
	u32 uid, euid, suid, gid, egid, sgid;
	bool cap_setuid, cap_setgid;
};

#define TASK(u, eu, su, g, eg, sg, capu, capg) \
	{ u, eu, su, g, eg, sg, capu, capg }
#define ROOT		TASK(0, 0, 0, 0, 0, 0, true, true)
#define USER		TASK(1000, 1000, 1000, 1000, 1000, 1000, false, false)
/* Ran a setuid-root program: euid and suid 0. */
#define SETUID		TASK(1000, 0, 0, 1000, 1000, 1000, false, false)
/* Only the saved uid is 0 (seteuid back to 1000), with or without caps. */
#define SUID0		TASK(1000, 1000, 0, 1000, 1000, 1000, false, false)
#define SUID0_CAP	TASK(1000, 1000, 0, 1000, 1000, 1000, true, false)
/* Only the real uid is 0 (setreuid), with or without CAP_SETUID. */
#define RUID0		TASK(0, 1000, 1000, 1000, 1000, 1000, false, false)
#define RUID0_CAP	TASK(0, 1000, 1000, 1000, 1000, 1000, true, false)
/* The same for groups: only the saved gid is 0. */
#define SGID0		TASK(1000, 1000, 1000, 1000, 1000, 0, false, false)
#define SGID0_CAPG	TASK(1000, 1000, 1000, 1000, 1000, 0, false, true)
#define SGID0_CAPU	TASK(1000, 1000, 1000, 1000, 1000, 0, true, false)
#define SETGID		TASK(1000, 1000, 1000, 1000, 0, 0, false, false)

/* The file system of the inode accessed. */
struct match_fs {
	bool has_inode;
	u64 magic;
	const char *name;
	u8 uuid[SIMA_UUID_SIZE];
};

#define EXT4_UUID { 0x01, 0x23, 0xab, 0xcd, 0x45, 0x67, 0x89, 0xab, \
		    0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab }
#define EXT4	{ true, 0xef53, "ext4", EXT4_UUID }
#define PROC	{ true, 0x9fa0, "proc", { 0 } }
#define TMPFS	{ true, 0x01021994, "tmpfs", { 0 } }
#define NOFS	{ false, 0, NULL, { 0 } }

/**
 * struct match_case - one access against one policy
 * @name: what the case shows
 * @rules: the policy, one rule per line
 * @custom: parse @rules as IMA does once a custom policy is active (a label
 *	the LSM refuses is then accepted, inactive)
 * @func: the access: its func
 * @mask: its MAY_* mask
 * @fs: the file system of its inode
 * @fowner: the inode's owner
 * @fgroup: the inode's group
 * @task: the credentials
 * @data: KEY_CHECK keyring or CRITICAL_DATA label
 * @lsm: the LSM labels the access carries, e.g. "obj_type=etc_t
 *	subj_user=root"; NULL means no LSM callback at all
 * @want: the classes asked about
 * @action: expected action bits
 * @sub: expected appraisal sub-action
 * @pcr: expected pcr, as PCR(n); 0 for the default
 * @template: expected template name, NULL for the default
 * @algos: expected appraise_algos
 * @lsm_calls: expected number of LSM callback calls
 */
struct match_case {
	const char *name;
	const char *rules;
	bool custom;
	enum sima_func func;
	u32 mask;
	struct match_fs fs;
	u32 fowner, fgroup;
	struct match_task task;
	const char *data;
	const char *lsm;
	u32 want;
	u32 action;
	enum sima_appraise_sub sub;
	int pcr;
	const char *template;
	u32 algos;
	int lsm_calls;
};

#define PCR(n)	((n) + 1)

#define MSR	SIMA_ACT_MEASURE
#define APR	SIMA_ACT_APPRAISE
#define AUD	SIMA_ACT_AUDIT
#define HSH	SIMA_ACT_HASH
#define ALL	SIMA_MATCH_DO_MASK
#define SIG	SIMA_RULE_DIGSIG_REQUIRED
#define DIO	SIMA_RULE_PERMIT_DIRECTIO
#define MODSIG	SIMA_RULE_MODSIG_ALLOWED
#define BLIST	SIMA_RULE_CHECK_BLACKLIST
#define VERITY	SIMA_RULE_VERITY_REQUIRED
#define F_FILE	SIMA_FUNC_FILE_CHECK
#define F_MMAP	SIMA_FUNC_MMAP_CHECK
#define F_BPRM	SIMA_FUNC_BPRM_CHECK
#define F_SETATTR	SIMA_FUNC_POST_SETATTR
#define RD	MAY_READ
#define WR	MAY_WRITE
#define EX	MAY_EXEC
#define ALGO(id) (1U << SIMA_HASH_ALGO_##id)

static const struct match_case match_cases[] = {
	/* The walk: first match per class, dont_ rules, options, want. */
	{ "empty policy", "", .func = F_FILE, .mask = RD, .fs = EXT4,
	  .task = ROOT, .want = ALL },
	{ "nothing wanted", "measure\nappraise", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = 0 },
	{ "first measure rule decides pcr",
	  "measure func=FILE_CHECK pcr=11\nmeasure func=FILE_CHECK pcr=12",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR, .pcr = PCR(11) },
	{ "dont_measure first wins", "dont_measure fsmagic=0x9fa0\nmeasure",
	  .func = F_FILE, .mask = RD, .fs = PROC, .task = ROOT, .want = ALL },
	{ "dont_measure not matching", "dont_measure fsmagic=0x9fa0\nmeasure",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR },
	{ "dont_measure after measure is moot", "measure\ndont_measure",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR },
	{ "dont_measure takes no pcr from later rules",
	  "dont_measure fsname=ext4\nmeasure pcr=11", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = ALL },
	{ "pcr from the first matching measure rule",
	  "measure fsmagic=0x9fa0 pcr=12\nmeasure pcr=11", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL, .action = MSR,
	  .pcr = PCR(11) },
	{ "pcr=0 is reported as 0", "measure pcr=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = ALL, .action = MSR,
	  .pcr = PCR(0) },
	{ "every class decided once",
	  "measure\naudit\nappraise\nhash\nmeasure pcr=12\ndont_appraise",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR | AUD | APR | HSH, .sub = SIMA_APPRAISE_FILE },
	{ "want limits the classes", "measure\nappraise", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_FILE },
	{ "rule of an unwanted class adds no option",
	  "measure permit_directio\nappraise", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_FILE },
	{ "dont_ rule still adds its options",
	  "dont_measure permit_directio\nmeasure", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = MSR, .action = DIO },
	{ "options of every class are ORed",
	  "measure permit_directio\nappraise appraise_type=imasig",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = MSR | APR,
	  .action = MSR | APR | DIO | SIG, .sub = SIMA_APPRAISE_FILE },
	{ "decided class takes no more options",
	  "measure\nmeasure permit_directio", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = ALL, .action = MSR },
	{ "audit class", "audit func=BPRM_CHECK\naudit fsmagic=0xef53",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = AUD },
	{ "dont_hash", "dont_hash fsmagic=0x9fa0\nhash", .func = F_FILE,
	  .mask = RD, .fs = PROC, .task = ROOT, .want = ALL },
	{ "dont_appraise", "dont_appraise fsmagic=0x9fa0\nappraise",
	  .func = F_FILE, .mask = RD, .fs = PROC, .task = ROOT, .want = ALL },

	/* An appraise rule clears hash, gives its sub-action and algos. */
	{ "appraise clears hash", "hash\nappraise", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = APR | HSH, .action = APR,
	  .sub = SIMA_APPRAISE_FILE },
	{ "hash after appraise stays", "appraise\nhash", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = APR | HSH, .action = APR | HSH,
	  .sub = SIMA_APPRAISE_FILE },
	{ "dont_appraise keeps hash", "hash\ndont_appraise", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = APR | HSH, .action = HSH },
	{ "appraise_algos", "appraise appraise_algos=sha256,sha512",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = APR,
	  .action = APR, .sub = SIMA_APPRAISE_FILE,
	  .algos = ALGO(SHA256) | ALGO(SHA512) },
	{ "appraise_algos of the matching appraise rule only",
	  "appraise fsmagic=0x9fa0 appraise_algos=sha1\nappraise", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_FILE },
	{ "sub-action mmap", "appraise func=MMAP_CHECK", .func = F_MMAP,
	  .mask = EX, .fs = EXT4, .task = ROOT, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_MMAP },
	{ "sub-action bprm", "appraise func=BPRM_CHECK", .func = F_BPRM,
	  .mask = EX, .fs = EXT4, .task = ROOT, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_BPRM },
	{ "sub-action creds", "appraise func=CREDS_CHECK",
	  .func = SIMA_FUNC_CREDS_CHECK, .mask = EX, .fs = EXT4, .task = ROOT,
	  .want = APR, .action = APR, .sub = SIMA_APPRAISE_CREDS },
	{ "sub-action file", "appraise func=FILE_CHECK", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_FILE },
	{ "sub-action read: module", "appraise func=MODULE_CHECK",
	  .func = SIMA_FUNC_MODULE_CHECK, .mask = RD, .fs = EXT4, .task = ROOT,
	  .want = APR, .action = APR, .sub = SIMA_APPRAISE_READ },
	{ "sub-action read: policy", "appraise func=POLICY_CHECK",
	  .func = SIMA_FUNC_POLICY_CHECK, .mask = RD, .fs = EXT4, .task = ROOT,
	  .want = APR, .action = APR, .sub = SIMA_APPRAISE_READ },
	{ "sub-action of a rule without func is file", "appraise",
	  .func = F_MMAP, .mask = EX, .fs = EXT4, .task = ROOT, .want = APR,
	  .action = APR, .sub = SIMA_APPRAISE_FILE },
	{ "modsig and blacklist options",
	  "appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist",
	  .func = SIMA_FUNC_MODULE_CHECK, .mask = RD, .fs = EXT4, .task = ROOT,
	  .want = ALL, .action = APR | SIG | MODSIG | BLIST,
	  .sub = SIMA_APPRAISE_READ },
	{ "verity option", "measure func=FILE_CHECK digest_type=verity",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR | VERITY },

	/* func and mask */
	{ "other func", "measure func=BPRM_CHECK", .func = F_FILE, .mask = EX,
	  .fs = EXT4, .task = ROOT, .want = ALL },
	{ "no func matches any hook", "measure",
	  .func = SIMA_FUNC_FIRMWARE_CHECK, .mask = RD, .fs = EXT4,
	  .task = ROOT, .want = ALL, .action = MSR },
	{ "mask= equal", "measure func=FILE_CHECK mask=MAY_READ", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL, .action = MSR },
	{ "mask= needs equality", "measure func=FILE_CHECK mask=MAY_READ",
	  .func = F_FILE, .mask = RD | WR, .fs = EXT4, .task = ROOT, .want = ALL },
	{ "mask=^ shares a bit", "measure func=FILE_CHECK mask=^MAY_READ",
	  .func = F_FILE, .mask = RD | WR, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR },
	{ "mask=^ shares none", "measure func=FILE_CHECK mask=^MAY_READ",
	  .func = F_FILE, .mask = WR, .fs = EXT4, .task = ROOT, .want = ALL },
	{ "mask= against a buffer's 0", "measure mask=^MAY_READ",
	  .func = SIMA_FUNC_KEXEC_CMDLINE, .mask = 0, .fs = EXT4, .task = ROOT,
	  .want = ALL },
	{ "kexec cmdline", "measure func=KEXEC_CMDLINE",
	  .func = SIMA_FUNC_KEXEC_CMDLINE, .mask = 0, .fs = EXT4, .task = ROOT,
	  .want = ALL, .action = MSR },
	{ "POST_SETATTR ignores func and mask",
	  "appraise func=BPRM_CHECK mask=MAY_EXEC", .func = F_SETATTR,
	  .mask = MAY_ACCESS, .fs = EXT4, .task = USER, .want = APR | HSH,
	  .action = APR, .sub = SIMA_APPRAISE_FILE },
	{ "POST_SETATTR still checks fsmagic",
	  "dont_appraise fsmagic=0x9fa0\nappraise func=BPRM_CHECK",
	  .func = F_SETATTR, .mask = MAY_ACCESS, .fs = PROC, .task = USER,
	  .want = APR | HSH },
	{ "POST_SETATTR tries KEY_CHECK rules too", "measure func=KEY_CHECK",
	  .func = F_SETATTR, .mask = MAY_ACCESS, .fs = EXT4, .task = USER,
	  .want = MSR, .action = MSR },

	/* fs conditions */
	{ "fsmagic", "measure fsmagic=0xef53", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = ALL, .action = MSR },
	{ "fsmagic other", "measure fsmagic=0xef53", .func = F_FILE, .mask = RD,
	  .fs = TMPFS, .task = ROOT, .want = ALL },
	{ "fsmagic without inode", "measure fsmagic=0xef53",
	  .func = SIMA_FUNC_KEXEC_CMDLINE, .fs = NOFS, .task = ROOT,
	  .want = ALL },
	{ "fsname", "measure fsname=tmpfs", .func = F_FILE, .mask = RD,
	  .fs = TMPFS, .task = ROOT, .want = ALL, .action = MSR },
	{ "fsname other", "measure fsname=tmpfs", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = ROOT, .want = ALL },
	{ "fsuuid", "measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL,
	  .action = MSR },
	{ "fsuuid other", "measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ac",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL },
	{ "fsuuid zero on a fs without one",
	  "measure fsuuid=00000000-0000-0000-0000-000000000000", .func = F_FILE,
	  .mask = RD, .fs = PROC, .task = ROOT, .want = ALL, .action = MSR },

	/* uid, euid, gid, egid */
	{ "uid=0 root", "measure uid=0", .func = F_FILE, .mask = RD, .fs = EXT4,
	  .task = ROOT, .want = ALL, .action = MSR },
	{ "uid=0 user", "measure uid=0", .func = F_FILE, .mask = RD, .fs = EXT4,
	  .task = USER, .want = ALL },
	{ "uid=0 setuid program", "measure uid=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = SETUID, .want = ALL },
	{ "uid< is strict", "measure uid<1000", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = USER, .want = ALL },
	{ "uid< below", "measure uid<1001", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = USER, .want = ALL, .action = MSR },
	{ "uid> is strict", "measure uid>1000", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = USER, .want = ALL },
	{ "uid> above", "measure uid>999", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = USER, .want = ALL, .action = MSR },
	{ "euid=0 setuid program", "measure euid=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = SETUID, .want = ALL, .action = MSR },
	{ "euid=0 saved uid 0 without CAP_SETUID", "measure euid=0",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = SUID0, .want = ALL },
	{ "euid=0 saved uid 0 with CAP_SETUID", "measure euid=0", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = SUID0_CAP, .want = ALL, .action = MSR },
	{ "euid=0 real uid 0 without CAP_SETUID", "measure euid=0",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = RUID0, .want = ALL },
	{ "euid=0 real uid 0 with CAP_SETUID", "measure euid=0", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = RUID0_CAP, .want = ALL, .action = MSR },
	{ "euid< with CAP_SETUID", "measure euid<1", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = SUID0_CAP, .want = ALL, .action = MSR },
	{ "euid> with CAP_SETUID, no id above", "measure euid>1000",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = SUID0_CAP, .want = ALL },
	{ "gid=0 only egid 0", "measure gid=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = SETGID, .want = ALL },
	{ "egid=0 setgid program", "measure egid=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .task = SETGID, .want = ALL, .action = MSR },
	{ "egid=0 saved gid 0 without CAP_SETGID", "measure egid=0",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = SGID0, .want = ALL },
	{ "egid=0 saved gid 0 with CAP_SETGID", "measure egid=0",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = SGID0_CAPG, .want = ALL,
	  .action = MSR },
	{ "egid=0 saved gid 0 with CAP_SETUID only", "measure egid=0",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = SGID0_CAPU, .want = ALL },
	{ "gid> user", "measure gid>999", .func = F_FILE, .mask = RD, .fs = EXT4,
	  .task = USER, .want = ALL, .action = MSR },
	{ "tcb FILE_CHECK rules, user read",
	  "measure func=FILE_CHECK mask=^MAY_READ euid=0\nmeasure func=FILE_CHECK mask=^MAY_READ uid=0",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = USER, .want = ALL },
	{ "tcb FILE_CHECK rules, setuid program read",
	  "measure func=FILE_CHECK mask=^MAY_READ euid=0\nmeasure func=FILE_CHECK mask=^MAY_READ uid=0",
	  .func = F_FILE, .mask = RD | WR, .fs = EXT4, .task = SETUID, .want = ALL,
	  .action = MSR },

	/* fowner, fgroup */
	{ "fowner=0", "appraise fowner=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .fowner = 0, .task = USER, .want = APR, .action = APR,
	  .sub = SIMA_APPRAISE_FILE },
	{ "fowner=0 other owner", "appraise fowner=0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .fowner = 1000, .task = ROOT, .want = APR },
	{ "fowner< strict", "measure fowner<1000", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .fowner = 1000, .task = ROOT, .want = ALL },
	{ "fowner> above", "measure fowner>0", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .fowner = 1000, .task = ROOT, .want = ALL, .action = MSR },
	{ "fgroup", "measure fgroup=100", .func = F_FILE, .mask = RD, .fs = EXT4,
	  .fgroup = 100, .task = ROOT, .want = ALL, .action = MSR },
	{ "fgroup other", "measure fgroup=100", .func = F_FILE, .mask = RD,
	  .fs = EXT4, .fgroup = 101, .task = ROOT, .want = ALL },
	{ "fowner without inode", "measure fowner=0",
	  .func = SIMA_FUNC_KEXEC_CMDLINE, .fs = NOFS, .task = ROOT,
	  .want = ALL },

	/* KEY_CHECK and CRITICAL_DATA */
	{ "keyrings= listed", "measure func=KEY_CHECK keyrings=.ima|.evm",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT, .data = ".evm",
	  .want = MSR, .action = MSR },
	{ "keyrings= not listed", "measure func=KEY_CHECK keyrings=.ima|.evm",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT,
	  .data = ".builtin_trusted_keys", .want = MSR },
	{ "keyrings= is exact", "measure func=KEY_CHECK keyrings=.ima",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT,
	  .data = ".ima_blacklist", .want = MSR },
	{ "no keyrings= matches any keyring",
	  "measure func=KEY_CHECK pcr=12 template=ima-buf",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT, .data = "_ima",
	  .want = MSR, .action = MSR, .pcr = PCR(12), .template = "ima-buf" },
	{ "KEY_CHECK needs a KEY_CHECK rule", "measure",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT, .data = ".ima",
	  .want = MSR },
	{ "KEY_CHECK uid=", "measure func=KEY_CHECK uid=0",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = USER, .data = ".ima",
	  .want = MSR },
	{ "KEY_CHECK ignores gid=", "measure func=KEY_CHECK gid=5",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = USER, .data = ".ima",
	  .want = MSR, .action = MSR },
	{ "dont_measure KEY_CHECK",
	  "dont_measure func=KEY_CHECK keyrings=_ima\nmeasure func=KEY_CHECK",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT, .data = "_ima",
	  .want = MSR },
	{ "label= listed", "measure func=CRITICAL_DATA label=selinux|kernel_info",
	  .func = SIMA_FUNC_CRITICAL_DATA, .fs = NOFS, .task = ROOT,
	  .data = "kernel_info", .want = MSR, .action = MSR },
	{ "label= not listed", "measure func=CRITICAL_DATA label=selinux",
	  .func = SIMA_FUNC_CRITICAL_DATA, .fs = NOFS, .task = ROOT,
	  .data = "device-mapper", .want = MSR },
	{ "no label= matches any label", "measure func=CRITICAL_DATA pcr=11",
	  .func = SIMA_FUNC_CRITICAL_DATA, .fs = NOFS, .task = ROOT,
	  .data = "selinux", .want = MSR, .action = MSR, .pcr = PCR(11) },
	{ "CRITICAL_DATA rule not for keys", "measure func=CRITICAL_DATA",
	  .func = SIMA_FUNC_KEY_CHECK, .fs = NOFS, .task = ROOT, .data = ".ima",
	  .want = MSR },

	/* pcr= and template= with other classes */
	{ "pcr and template from the measure rule",
	  "measure func=BPRM_CHECK pcr=11 template=ima-sig\nappraise func=BPRM_CHECK appraise_type=imasig",
	  .func = F_BPRM, .mask = EX, .fs = EXT4, .task = USER, .want = ALL,
	  .action = MSR | APR | SIG, .sub = SIMA_APPRAISE_BPRM, .pcr = PCR(11),
	  .template = "ima-sig" },
	{ "no measure asked, no pcr",
	  "measure func=BPRM_CHECK pcr=11 template=ima-sig\nappraise func=BPRM_CHECK",
	  .func = F_BPRM, .mask = EX, .fs = EXT4, .task = USER, .want = APR,
	  .action = APR, .sub = SIMA_APPRAISE_BPRM },
	{ "template given by format", "measure template=d-ng|n-ng",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = MSR,
	  .action = MSR, .template = "ima-ng" },

	/* LSM labels: tried last, only for active labels */
	{ "obj_type= matches", "measure obj_type=etc_t", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .lsm = "obj_type=etc_t",
	  .want = ALL, .action = MSR, .lsm_calls = 1 },
	{ "obj_type= differs", "measure obj_type=etc_t", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = ROOT, .lsm = "obj_type=bin_t",
	  .want = ALL, .lsm_calls = 1 },
	{ "obj_type= without LSM callback", "measure obj_type=etc_t",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT, .want = ALL },
	{ "obj_ and subj_ both match", "measure subj_user=root obj_type=etc_t",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT,
	  .lsm = "obj_type=etc_t subj_user=root", .want = ALL, .action = MSR,
	  .lsm_calls = 2 },
	{ "obj_ fails first", "measure subj_user=root obj_type=etc_t",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT,
	  .lsm = "obj_type=bin_t subj_user=root", .want = ALL, .lsm_calls = 1 },
	{ "LSM asked only after the other conditions",
	  "measure uid=0 obj_type=etc_t\nmeasure pcr=12", .func = F_FILE,
	  .mask = RD, .fs = EXT4, .task = USER, .lsm = "obj_type=etc_t",
	  .want = ALL, .action = MSR, .pcr = PCR(12) },
	{ "LSM not asked for a decided class",
	  "measure\nmeasure obj_type=etc_t\naudit subj_role=r",
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT,
	  .lsm = "obj_type=etc_t subj_role=r", .want = MSR | AUD,
	  .action = MSR | AUD, .lsm_calls = 1 },
	{ "inactive label never matches",
	  "measure obj_type=unknown_t\nmeasure pcr=11", .custom = true,
	  .func = F_FILE, .mask = RD, .fs = EXT4, .task = ROOT,
	  .lsm = "obj_type=unknown_t", .want = ALL, .action = MSR,
	  .pcr = PCR(11) },
};

#undef MSR
#undef APR
#undef AUD
#undef HSH
#undef ALL
#undef SIG
#undef DIO
#undef MODSIG
#undef BLIST
#undef VERITY
#undef F_FILE
#undef F_MMAP
#undef F_BPRM
#undef F_SETATTR
#undef RD
#undef WR
#undef EX
#undef ALGO
#undef TASK
#undef ROOT
#undef USER
#undef SETUID
#undef SUID0
#undef SUID0_CAP
#undef RUID0
#undef RUID0_CAP
#undef SGID0
#undef SGID0_CAPG
#undef SGID0_CAPU
#undef SETGID
#undef EXT4_UUID
#undef EXT4
#undef PROC
#undef TMPFS
#undef NOFS
#undef PCR

/*
 * What a per-func index keeps: bit i of @kept says whether
 * match_index_rules[i] can match accesses of @func.
 */
static const char *const match_index_rules[] = {
	"measure", "measure func=FILE_CHECK", "measure func=KEY_CHECK",
	"measure func=CRITICAL_DATA",
	"appraise func=SETXATTR_CHECK appraise_algos=sha256",
};

struct match_index_case {
	enum sima_func func;
	unsigned int kept;
};

static const struct match_index_case match_index_cases[] = {
	{ SIMA_FUNC_FILE_CHECK, 0x03 },
	{ SIMA_FUNC_BPRM_CHECK, 0x01 },
	{ SIMA_FUNC_POST_SETATTR, 0x1f },
	{ SIMA_FUNC_KEY_CHECK, 0x04 },
	{ SIMA_FUNC_CRITICAL_DATA, 0x08 },
	{ SIMA_FUNC_SETXATTR_CHECK, 0x11 },
	{ SIMA_FUNC_NONE, 0x01 },
};

/* The fake LSM knows every label except those starting with "unknown". */
static int match_test_lsm_check(const struct sima_policy_env *env,
				enum sima_lsm_key key, const char *label)
{
	(void)env;
	(void)key;
	return strncmp(label, "unknown", 7) ? 0 : -EINVAL;
}

static const char *match_test_find_template(const struct sima_policy_env *env,
					    const char *name)
{
	static const char *const templates[][2] = {
		{ "ima-ng", "d-ng|n-ng" },
		{ "ima-sig", "d-ng|n-ng|sig" },
		{ "ima-buf", "d-ng|n-ng|buf" },
	};
	size_t i;

	(void)env;
	for (i = 0; i < ARRAY_SIZE(templates); i++)
		if (!strcmp(name, templates[i][0]) ||
		    !strcmp(name, templates[i][1]))
			return templates[i][0];
	return NULL;
}

#define MATCH_ENV(custom) {						\
	.key_check = true, .modsig = true, .verity = true,		\
	.custom_policy = custom,					\
	.hash_algos = ~0U, .lsm_check = match_test_lsm_check,		\
	.find_template = match_test_find_template,			\
}

static const struct sima_policy_env match_envs[2] = {
	MATCH_ENV(false), MATCH_ENV(true),
};

#undef MATCH_ENV

/**
 * struct match_lsm - the fake LSM's view of one access
 * @labels: "key=label" words the access carries
 * @calls: counts the callback's calls
 */
struct match_lsm {
	const char *labels;
	int *calls;
};

static int match_test_lsm_match(const struct sima_match_ctx *ctx,
				enum sima_lsm_key key, const char *label)
{
	const struct match_lsm *lsm = ctx->lsm_priv;
	const char *name = sima_policy_key_name(SIMA_KEY_OBJ_USER + key);
	size_t name_len = strlen(name), label_len = strlen(label);
	const char *p = lsm->labels;

	(*lsm->calls)++;
	while (*p) {
		size_t n = strcspn(p, " ");

		if (n == name_len + 1 + label_len && !strncmp(p, name, name_len) &&
		    p[name_len] == '=' && !strncmp(p + name_len + 1, label, label_len))
			return 1;
		p += n + (p[n] == ' ');
	}
	return 0;
}

/**
 * match_case_parse - the rules of a case
 * @c: the case
 * @rules: receives the parsed rules; free them with sima_rule_free()
 * @bad: set to the line that did not parse
 *
 * Return: the number of rules, or a negative errno.
 */
static int match_case_parse(const struct match_case *c,
			    struct sima_rule rules[MATCH_MAX_RULES],
			    const char **bad)
{
	const struct sima_policy_env *env = &match_envs[c->custom];
	const char *line = c->rules;
	int nr = 0, err = 0;

	while (*line && !err) {
		size_t len = strcspn(line, "\n");

		*bad = line;
		if (nr == MATCH_MAX_RULES)
			err = -E2BIG;
		else
			err = sima_rule_parse(line, len, env, &rules[nr], NULL);
		if (!err)
			nr++;
		line += len + (line[len] == '\n');
	}
	if (err < 0) {
		while (nr)
			sima_rule_free(&rules[--nr]);
		return err;
	}
	return nr;
}

/* The facts of a case; @lsm must live as long as @ctx. */
static void match_case_ctx(const struct match_case *c,
			   struct sima_match_ctx *ctx, struct match_lsm *lsm)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->func = c->func;
	ctx->mask = c->mask;
	ctx->has_inode = c->fs.has_inode;
	ctx->fsmagic = c->fs.magic;
	memcpy(ctx->fsuuid, c->fs.uuid, SIMA_UUID_SIZE);
	ctx->fsname = c->fs.name;
	ctx->fowner = c->fowner;
	ctx->fgroup = c->fgroup;
	ctx->uid = c->task.uid;
	ctx->euid = c->task.euid;
	ctx->suid = c->task.suid;
	ctx->gid = c->task.gid;
	ctx->egid = c->task.egid;
	ctx->sgid = c->task.sgid;
	ctx->cap_setuid = c->task.cap_setuid;
	ctx->cap_setgid = c->task.cap_setgid;
	ctx->keyring = c->func == SIMA_FUNC_KEY_CHECK ? c->data : NULL;
	ctx->label = c->func == SIMA_FUNC_CRITICAL_DATA ? c->data : NULL;
	if (c->lsm) {
		lsm->labels = c->lsm;
		ctx->lsm_match = match_test_lsm_match;
		ctx->lsm_priv = lsm;
	}
}

/*
 * Pointers to the rules a per-func index keeps for @func (all of them when
 * @all); returns how many.
 */
static unsigned int match_case_select(const struct sima_rule *rules,
				      unsigned int nr, enum sima_func func,
				      bool all,
				      const struct sima_rule *sel[MATCH_MAX_RULES])
{
	unsigned int i, n = 0;

	for (i = 0; i < nr; i++)
		if (all || sima_rule_can_match(&rules[i], func))
			sel[n++] = &rules[i];
	return n;
}

#endif /* _SIMA_MATCH_CASES_H */
