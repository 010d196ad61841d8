// SPDX-License-Identifier: GPL-2.0
/*
 * sima - appended signatures on kernel modules and kexec images
 *
 * A rule with appraise_type=imasig|modsig lets a MODULE_CHECK or
 * KEXEC_*_CHECK buffer carry its own PKCS#7 signature, as upstream's
 * CONFIG_IMA_APPRAISE_MODSIG does: the signature is checked against the
 * IMA keyring, its digest goes into the d-modsig field of ima-modsig
 * entries, and appraise_flag=check_blacklist refuses a digest on the
 * kernel's .blacklist keyring.
 *
 * The PKCS#7 helpers IMA uses are not exported; they are found by name
 * at load. A kernel without them (no CONFIG_SYSTEM_DATA_VERIFICATION)
 * refuses modsig rules, as upstream without the option does.
 */

#include <crypto/pkcs7.h>
#include <keys/system_keyring.h>
#include <linux/err.h>
#include <linux/verification.h>

#include "sima/hash.h"
#include "sima/gate.h"
#include "sima/modsig.h"
#include "appraise/keys.h"

/**
 * sima_modsig_init - find the kernel's PKCS#7 helpers
 *
 * A kernel without them only lacks modsig support.
 *
 * Return: 0.
 */
int sima_modsig_init(void)
{
	if (!IS_ENABLED(CONFIG_SYSTEM_DATA_VERIFICATION))
		return 0;
	if (!sima_modsig_supported())
		pr_warn("no PKCS#7 verification in this kernel: appraise_type=imasig|modsig refused\n");
	return 0;
}

/**
 * sima_modsig_supported - can appended signatures be checked here
 *
 * Return: true when policies may allow them.
 */
bool sima_modsig_supported(void)
{
	return sima_gate_present(pkcs7_supply_detached_data) &&
	       sima_gate_present(pkcs7_get_digest) &&
	       sima_gate_present(verify_pkcs7_message_sig);
}

/**
 * sima_modsig_read - the appended signature of a buffer, if it has one
 * @buf: the contents a module or kexec load hands over
 * @size: their length
 * @ms: filled in on success; sima_modsig_release() it
 *
 * Parses the PKCS#7 message and has the kernel digest the signed data
 * with the message's algorithm, as upstream does before it measures or
 * appraises. A message that cannot be digested is kept with no digest:
 * it fails verification, and no d-modsig can be shown for it. @ms
 * borrows @buf.
 *
 * Return: 0, -ENOENT when there is none, or why it cannot be used.
 */
int sima_modsig_read(const void *buf, size_t size, struct sima_modsig *ms)
{
	enum hash_algo algo = HASH_ALGO__LAST;
	struct sima_modsig_layout l;
	int err;

	if (!sima_modsig_supported() || !buf)
		return -ENOENT;
	err = sima_modsig_layout(buf, size, &l);
	if (err == -ENOPKG)
		pr_err("appended signature: not signed with expected PKCS#7 message\n");
	else if (err == -EBADMSG)
		pr_err("appended signature: bad length or unexpected non-zero params\n");
	if (err)
		return err;
	ms->pkcs7 = pkcs7_parse_message(l.pkcs7, l.pkcs7_len);
	if (IS_ERR(ms->pkcs7))
		return PTR_ERR(ms->pkcs7);
	ms->raw = l.pkcs7;
	ms->raw_len = l.pkcs7_len;
	ms->digest = NULL;
	ms->digest_len = 0;
	err = sima_gate_pkcs7_supply_detached_data(ms->pkcs7, buf, l.data_len);
	if (!err)
		err = sima_gate_pkcs7_get_digest(ms->pkcs7, &ms->digest,
						 &ms->digest_len, &algo);
	if (err || (unsigned int)algo >= SIMA_HASH_ALGO__LAST || !ms->digest_len)
		ms->digest = NULL;
	ms->algo = algo;
	return 0;
}

/**
 * sima_modsig_release - free what sima_modsig_read() allocated
 * @ms: a signature it filled in
 */
void sima_modsig_release(struct sima_modsig *ms)
{
	pkcs7_free_message(ms->pkcs7);
}

static int verify_on(struct key *keyring, const void *priv)
{
	const struct sima_modsig *ms = priv;

	return sima_gate_verify_pkcs7_message_sig(NULL, 0, ms->pkcs7, keyring,
			      VERIFYING_MODULE_SIGNATURE, NULL, NULL);
}

/**
 * sima_modsig_verify - check an appended signature
 * @ms: the signature
 * @platform: also accept a key of the platform keyring (kexec images)
 *
 * Return: 0 when a key of the IMA keyrings (or, with @platform, of the
 * platform keyring) made it, else the verification error.
 */
int sima_modsig_verify(const struct sima_modsig *ms, bool platform)
{
	int err = sima_keys_check(verify_on, ms);

	if (err && platform &&
	    IS_ENABLED(CONFIG_INTEGRITY_PLATFORM_KEYRING))
		err = verify_on(VERIFY_USE_PLATFORM_KEYRING, ms);
	return err;
}

/**
 * sima_modsig_blacklisted - is the signed data's digest revoked
 * @ms: the signature
 *
 * Return: true when the kernel's .blacklist keyring lists the digest.
 */
bool sima_modsig_blacklisted(const struct sima_modsig *ms)
{
	return ms->digest &&
	       is_binary_blacklisted(ms->digest, ms->digest_len) == -EPERM;
}
