/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/policy/policy_parse.c and src/policy/policy_print.c,
 * shared by KUnit, tests/unit and the fuzzer's seed corpus
 *
 * Accepted lines come with the exact line IMA 6.1 shows when the policy is
 * read back (ima_policy_show); rejected lines with the errno IMA returns and
 * the reason sima gives. Each line is parsed in one of the environments of
 * policy_envs[], which fake what the running kernel supports.
 */
#ifndef _SIMA_POLICY_CASES_H
#define _SIMA_POLICY_CASES_H

#include "sima/digest.h"
#include "sima/policy_rule.h"

enum policy_env_id {
	E_BOOT,		/* boot policy active, everything supported */
	E_CUSTOM,	/* a custom policy is active */
	E_NOKEYS,	/* no CONFIG_IMA_MEASURE_ASYMMETRIC_KEYS */
	E_NOMODSIG,	/* no CONFIG_IMA_APPRAISE_MODSIG */
	E_NOVERITY,	/* no CONFIG_FS_VERITY */
	E_NOLSM,	/* no LSM rules, boot policy */
	E_NOLSM_CUSTOM,	/* no LSM rules, custom policy */
	E_USERNS,	/* writer in a user namespace */
	E_NR
};

static const char *const policy_env_names[E_NR] = {
	"boot", "custom", "nokeys", "nomodsig", "noverity", "nolsm",
	"nolsm-custom", "userns",
};

/*
 * A user namespace mapping ids 0..999 to 100000.. (gids to 200000..), and a
 * broken mapping of 777 to the invalid id, which the parser must refuse.
 */
static bool policy_test_map_id(const struct sima_policy_env *env, bool group,
			       u32 id, u32 *kid)
{
	(void)env;
	if (id >= 1000)
		return false;
	*kid = id == 777 ? (u32)-1 : (group ? 200000 : 100000) + id;
	return true;
}

/* The fake LSM knows every label except those starting with "unknown". */
static int policy_test_lsm_check(const struct sima_policy_env *env,
				 enum sima_lsm_key key, const char *label)
{
	(void)env;
	(void)key;
	return strncmp(label, "unknown", 7) ? 0 : -EINVAL;
}

/* 6.1's builtin templates: name, format. */
static const char *const policy_test_templates[][2] = {
	{ "ima", "d|n" },
	{ "ima-ng", "d-ng|n-ng" },
	{ "ima-sig", "d-ng|n-ng|sig" },
	{ "ima-ngv2", "d-ngv2|n-ng" },
	{ "ima-sigv2", "d-ngv2|n-ng|sig" },
	{ "ima-buf", "d-ng|n-ng|buf" },
	{ "ima-modsig", "d-ng|n-ng|sig|d-modsig|modsig" },
	{ "evm-sig",
	  "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|iuid|igid|imode" },
};

static const char *policy_test_find_template(const struct sima_policy_env *env,
					     const char *name)
{
	size_t i;

	(void)env;
	for (i = 0; i < ARRAY_SIZE(policy_test_templates); i++)
		if (!strcmp(name, policy_test_templates[i][0]) ||
		    !strcmp(name, policy_test_templates[i][1]))
			return policy_test_templates[i][0];
	return NULL;
}

/* What a usual kernel's crypto API has: no md4, rmd128+, wp, tgr. */
#define ALGO(id) (1U << SIMA_HASH_ALGO_##id)
#define POLICY_TEST_ALGOS (ALGO(MD5) | ALGO(SHA1) | ALGO(RIPE_MD_160) | \
			   ALGO(SHA256) | ALGO(SHA384) | ALGO(SHA512) | \
			   ALGO(SHA224) | ALGO(SM3_256) | \
			   ALGO(STREEBOG_256) | ALGO(STREEBOG_512))

#define ENV(keys, sig, custom, lsm, map)				\
	ENV_V(keys, sig, true, custom, lsm, map)
#define ENV_V(keys, sig, fsv, custom, lsm, map) {			\
	.key_check = keys, .modsig = sig, .verity = fsv,		\
	.custom_policy = custom,					\
	.hash_algos = POLICY_TEST_ALGOS, .map_id = map,			\
	.lsm_check = lsm, .find_template = policy_test_find_template,	\
}

static const struct sima_policy_env policy_envs[E_NR] = {
	[E_BOOT] = ENV(true, true, false, policy_test_lsm_check, NULL),
	[E_CUSTOM] = ENV(true, true, true, policy_test_lsm_check, NULL),
	[E_NOKEYS] = ENV(false, true, false, policy_test_lsm_check, NULL),
	[E_NOMODSIG] = ENV(true, false, false, policy_test_lsm_check, NULL),
	[E_NOVERITY] = ENV_V(true, true, false, false, policy_test_lsm_check,
			     NULL),
	[E_NOLSM] = ENV(true, true, false, NULL, NULL),
	[E_NOLSM_CUSTOM] = ENV(true, true, true, NULL, NULL),
	[E_USERNS] = ENV(true, true, false, policy_test_lsm_check,
			 policy_test_map_id),
};

#undef ENV
#undef ENV_V
#undef ALGO

/* How the read-back of an accepted line behaves when parsed again. */
enum policy_rt {
	RT,		/* gives the same rule: parse, print, parse, print agree */
	NO_RT,		/* 6.1's read-back is not a valid rule (see the line) */
};

struct policy_ok_case {
	const char *line;
	enum policy_env_id env;
	enum policy_rt rt;
	const char *want;	/* read-back, less the blank and newline that end
				 * every line; "" when the rule is not shown
				 */
};

#define OK(line, want) { line, E_BOOT, RT, want }
#define OK_ENV(env, line, want) { line, env, RT, want }
#define OK_NO_RT(env, line, want) { line, env, NO_RT, want }

static const struct policy_ok_case policy_ok_cases[] = {
	/* every action */
	OK("measure", "measure"),
	OK("dont_measure", "dont_measure"),
	OK("appraise", "appraise"),
	OK("dont_appraise", "dont_appraise"),
	OK("audit", "audit"),
	OK("hash", "hash"),
	OK("dont_hash", "dont_hash"),
	/* every func and alias */
	OK("measure func=FILE_CHECK", "measure func=FILE_CHECK"),
	OK("measure func=PATH_CHECK", "measure func=FILE_CHECK"),
	OK("measure func=MMAP_CHECK", "measure func=MMAP_CHECK"),
	OK("measure func=FILE_MMAP", "measure func=MMAP_CHECK"),
	OK("measure func=BPRM_CHECK", "measure func=BPRM_CHECK"),
	OK("appraise func=CREDS_CHECK", "appraise func=CREDS_CHECK"),
	OK("appraise func=MODULE_CHECK", "appraise func=MODULE_CHECK"),
	OK("dont_appraise func=FIRMWARE_CHECK", "dont_appraise func=FIRMWARE_CHECK"),
	OK("audit func=KEXEC_KERNEL_CHECK", "audit func=KEXEC_KERNEL_CHECK"),
	OK("hash func=KEXEC_INITRAMFS_CHECK", "hash func=KEXEC_INITRAMFS_CHECK"),
	OK("dont_hash func=POLICY_CHECK", "dont_hash func=POLICY_CHECK"),
	OK("measure func=KEXEC_CMDLINE", "measure func=KEXEC_CMDLINE"),
	OK("dont_measure func=KEXEC_CMDLINE", "dont_measure func=KEXEC_CMDLINE"),
	OK("measure func=KEY_CHECK", "measure func=KEY_CHECK"),
	OK("dont_measure func=KEY_CHECK", "dont_measure func=KEY_CHECK"),
	OK("measure func=CRITICAL_DATA", "measure func=CRITICAL_DATA"),
	OK("dont_measure func=CRITICAL_DATA", "dont_measure func=CRITICAL_DATA"),
	OK("appraise func=SETXATTR_CHECK appraise_algos=sha384,sha256",
	   "appraise func=SETXATTR_CHECK appraise_algos=sha256,sha384"),
	/* masks, exact and ^ */
	OK("measure mask=MAY_EXEC", "measure mask=MAY_EXEC"),
	OK("measure mask=MAY_WRITE", "measure mask=MAY_WRITE"),
	OK("measure mask=MAY_READ", "measure mask=MAY_READ"),
	OK("measure mask=MAY_APPEND", "measure mask=MAY_APPEND"),
	OK("measure mask=^MAY_EXEC", "measure mask=^MAY_EXEC"),
	OK("audit mask=^MAY_WRITE", "audit mask=^MAY_WRITE"),
	OK("hash mask=^MAY_READ", "hash mask=^MAY_READ"),
	OK("appraise mask=^MAY_APPEND", "appraise mask=^MAY_APPEND"),
	/* fsmagic: base 16, "0x" optional, a leading '+', 0 then another */
	OK("dont_measure fsmagic=0x9fa0", "dont_measure fsmagic=0x9fa0"),
	OK("dont_measure fsmagic=9FA0", "dont_measure fsmagic=0x9fa0"),
	OK("dont_measure fsmagic=0X01021994", "dont_measure fsmagic=0x1021994"),
	OK("dont_measure fsmagic=+0xEF53", "dont_measure fsmagic=0xef53"),
	OK("dont_measure fsmagic=0", "dont_measure fsmagic=0x0"),
	OK("dont_measure fsmagic=0 fsmagic=0x858458f6", "dont_measure fsmagic=0x858458f6"),
	OK("dont_measure fsmagic=0x0 fsmagic=0", "dont_measure fsmagic=0x0"),
	OK("dont_measure fsmagic=ffffffffffffffff", "dont_measure fsmagic=0xffffffffffffffff"),
	/* fsname: the last one wins, the read-back shows 63 bytes */
	OK("dont_measure fsname=tmpfs", "dont_measure fsname=tmpfs"),
	OK("dont_measure fsname=ext4 fsname=tmpfs", "dont_measure fsname=tmpfs"),
	OK("dont_measure fsname=a=b<c>d|e", "dont_measure fsname=a=b<c>d|e"),
	OK("dont_measure fsname=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789_XYZ",
	   "dont_measure fsname=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789_"),
	/* fsuuid: lower-case back; zero UUID then another; junk after 36 */
	OK("measure fsuuid=0123ABCD-4567-89ab-CDEF-0123456789AB",
	   "measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab"),
	OK("measure fsuuid=00000000-0000-0000-0000-000000000000",
	   "measure fsuuid=00000000-0000-0000-0000-000000000000"),
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"measure fsuuid=00000000-0000-0000-0000-000000000000 fsuuid=0123abcd-4567-89ab-cdef-0123456789ab",
		.want =
		"measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab",
	},
	OK("measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab-and-more",
	   "measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab"),
	/* every id condition with every operator */
	OK("measure uid=0", "measure uid=0"),
	OK("measure uid<1000", "measure uid<1000"),
	OK("measure uid>1000", "measure uid>1000"),
	OK("measure euid=0", "measure euid=0"),
	OK("measure euid<5", "measure euid<5"),
	OK("measure euid>5", "measure euid>5"),
	OK("measure gid=0", "measure gid=0"),
	OK("measure gid<100", "measure gid<100"),
	OK("measure gid>100", "measure gid>100"),
	OK("measure egid=0", "measure egid=0"),
	OK("measure egid<5", "measure egid<5"),
	OK("measure egid>5", "measure egid>5"),
	OK("appraise fowner=0", "appraise fowner=0"),
	OK("appraise fowner<1000", "appraise fowner<1000"),
	OK("appraise fowner>1000", "appraise fowner>1000"),
	OK("appraise fgroup=0", "appraise fgroup=0"),
	OK("appraise fgroup<10", "appraise fgroup<10"),
	OK("appraise fgroup>10", "appraise fgroup>10"),
	OK("measure uid=+42", "measure uid=42"),
	OK("measure uid=0007", "measure uid=7"),
	OK("measure uid=2147483647", "measure uid=2147483647"),
	OK("measure fgroup=1 fowner=2 egid=3 euid=4", "measure euid=4 egid=3 fowner=2 fgroup=1"),
	OK("measure uid=0 gid=0 fowner=0 fgroup=0", "measure uid=0 gid=0 fowner=0 fgroup=0"),
	/* 6.1 shows ids with %d: "uid=-2" is not a valid rule */
	OK_NO_RT(E_BOOT, "measure uid=4294967294", "measure uid=-2"),
	OK_NO_RT(E_BOOT, "measure fowner>2147483648", "measure fowner>-2147483648"),
	/* ids are mapped from the writer's namespace, shown kernel-global */
	OK_NO_RT(E_USERNS, "measure uid=5", "measure uid=100005"),
	OK_NO_RT(E_USERNS, "measure gid<999 fgroup>0 fowner=1",
		 "measure gid<200999 fowner=100001 fgroup>200000"),
	/* LSM conditions, shown in a fixed order */
	OK("measure obj_user=system_u", "measure obj_user=system_u"),
	OK("measure obj_role=object_r", "measure obj_role=object_r"),
	OK("measure obj_type=etc_t", "measure obj_type=etc_t"),
	OK("measure subj_user=user_u", "measure subj_user=user_u"),
	OK("measure subj_role=sysadm_r", "measure subj_role=sysadm_r"),
	OK("measure subj_type=sshd_t", "measure subj_type=sshd_t"),
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"measure subj_type=user_t subj_role=user_r subj_user=user_u obj_type=bin_t obj_role=object_r obj_user=system_u",
		.want =
		"measure obj_user=system_u obj_role=object_r obj_type=bin_t subj_user=user_u subj_role=user_r subj_type=user_t",
	},
	OK("measure func=KEXEC_CMDLINE subj_type=kexec_t",
	   "measure func=KEXEC_CMDLINE subj_type=kexec_t"),
	/* unknown labels under a custom policy: accepted, never shown */
	OK_ENV(E_CUSTOM, "measure obj_type=unknown_t", ""),
	OK_ENV(E_CUSTOM, "measure obj_type=etc_t subj_user=unknown_u", ""),
	OK_ENV(E_NOLSM_CUSTOM, "measure subj_type=sshd_t", ""),
	OK_ENV(E_CUSTOM, "measure obj_type=unknown_t obj_type=etc_t", "measure obj_type=etc_t"),
	OK_ENV(E_CUSTOM, "measure obj_type=etc_t", "measure obj_type=etc_t"),
	/* keyrings= and label= */
	OK("measure func=KEY_CHECK keyrings=.ima", "measure func=KEY_CHECK keyrings=.ima"),
	OK("measure func=KEY_CHECK keyrings=.ima|.builtin_trusted_keys|_ima",
	   "measure func=KEY_CHECK keyrings=.ima|.builtin_trusted_keys|_ima"),
	OK("measure template=ima-buf pcr=11 keyrings=.ima gid=0 uid=0 func=KEY_CHECK",
	   "measure func=KEY_CHECK keyrings=.ima pcr=11 uid=0 gid=0 template=ima-buf"),
	OK("dont_measure func=KEY_CHECK keyrings=.evm uid>0",
	   "dont_measure func=KEY_CHECK keyrings=.evm uid>0"),
	OK("measure func=CRITICAL_DATA label=selinux", "measure func=CRITICAL_DATA label=selinux"),
	OK("measure func=CRITICAL_DATA label=selinux|kernel_info|device-mapper uid=0 pcr=12 gid<5",
	   "measure func=CRITICAL_DATA label=selinux|kernel_info|device-mapper pcr=12 uid=0 gid<5"),
	OK_ENV(E_NOKEYS, "measure func=CRITICAL_DATA label=kernel_info",
	       "measure func=CRITICAL_DATA label=kernel_info"),
	/* pcr= */
	OK("measure pcr=11", "measure pcr=11"),
	OK("measure pcr=0", "measure pcr=0"),
	OK("measure pcr=63", "measure pcr=63"),
	OK("measure pcr=-0", "measure pcr=0"),
	OK("measure pcr=+05", "measure pcr=5"),
	OK("measure pcr=5 pcr=6", "measure pcr=6"),
	/* template=, by name or by format */
	OK("measure template=ima-sig", "measure template=ima-sig"),
	OK("measure template=d-ng|n-ng", "measure template=ima-ng"),
	OK("measure template=ima", "measure template=ima"),
	OK("measure func=BPRM_CHECK template=evm-sig", "measure func=BPRM_CHECK template=evm-sig"),
	OK("measure func=KEXEC_CMDLINE template=ima-buf",
	   "measure func=KEXEC_CMDLINE template=ima-buf"),
	/* appraise_type=, digest_type=, appraise_flag= */
	OK("appraise func=BPRM_CHECK appraise_type=imasig",
	   "appraise func=BPRM_CHECK appraise_type=imasig"),
	OK("appraise appraise_type=imasig appraise_type=imasig", "appraise appraise_type=imasig"),
	OK("appraise func=MODULE_CHECK appraise_type=imasig|modsig",
	   "appraise func=MODULE_CHECK appraise_type=imasig|modsig"),
	OK("appraise func=KEXEC_INITRAMFS_CHECK appraise_type=imasig appraise_type=imasig|modsig",
	   "appraise func=KEXEC_INITRAMFS_CHECK appraise_type=imasig|modsig"),
	OK_ENV(E_NOMODSIG, "appraise func=MODULE_CHECK appraise_type=imasig",
	       "appraise func=MODULE_CHECK appraise_type=imasig"),
	OK_ENV(E_NOVERITY, "appraise func=BPRM_CHECK appraise_type=imasig",
	       "appraise func=BPRM_CHECK appraise_type=imasig"),
	/* 6.1 shows sigv3 before digest_type=verity, which must come first */
	OK_NO_RT(E_BOOT, "appraise func=BPRM_CHECK digest_type=verity appraise_type=sigv3",
		 "appraise func=BPRM_CHECK appraise_type=sigv3 digest_type=verity"),
	{
		.env = E_BOOT, .rt = NO_RT,
		.line =
		"appraise digest_type=verity digest_type=verity appraise_type=sigv3 appraise_type=sigv3",
		.want =
		"appraise appraise_type=sigv3 digest_type=verity",
	},
	OK("measure func=BPRM_CHECK digest_type=verity",
	   "measure func=BPRM_CHECK digest_type=verity"),
	OK("dont_appraise digest_type=verity", "dont_appraise digest_type=verity"),
	OK("measure func=FILE_CHECK digest_type=verity template=ima-ngv2",
	   "measure func=FILE_CHECK template=ima-ngv2 digest_type=verity"),
	OK("appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist",
	   "appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist"),
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"appraise func=KEXEC_KERNEL_CHECK appraise_flag=blacklist appraise_type=imasig|modsig",
		.want =
		"appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist",
	},
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"appraise func=MODULE_CHECK appraise_flag=xblacklisty appraise_type=imasig|modsig appraise_flag=blacklist",
		.want =
		"appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist",
	},
	/* appraise_algos=, shown in id order */
	OK("appraise appraise_algos=sha512,sha256,sha1",
	   "appraise appraise_algos=sha1,sha256,sha512"),
	OK("appraise appraise_algos=sha256,sha256", "appraise appraise_algos=sha256"),
	OK("appraise func=SETXATTR_CHECK appraise_algos=streebog512,sm3,sha224,md5,rmd160,sha384",
	   "appraise func=SETXATTR_CHECK appraise_algos=md5,rmd160,sha384,sha224,sm3,streebog512"),
	/* permit_directio, on any action */
	OK("measure permit_directio", "measure permit_directio"),
	OK("dont_hash permit_directio", "dont_hash permit_directio"),
	OK("audit permit_directio permit_directio", "audit permit_directio"),
	OK("appraise func=MODULE_CHECK permit_directio",
	   "appraise func=MODULE_CHECK permit_directio"),
	/* everything at once, written in a scrambled order */
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"permit_directio subj_type=user_t appraise_type=imasig appraise_algos=sha256 fgroup>5 fowner=0 gid<100 uid>99 fsuuid=0123abcd-4567-89ab-cdef-0123456789ab fsname=ext4 fsmagic=0xef53 mask=^MAY_EXEC subj_role=user_r subj_user=user_u obj_type=bin_t obj_role=object_r obj_user=system_u appraise func=BPRM_CHECK",
		.want =
		"appraise func=BPRM_CHECK mask=^MAY_EXEC fsmagic=0xef53 fsname=ext4 fsuuid=0123abcd-4567-89ab-cdef-0123456789ab uid>99 gid<100 fowner=0 fgroup>5 appraise_algos=sha256 obj_user=system_u obj_role=object_r obj_type=bin_t subj_user=user_u subj_role=user_r subj_type=user_t appraise_type=imasig permit_directio",
	},
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"permit_directio digest_type=verity egid>3 fgroup=2 euid<5 fowner<1 pcr=12 fsuuid=0123abcd-4567-89ab-cdef-0123456789ab fsname=xfs fsmagic=0x58465342 mask=MAY_READ func=FILE_CHECK subj_type=t obj_user=u measure template=ima-ng",
		.want =
		"measure func=FILE_CHECK mask=MAY_READ fsmagic=0x58465342 fsname=xfs pcr=12 fsuuid=0123abcd-4567-89ab-cdef-0123456789ab euid<5 egid>3 fowner<1 fgroup=2 obj_user=u subj_type=t template=ima-ng digest_type=verity permit_directio",
	},
	/* blanks and tabs; the rule ends at a newline */
	OK("\t measure \t func=FILE_CHECK  \t", "measure func=FILE_CHECK"),
	OK("  dont_measure\tfsmagic=0x9fa0\t", "dont_measure fsmagic=0x9fa0"),
	OK("measure\nfunc=BOGUS", "measure"),
	OK("measure func=FILE_CHECK\t\n", "measure func=FILE_CHECK"),
	OK_ENV(E_NOLSM, "measure func=FILE_CHECK", "measure func=FILE_CHECK"),
	/* the builtin policies (spec 2): tcb */
	OK("dont_measure fsmagic=0x9fa0", "dont_measure fsmagic=0x9fa0"),
	OK("dont_measure fsmagic=0x62656572", "dont_measure fsmagic=0x62656572"),
	OK("dont_measure fsmagic=0x64626720", "dont_measure fsmagic=0x64626720"),
	OK("dont_measure fsmagic=0x1021994", "dont_measure fsmagic=0x1021994"),
	OK("dont_measure fsmagic=0x1cd1", "dont_measure fsmagic=0x1cd1"),
	OK("dont_measure fsmagic=0x42494e4d", "dont_measure fsmagic=0x42494e4d"),
	OK("dont_measure fsmagic=0x73636673", "dont_measure fsmagic=0x73636673"),
	OK("dont_measure fsmagic=0xf97cff8c", "dont_measure fsmagic=0xf97cff8c"),
	OK("dont_measure fsmagic=0x43415d53", "dont_measure fsmagic=0x43415d53"),
	OK("dont_measure fsmagic=0x27e0eb", "dont_measure fsmagic=0x27e0eb"),
	OK("dont_measure fsmagic=0x63677270", "dont_measure fsmagic=0x63677270"),
	OK("dont_measure fsmagic=0x6e736673", "dont_measure fsmagic=0x6e736673"),
	OK("dont_measure fsmagic=0xde5e81e4", "dont_measure fsmagic=0xde5e81e4"),
	OK("measure func=MMAP_CHECK mask=MAY_EXEC", "measure func=MMAP_CHECK mask=MAY_EXEC"),
	OK("measure func=BPRM_CHECK mask=MAY_EXEC", "measure func=BPRM_CHECK mask=MAY_EXEC"),
	OK("measure func=FILE_CHECK mask=^MAY_READ euid=0",
	   "measure func=FILE_CHECK mask=^MAY_READ euid=0"),
	OK("measure func=FILE_CHECK mask=^MAY_READ uid=0",
	   "measure func=FILE_CHECK mask=^MAY_READ uid=0"),
	OK("measure func=MODULE_CHECK", "measure func=MODULE_CHECK"),
	OK("measure func=FIRMWARE_CHECK", "measure func=FIRMWARE_CHECK"),
	OK("measure func=POLICY_CHECK", "measure func=POLICY_CHECK"),
	/* ima_tcb */
	OK("measure func=FILE_CHECK mask=MAY_READ uid=0",
	   "measure func=FILE_CHECK mask=MAY_READ uid=0"),
	/* appraise_tcb */
	OK("dont_appraise fsmagic=0x9fa0", "dont_appraise fsmagic=0x9fa0"),
	OK("dont_appraise fsmagic=0x62656572", "dont_appraise fsmagic=0x62656572"),
	OK("dont_appraise fsmagic=0x64626720", "dont_appraise fsmagic=0x64626720"),
	OK("dont_appraise fsmagic=0x1021994", "dont_appraise fsmagic=0x1021994"),
	OK("dont_appraise fsmagic=0x858458f6", "dont_appraise fsmagic=0x858458f6"),
	OK("dont_appraise fsmagic=0x1cd1", "dont_appraise fsmagic=0x1cd1"),
	OK("dont_appraise fsmagic=0x42494e4d", "dont_appraise fsmagic=0x42494e4d"),
	OK("dont_appraise fsmagic=0x73636673", "dont_appraise fsmagic=0x73636673"),
	OK("dont_appraise fsmagic=0xf97cff8c", "dont_appraise fsmagic=0xf97cff8c"),
	OK("dont_appraise fsmagic=0x43415d53", "dont_appraise fsmagic=0x43415d53"),
	OK("dont_appraise fsmagic=0x6e736673", "dont_appraise fsmagic=0x6e736673"),
	OK("dont_appraise fsmagic=0xde5e81e4", "dont_appraise fsmagic=0xde5e81e4"),
	OK("dont_appraise fsmagic=0x27e0eb", "dont_appraise fsmagic=0x27e0eb"),
	OK("dont_appraise fsmagic=0x63677270", "dont_appraise fsmagic=0x63677270"),
	OK("appraise func=POLICY_CHECK appraise_type=imasig",
	   "appraise func=POLICY_CHECK appraise_type=imasig"),
	OK("appraise fowner=0", "appraise fowner=0"),
	OK("appraise fowner=0 appraise_type=imasig", "appraise fowner=0 appraise_type=imasig"),
	/* secure_boot, build-time and EFI arch rules */
	OK("appraise func=MODULE_CHECK appraise_type=imasig",
	   "appraise func=MODULE_CHECK appraise_type=imasig"),
	OK("appraise func=FIRMWARE_CHECK appraise_type=imasig",
	   "appraise func=FIRMWARE_CHECK appraise_type=imasig"),
	OK("appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig",
	   "appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig"),
	OK("measure func=KEXEC_KERNEL_CHECK", "measure func=KEXEC_KERNEL_CHECK"),
	/* critical_data */
	OK("measure func=CRITICAL_DATA", "measure func=CRITICAL_DATA"),
	/* powerpc arch rules */
	{
		.env = E_BOOT, .rt = RT,
		.line =
		"appraise func=KEXEC_KERNEL_CHECK appraise_flag=check_blacklist appraise_type=imasig|modsig",
		.want =
		"appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist",
	},
	OK("appraise func=MODULE_CHECK appraise_flag=check_blacklist appraise_type=imasig|modsig",
	   "appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist"),
	OK("measure func=KEXEC_KERNEL_CHECK template=ima-modsig",
	   "measure func=KEXEC_KERNEL_CHECK template=ima-modsig"),
	OK("measure func=MODULE_CHECK template=ima-modsig",
	   "measure func=MODULE_CHECK template=ima-modsig"),
};

#undef OK
#undef OK_ENV
#undef OK_NO_RT

struct policy_bad_case {
	const char *line;
	enum policy_env_id env;
	int err;
	const char *why;
};

#define BAD(line, why) { line, E_BOOT, -EINVAL, why }
#define BAD_ENV(env, line, why) { line, env, -EINVAL, why }
#define BAD_ERANGE(line, why) { line, E_BOOT, -ERANGE, why }

#define R_UNKNOWN "unknown token"
#define R_ACTION2 "a rule takes exactly one action"
#define R_NO_ACTION "rule has no action"
#define R_FUNC "unknown func= value"
#define R_MASK "unknown mask= value"
#define R_FSMAGIC "fsmagic= is not a hex number"
#define R_UUID "fsuuid= is not a UUID"
#define R_ID "id is not a decimal number"
#define R_ID_RANGE "id out of range"
#define R_LIST "empty item in a keyrings=/label= list"
#define R_ATYPE "unknown appraise_type= value"
#define R_AFLAG "unknown appraise_flag= value"
#define R_VERITY_SIG "appraise_type=imasig conflicts with digest_type=verity"
#define R_NO_VERITY "digest_type=verity needs fs-verity (CONFIG_FS_VERITY) in the kernel"
#define R_ALGO "unknown hash algorithm in appraise_algos="
#define R_PCR "pcr= is not a PCR index"
#define R_APPRAISE_ONLY \
	"appraise_type=, appraise_flag= and appraise_algos= are only valid with appraise"
#define R_CMDLINE "KEXEC_CMDLINE rules accept only fs, id, pcr, LSM and template conditions"
#define R_KEY "KEY_CHECK rules accept only uid, gid, pcr, keyrings, template"
#define R_DATA "CRITICAL_DATA rules accept only uid, gid, pcr, label, template"
#define R_NO_LSM "KEY_CHECK and CRITICAL_DATA rules accept no LSM conditions"
#define R_SETXATTR "SETXATTR_CHECK rules accept only func and appraise_algos"
#define R_NO_KEYS "func=KEY_CHECK needs asymmetric key measurement"
#define R_LSM "LSM label not known to the LSM"

static const struct policy_bad_case policy_bad_cases[] = {
	/* unknown tokens: misspelt, wrong case, bad operator, empty value */
	BAD("measure foo", R_UNKNOWN),
	BAD("MEASURE", R_UNKNOWN),
	BAD("measure Func=FILE_CHECK", R_UNKNOWN),
	BAD("measure func", R_UNKNOWN),
	BAD("measure=1", R_UNKNOWN),
	BAD("measure permit_directio=1", R_UNKNOWN),
	BAD("measure obj_user<system_u", R_UNKNOWN),
	BAD("measure fsname>ext4", R_UNKNOWN),
	BAD("measure pcr<5", R_UNKNOWN),
	BAD("measure func=", R_UNKNOWN),
	BAD("measure fsname=", R_UNKNOWN),
	BAD("measure mask=", R_UNKNOWN),
	BAD("measure uid=", R_UNKNOWN),
	BAD("measure uid<", R_UNKNOWN),
	BAD("measure template=", R_UNKNOWN),
	BAD("measure func=FILE_CHECK\r", R_FUNC),
	BAD("measure\r func=FILE_CHECK", R_UNKNOWN),
	BAD("measure\v", R_UNKNOWN),
	/* '#' only starts a comment at the start of the line */
	BAD("measure # a comment", R_UNKNOWN),
	BAD("measure func=FILE_CHECK #", R_UNKNOWN),
	BAD("measure #func=FILE_CHECK", R_UNKNOWN),
	/* exactly one action */
	BAD("measure dont_measure", R_ACTION2),
	BAD("measure measure", R_ACTION2),
	BAD("audit hash", R_ACTION2),
	BAD("appraise func=FILE_CHECK dont_appraise", R_ACTION2),
	BAD("func=FILE_CHECK", R_NO_ACTION),
	BAD("permit_directio", R_NO_ACTION),
	BAD("mask=MAY_READ uid=0", R_NO_ACTION),
	/* func= */
	BAD("measure func=FILE_CHECK func=FILE_CHECK", "duplicate func="),
	BAD("measure func=PATH_CHECK func=MMAP_CHECK", "duplicate func="),
	BAD("measure func=FOO_CHECK", R_FUNC),
	BAD("measure func=POST_SETATTR", R_FUNC),
	BAD("measure func=NONE", R_FUNC),
	BAD("measure func=file_check", R_FUNC),
	BAD("measure func=FILE_CHECK,MMAP_CHECK", R_FUNC),
	BAD_ENV(E_NOKEYS, "measure func=KEY_CHECK", R_NO_KEYS),
	BAD_ENV(E_NOKEYS, "measure func=KEY_CHECK keyrings=.ima", R_NO_KEYS),
	BAD_ENV(E_NOKEYS, "measure keyrings=.ima func=KEY_CHECK",
		"keyrings= needs asymmetric key measurement"),
	/* mask= */
	BAD("measure mask=MAY_READ mask=MAY_READ", "duplicate mask="),
	BAD("measure mask=^MAY_READ mask=MAY_EXEC", "duplicate mask="),
	BAD("measure mask=MAY_OPEN", R_MASK),
	BAD("measure mask=^", R_MASK),
	BAD("measure mask=^^MAY_READ", R_MASK),
	BAD("measure mask=MAY_READ|MAY_WRITE", R_MASK),
	BAD("measure mask=may_read", R_MASK),
	/* fsmagic= */
	BAD("dont_measure fsmagic=0x10 fsmagic=0x10", "duplicate fsmagic="),
	BAD("dont_measure fsmagic=0x10 fsmagic=0", "duplicate fsmagic="),
	BAD("dont_measure fsmagic=0x", R_FSMAGIC),
	BAD("dont_measure fsmagic=0xx1", R_FSMAGIC),
	BAD("dont_measure fsmagic=xyz", R_FSMAGIC),
	BAD("dont_measure fsmagic=-1", R_FSMAGIC),
	BAD("dont_measure fsmagic=0x+1", R_FSMAGIC),
	BAD("dont_measure fsmagic=++1", R_FSMAGIC),
	BAD("dont_measure fsmagic=0x9fa0g", R_FSMAGIC),
	BAD_ERANGE("dont_measure fsmagic=0x10000000000000000", R_FSMAGIC),
	BAD_ERANGE("dont_measure fsmagic=fffffffffffffffff0xyz", R_FSMAGIC),
	/* fsuuid= */
	{
		.env = E_BOOT, .err = -EINVAL,
		.line =
		"measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab fsuuid=0123abcd-4567-89ab-cdef-0123456789ab",
		.why = "duplicate fsuuid=",
	},
	{
		.env = E_BOOT, .err = -EINVAL,
		.line =
		"measure fsuuid=0123abcd-4567-89ab-cdef-0123456789ab fsuuid=00000000-0000-0000-0000-000000000000",
		.why = "duplicate fsuuid=",
	},
	BAD("measure fsuuid=0123abcd-4567-89ab-cdef-0123456789a", R_UUID),
	BAD("measure fsuuid=0123abcd4567-89ab-cdef-0123456789abc", R_UUID),
	BAD("measure fsuuid=0123abcd-4567-89ab-cdef_0123456789ab", R_UUID),
	BAD("measure fsuuid=0123abcg-4567-89ab-cdef-0123456789ab", R_UUID),
	BAD("measure fsuuid={0123abcd-4567-89ab-cdef-0123456789ab}", R_UUID),
	BAD("measure fsuuid=0123abcd45678", R_UUID),
	/* id conditions: one per slot, uid and euid share one */
	BAD("measure uid=0 euid=0", "duplicate uid=/euid="),
	BAD("measure euid=0 uid=0", "duplicate uid=/euid="),
	BAD("measure uid=0 uid=0", "duplicate uid=/euid="),
	BAD("measure uid>5 uid<10", "duplicate uid=/euid="),
	BAD("measure gid=0 egid=0", "duplicate gid=/egid="),
	BAD("measure egid<1 gid>1", "duplicate gid=/egid="),
	BAD("appraise fowner=0 fowner=1", "duplicate fowner="),
	BAD("appraise fgroup=0 fgroup<1", "duplicate fgroup="),
	/* ids: decimal, 32 bits, not (u32)-1, mapped */
	BAD("measure uid=-1", R_ID),
	BAD("measure uid=0x10", R_ID),
	BAD("measure uid=1a", R_ID),
	BAD("measure uid<=5", R_ID),
	BAD("measure uid=+-5", R_ID),
	BAD("measure euid= 0", R_UNKNOWN),
	BAD("measure uid=4294967295", R_ID_RANGE),
	BAD("measure gid=4294967296", R_ID_RANGE),
	BAD("appraise fowner>18446744073709551615", R_ID_RANGE),
	BAD_ERANGE("measure uid=18446744073709551616", R_ID),
	BAD_ERANGE("measure fgroup=99999999999999999999x", R_ID),
	BAD_ENV(E_USERNS, "measure uid=1000", "id does not map in the writer's user namespace"),
	BAD_ENV(E_USERNS, "measure fgroup>5000", "id does not map in the writer's user namespace"),
	BAD_ENV(E_USERNS, "measure uid=777", "id does not map in the writer's user namespace"),
	/* LSM conditions */
	BAD("measure obj_type=unknown_t", R_LSM),
	BAD("measure subj_user=system_u subj_role=unknown_r", R_LSM),
	BAD_ENV(E_NOLSM, "measure obj_type=etc_t", R_LSM),
	BAD("measure obj_type=etc_t obj_type=etc_t", "duplicate obj_type="),
	BAD_ENV(E_CUSTOM, "measure subj_user=user_u subj_user=unknown_u", "duplicate subj_user="),
	BAD("measure obj_user=a obj_user=b", "duplicate obj_user="),
	BAD("measure obj_role=a obj_role=b", "duplicate obj_role="),
	BAD("measure subj_role=a subj_role=b", "duplicate subj_role="),
	BAD("measure subj_type=a subj_type=b", "duplicate subj_type="),
	/* keyrings= and label= */
	BAD("measure func=KEY_CHECK keyrings=.ima keyrings=.evm", "duplicate keyrings="),
	BAD("measure func=KEY_CHECK keyrings=.ima||.evm", R_LIST),
	BAD("measure func=KEY_CHECK keyrings=|", R_LIST),
	BAD("measure func=KEY_CHECK keyrings=|.ima", R_LIST),
	BAD("measure func=KEY_CHECK keyrings=.ima|", R_LIST),
	BAD("measure func=CRITICAL_DATA label=a label=b", "duplicate label="),
	BAD("measure func=CRITICAL_DATA label=selinux||kernel_info", R_LIST),
	BAD("measure keyrings=.ima", "keyrings= is only valid with func=KEY_CHECK"),
	BAD("measure func=FILE_CHECK keyrings=.ima", "keyrings= is only valid with func=KEY_CHECK"),
	BAD("measure func=MODULE_CHECK keyrings=.ima",
	    "keyrings= is only valid with func=KEY_CHECK"),
	BAD("measure func=KEXEC_CMDLINE keyrings=.ima", R_CMDLINE),
	BAD("measure func=KEY_CHECK label=selinux", R_KEY),
	BAD("measure label=selinux", "label= is only valid with func=CRITICAL_DATA"),
	BAD("measure func=BPRM_CHECK label=selinux",
	    "label= is only valid with func=CRITICAL_DATA"),
	BAD("measure func=CRITICAL_DATA keyrings=.ima", R_DATA),
	/* pcr= */
	BAD("dont_measure pcr=5", "pcr= is only valid with measure"),
	BAD("appraise pcr=5", "pcr= is only valid with measure"),
	BAD("audit pcr=5", "pcr= is only valid with measure"),
	BAD("measure pcr=64", R_PCR),
	BAD("measure pcr=-1", R_PCR),
	BAD("measure pcr=x", R_PCR),
	BAD("measure pcr=0x1", R_PCR),
	BAD("measure pcr=--1", R_PCR),
	BAD("measure pcr=-+0", R_PCR),
	BAD("measure pcr=+-0", R_PCR),
	BAD("measure pcr=-", R_PCR),
	BAD("measure pcr=99999999999999999999", R_PCR),
	BAD("measure pcr=5 pcr=x", R_PCR),
	/* template= */
	BAD("template=ima-ng measure", "template= must follow measure"),
	BAD("dont_measure template=ima-ng", "template= must follow measure"),
	BAD("appraise template=ima-sig", "template= must follow measure"),
	BAD("measure template=ima-sigv3", "unknown template"),
	BAD("measure template=IMA-NG", "unknown template"),
	BAD("measure template=d-ng", "unknown template"),
	BAD("measure template=ima-ng template=ima-ng", "duplicate template="),
	BAD("measure template=ima-ng template=ima-sig", "duplicate template="),
	BAD("measure template=ima-ng template=bogus", "unknown template"),
	/* digest_type= and appraise_type= ordering */
	BAD("appraise digest_type=verity appraise_type=imasig", R_VERITY_SIG),
	BAD("appraise func=MODULE_CHECK digest_type=verity appraise_type=imasig|modsig",
	    R_VERITY_SIG),
	BAD("appraise appraise_type=imasig digest_type=verity",
	    "digest_type= must come before appraise_type="),
	BAD("appraise digest_type=verity appraise_type=sigv3 digest_type=verity",
	    "digest_type= must come before appraise_type="),
	BAD("appraise appraise_type=sigv3", "appraise_type=sigv3 needs digest_type=verity first"),
	BAD("appraise appraise_type=sigv3 digest_type=verity",
	    "appraise_type=sigv3 needs digest_type=verity first"),
	BAD("measure digest_type=sha256", "digest_type= accepts only verity"),
	BAD("measure digest_type=VERITY", "digest_type= accepts only verity"),
	BAD("appraise digest_type=verity",
	    "appraise with digest_type=verity needs appraise_type=sigv3"),
	BAD("appraise func=BPRM_CHECK digest_type=verity permit_directio",
	    "appraise with digest_type=verity needs appraise_type=sigv3"),
	BAD("measure func=MODULE_CHECK digest_type=verity",
	    "digest_type=verity is not valid with MODULE_CHECK and KEXEC_*_CHECK"),
	/* sima, unlike 6.1, refuses rules a kernel without fs-verity fails */
	BAD_ENV(E_NOVERITY, "measure func=FILE_CHECK digest_type=verity", R_NO_VERITY),
	BAD_ENV(E_NOVERITY, "appraise digest_type=verity appraise_type=sigv3",
		R_NO_VERITY),
	BAD_ENV(E_NOVERITY, "dont_measure digest_type=verity", R_NO_VERITY),
	/* appraise_type= values and where they apply */
	BAD("appraise appraise_type=modsig", R_ATYPE),
	BAD("appraise appraise_type=imasig|sigv3", R_ATYPE),
	BAD("appraise appraise_type=IMASIG", R_ATYPE),
	BAD("appraise func=FILE_CHECK appraise_type=imasig|modsig",
	    "imasig|modsig is only valid with MODULE_CHECK and KEXEC_*_CHECK"),
	BAD("appraise func=FIRMWARE_CHECK appraise_type=imasig|modsig",
	    "imasig|modsig is only valid with MODULE_CHECK and KEXEC_*_CHECK"),
	BAD_ENV(E_NOMODSIG, "appraise func=MODULE_CHECK appraise_type=imasig|modsig", R_ATYPE),
	BAD("measure appraise_type=imasig", R_APPRAISE_ONLY),
	BAD("dont_appraise appraise_type=imasig", R_APPRAISE_ONLY),
	BAD("measure digest_type=verity appraise_type=sigv3", R_APPRAISE_ONLY),
	/* appraise_flag= */
	BAD("appraise func=MODULE_CHECK appraise_flag=check_blacklist",
	    "appraise_flag= needs appraise_type=imasig|modsig"),
	BAD("appraise func=MODULE_CHECK appraise_type=imasig appraise_flag=check_blacklist",
	    "appraise_flag= needs appraise_type=imasig|modsig"),
	BAD("appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check", R_AFLAG),
	BAD("appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=BLACKLIST",
	    R_AFLAG),
	BAD_ENV(E_NOMODSIG, "appraise func=MODULE_CHECK appraise_flag=check_blacklist", R_AFLAG),
	BAD("appraise func=FILE_CHECK appraise_flag=check_blacklist",
	    "appraise_flag= is only valid with MODULE_CHECK and KEXEC_*_CHECK"),
	BAD("measure func=MODULE_CHECK appraise_flag=check_blacklist", R_APPRAISE_ONLY),
	/* appraise_algos= */
	BAD("appraise appraise_algos=blake2b-256", R_ALGO),
	BAD("appraise appraise_algos=SHA256", R_ALGO),
	BAD("appraise appraise_algos=sha256,", R_ALGO),
	BAD("appraise appraise_algos=,sha256", R_ALGO),
	BAD("appraise appraise_algos=sha256,,sha1", R_ALGO),
	BAD("appraise appraise_algos=sha256 sha1", R_UNKNOWN),
	BAD("appraise appraise_algos=md4", "hash algorithm in appraise_algos= is not available"),
	BAD("appraise appraise_algos=sha256,wp512",
	    "hash algorithm in appraise_algos= is not available"),
	BAD("appraise appraise_algos=sha256 appraise_algos=sha1", "duplicate appraise_algos="),
	BAD("measure appraise_algos=sha256", R_APPRAISE_ONLY),
	BAD("dont_appraise appraise_algos=sha256", R_APPRAISE_ONLY),
	/* KEXEC_CMDLINE */
	BAD("measure func=KEXEC_CMDLINE mask=MAY_READ", R_CMDLINE),
	BAD("measure func=KEXEC_CMDLINE permit_directio", R_CMDLINE),
	BAD("measure func=KEXEC_CMDLINE digest_type=verity", R_CMDLINE),
	BAD("appraise func=KEXEC_CMDLINE",
	    "KEXEC_CMDLINE rules accept only measure and dont_measure"),
	BAD("audit func=KEXEC_CMDLINE", "KEXEC_CMDLINE rules accept only measure and dont_measure"),
	/* KEY_CHECK */
	BAD("measure func=KEY_CHECK euid=0", R_KEY),
	BAD("measure func=KEY_CHECK egid=0", R_KEY),
	BAD("measure func=KEY_CHECK fowner=0", R_KEY),
	BAD("measure func=KEY_CHECK fsmagic=0x9fa0", R_KEY),
	BAD("measure func=KEY_CHECK permit_directio", R_KEY),
	BAD("measure func=KEY_CHECK mask=MAY_READ", R_KEY),
	BAD("measure func=KEY_CHECK subj_type=kernel_t", R_NO_LSM),
	BAD_ENV(E_CUSTOM, "measure func=KEY_CHECK obj_type=unknown_t", R_NO_LSM),
	BAD("appraise func=KEY_CHECK", "KEY_CHECK rules accept only measure and dont_measure"),
	BAD("hash func=KEY_CHECK", "KEY_CHECK rules accept only measure and dont_measure"),
	/* CRITICAL_DATA */
	BAD("measure func=CRITICAL_DATA fowner=0", R_DATA),
	BAD("measure func=CRITICAL_DATA fgroup=0", R_DATA),
	BAD("measure func=CRITICAL_DATA euid=0", R_DATA),
	BAD("measure func=CRITICAL_DATA fsname=ext4", R_DATA),
	BAD("measure func=CRITICAL_DATA obj_user=system_u", R_NO_LSM),
	BAD("dont_appraise func=CRITICAL_DATA",
	    "CRITICAL_DATA rules accept only measure and dont_measure"),
	/* SETXATTR_CHECK */
	BAD("appraise func=SETXATTR_CHECK", "SETXATTR_CHECK rules need appraise_algos="),
	BAD("appraise func=SETXATTR_CHECK fsmagic=0x9fa0",
	    "SETXATTR_CHECK rules need appraise_algos="),
	BAD("appraise func=SETXATTR_CHECK appraise_algos=sha256 fsmagic=0x9fa0", R_SETXATTR),
	BAD("appraise func=SETXATTR_CHECK appraise_algos=sha256 uid=0", R_SETXATTR),
	BAD("appraise func=SETXATTR_CHECK appraise_algos=sha256 permit_directio", R_SETXATTR),
	BAD("appraise func=SETXATTR_CHECK appraise_algos=sha256 appraise_type=imasig", R_SETXATTR),
	BAD("measure func=SETXATTR_CHECK", "SETXATTR_CHECK rules accept only appraise"),
	BAD("dont_appraise func=SETXATTR_CHECK appraise_algos=sha256", R_APPRAISE_ONLY),
};

#undef BAD
#undef BAD_ENV
#undef BAD_ERANGE

/* Lines that hold no rule: sima_rule_parse() returns 1. */
static const char *const policy_blank_cases[] = {
	"",
	" ",
	"\t \t",
	"#",
	"# measure func=FILE_CHECK",
	"  \t# indented comment with junk: func=BOGUS ##",
	"#measure",
	"\n",
	"\t\t\nmeasure",
	"\nmeasure func=FILE_CHECK",
};

/*
 * Parse, print, parse the printed line, print again: both prints agree.
 * Inputs are written the way people write them, not canonically.
 */
struct policy_rt_case {
	const char *line;
	enum policy_env_id env;
};

static const struct policy_rt_case policy_rt_cases[] = {
	{ "\tmeasure\tfunc=PATH_CHECK  mask=^MAY_READ\teuid=0", E_BOOT },
	{ "dont_measure fsmagic=0X0000ABC", E_BOOT },
	{ "dont_measure fsmagic=0 fsmagic=+ABC fsname=a fsname=b", E_BOOT },
	{ "appraise fowner<+0010 appraise_type=imasig", E_BOOT },
	{ "measure pcr=-0 template=d-ng|n-ng uid>1", E_BOOT },
	{ "measure pcr=+9 pcr=10 func=FILE_MMAP mask=MAY_EXEC", E_BOOT },
	{
		.line =
		"dont_measure fsname=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789_-and-more",
	},
	{
		.line =
		"measure fsuuid=00000000-0000-0000-0000-000000000000 fsuuid=0123ABCD-4567-89AB-CDEF-0123456789ABxyz",
	},
	{ "permit_directio hash fgroup>7 egid<3", E_BOOT },
	{ "appraise appraise_algos=sha512,sha1,md5,sha512 func=SETXATTR_CHECK", E_BOOT },
	{
		.line =
		"appraise func=MODULE_CHECK appraise_flag=check_blacklist appraise_type=imasig appraise_type=imasig|modsig",
	},
	{ "measure func=KEY_CHECK keyrings=.ima|.evm|_ima uid=0 template=ima-buf", E_BOOT },
	{ "measure func=CRITICAL_DATA pcr=15 label=kernel_info|selinux", E_BOOT },
	{ "dont_appraise digest_type=verity digest_type=verity fsname=ext4", E_BOOT },
	{
		.line =
		"subj_type=t_t obj_role=r_r measure obj_type=o_t subj_user=s_u obj_user=u_u subj_role=sr_r",
	},
	{ "measure obj_type=unknown_t obj_type=etc_t", E_CUSTOM },
	{ "audit func=BPRM_CHECK mask=MAY_EXEC fowner>1000 permit_directio", E_NOLSM },
	{
		.env = E_NOMODSIG,
		.line =
		"measure func=KEXEC_CMDLINE fsname=x fsuuid=0123abcd-4567-89ab-cdef-0123456789ab gid>4",
	},
};

/* What the parser stores, for a few rules (flags are compared whole). */
struct policy_field_case {
	const char *line;
	u32 action;
	u32 flags;
	enum sima_func func;
	u32 mask;
	u64 fsmagic;
	int pcr;
	u32 algos;
	u32 uid;
	char uid_op;
};

static const struct policy_field_case policy_field_cases[] = {
	{ "measure func=FILE_CHECK mask=^MAY_READ euid<5 fsmagic=0x10 pcr=3",
	  SIMA_ACT_MEASURE, SIMA_RULE_FUNC | SIMA_RULE_INMASK |
	  SIMA_RULE_EUID | SIMA_RULE_FSMAGIC | SIMA_RULE_PCR,
	  SIMA_FUNC_FILE_CHECK, MAY_READ, 0x10, 3, 0, 5, '<' },
	{ "appraise func=FILE_MMAP mask=MAY_EXEC uid>1000 appraise_type=imasig",
	  SIMA_ACT_APPRAISE, SIMA_RULE_FUNC | SIMA_RULE_MASK | SIMA_RULE_UID |
	  SIMA_RULE_DIGSIG_REQUIRED, SIMA_FUNC_MMAP_CHECK, MAY_EXEC, 0, 0, 0,
	  1000, '>' },
	{ "appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig|modsig appraise_flag=blacklist",
	  SIMA_ACT_APPRAISE, SIMA_RULE_FUNC | SIMA_RULE_DIGSIG_REQUIRED |
	  SIMA_RULE_MODSIG_ALLOWED | SIMA_RULE_CHECK_BLACKLIST,
	  SIMA_FUNC_KEXEC_KERNEL_CHECK, 0, 0, 0, 0, 0, 0 },
	{ "appraise permit_directio appraise_algos=sha1,sha256",
	  SIMA_ACT_APPRAISE, SIMA_RULE_PERMIT_DIRECTIO |
	  SIMA_RULE_APPRAISE_ALGOS, SIMA_FUNC_NONE, 0, 0, 0,
	  1U << SIMA_HASH_ALGO_SHA1 | 1U << SIMA_HASH_ALGO_SHA256, 0, 0 },
	{ "appraise func=POLICY_CHECK digest_type=verity appraise_type=sigv3",
	  SIMA_ACT_APPRAISE, SIMA_RULE_FUNC | SIMA_RULE_VERITY_REQUIRED |
	  SIMA_RULE_DIGSIG_REQUIRED, SIMA_FUNC_POLICY_CHECK, 0, 0, 0, 0, 0, 0 },
	{ "dont_hash uid=4294967294", SIMA_ACT_DONT_HASH, SIMA_RULE_UID,
	  SIMA_FUNC_NONE, 0, 0, 0, 0, 4294967294U, '=' },
	{ "audit func=PATH_CHECK", SIMA_ACT_AUDIT, SIMA_RULE_FUNC,
	  SIMA_FUNC_FILE_CHECK, 0, 0, 0, 0, 0, 0 },
};

/* Spec 0: the kernel's enum hash_algo. */
struct policy_algo_case {
	unsigned int id;
	const char *name;
	unsigned int size;
};

static const struct policy_algo_case policy_algo_cases[] = {
	{ 0, "md4", 16 }, { 1, "md5", 16 }, { 2, "sha1", 20 },
	{ 3, "rmd160", 20 }, { 4, "sha256", 32 }, { 5, "sha384", 48 },
	{ 6, "sha512", 64 }, { 7, "sha224", 28 }, { 8, "rmd128", 16 },
	{ 9, "rmd256", 32 }, { 10, "rmd320", 40 }, { 11, "wp256", 32 },
	{ 12, "wp384", 48 }, { 13, "wp512", 64 }, { 14, "tgr128", 16 },
	{ 15, "tgr160", 20 }, { 16, "tgr192", 24 }, { 17, "sm3", 32 },
	{ 18, "streebog256", 32 }, { 19, "streebog512", 64 },
};

#endif /* _SIMA_POLICY_CASES_H */
