// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the keyrings file signatures are checked with
 *
 * sima owns an IMA keyring, created at load: ".ima" as upstream names the
 * one a kernel with CONFIG_INTEGRITY_TRUSTED_KEYRING creates, or ".sima"
 * where native IMA may already own that name. keyctl padd asymmetric and
 * evmctl import fill it; root may view, read, write and search it. Like
 * upstream without a trusted keyring, a "_ima" keyring that userspace
 * created (dracut does) is also searched: the first one found from a
 * task's keyrings is kept until unload.
 *
 * A signature names its key by the low 32 bits of the key's subject key
 * identifier; the check itself is the kernel's asymmetric-key API.
 */

#include <crypto/public_key.h>
#include <keys/asymmetric-type.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/key.h>
#include <linux/key-type.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "sima/digest.h"
#include "sima/keys.h"
#include "sima/xattr.h"

static struct key *ima_keyring;
/* The userspace "_ima" keyring, once found; published once, then fixed. */
static struct key *user_keyring;
/* Serialises looking "_ima" up. */
static DEFINE_MUTEX(user_keyring_mutex);

static const char *keyring_name(void)
{
	return IS_ENABLED(CONFIG_INTEGRITY_TRUSTED_KEYRING) ? ".sima" : ".ima";
}

/**
 * sima_keys_ima_serial - the serial number of sima's IMA keyring
 *
 * Return: the serial, for keyctl and evmctl import.
 */
s32 sima_keys_ima_serial(void)
{
	return ima_keyring->serial;
}

static struct key *find_user_keyring(void)
{
	/* Pairs with the release below: a seen keyring is set up. */
	struct key *keyring = smp_load_acquire(&user_keyring);

	if (keyring)
		return keyring;
	mutex_lock(&user_keyring_mutex);
	keyring = user_keyring;
	if (!keyring) {
		keyring = request_key(&key_type_keyring, "_ima", NULL);
		if (IS_ERR(keyring))
			keyring = NULL;
		else	/* publish once; the reference is kept */
			smp_store_release(&user_keyring, keyring);
	}
	mutex_unlock(&user_keyring_mutex);
	return keyring;
}

static const char *encoding(const char *pkey_algo)
{
	if (!strcmp(pkey_algo, "rsa"))
		return "pkcs1";
	if (!strncmp(pkey_algo, "ecdsa-", 6))
		return "x962";
	if (!strcmp(pkey_algo, "ecrdsa") || !strcmp(pkey_algo, "sm2"))
		return "raw";
	return NULL;
}

static int verify_with(struct key *keyring, const u8 *sig, size_t sig_len,
		       const u8 *data, unsigned int data_len)
{
	struct public_key_signature pks = { };
	const struct public_key *pk;
	char name[12];
	key_ref_t kref;
	struct key *key;
	int ret;

	snprintf(name, sizeof(name), "id:%08x", get_unaligned_be32(sig + 3));
	kref = keyring_search(make_key_ref(keyring, 1), &key_type_asymmetric,
			      name, true);
	if (IS_ERR(kref))
		return -ENOKEY;
	key = key_ref_to_ptr(kref);
	pk = asymmetric_key_public_key(key);
	pks.encoding = pk ? encoding(pk->pkey_algo) : NULL;
	if (!pks.encoding) {
		ret = -ENOPKG;
		goto out;
	}
	pks.pkey_algo = pk->pkey_algo;
	pks.hash_algo = sima_hash_algo_name(sig[2]);
	pks.digest = (u8 *)data;
	pks.digest_size = data_len;
	pks.s = (u8 *)sig + SIMA_SIG_HDR_SIZE;
	pks.s_size = sig_len - SIMA_SIG_HDR_SIZE;
	ret = verify_signature(key, &pks);
out:
	key_put(key);
	return ret;
}

/**
 * sima_keys_verify - check a security.ima signature (type 3 or 6)
 * @sig: the whole value, header first
 * @sig_len: its length
 * @data: what was signed: the file digest, or the ima_file_id hash
 * @data_len: its length
 *
 * Return: 0 when valid; -EBADMSG for a malformed header, -ENOPKG for an
 * unknown algorithm, -EOPNOTSUPP for a version 1 signature (the legacy
 * RSA format, which needs CONFIG_SIGNATURE upstream), -ENOKEY when no
 * keyring holds the key, or the verification error.
 */
int sima_keys_verify(const u8 *sig, size_t sig_len, const u8 *data,
		     unsigned int data_len)
{
	struct key *user;
	int ret;

	if (sig_len < 2)
		return -EBADMSG;
	if (sig[1] != 2 && sig[1] != 3)
		return -EOPNOTSUPP;
	if (sig_len <= SIMA_SIG_HDR_SIZE)
		return -EBADMSG;
	if (sig[2] >= SIMA_HASH_ALGO__LAST)
		return -ENOPKG;
	if (get_unaligned_be16(sig + 7) != sig_len - SIMA_SIG_HDR_SIZE)
		return -EBADMSG;
	ret = verify_with(ima_keyring, sig, sig_len, data, data_len);
	if (ret != -ENOKEY)
		return ret;
	user = find_user_keyring();
	return user ? verify_with(user, sig, sig_len, data, data_len) : ret;
}

/**
 * sima_keys_init - create sima's IMA keyring
 *
 * Return: 0, or the keyring allocation error.
 */
int sima_keys_init(void)
{
	ima_keyring = keyring_alloc(keyring_name(), GLOBAL_ROOT_UID,
				    GLOBAL_ROOT_GID, current_cred(),
				    (KEY_POS_ALL & ~KEY_POS_SETATTR) |
				    KEY_USR_VIEW | KEY_USR_READ |
				    KEY_USR_WRITE | KEY_USR_SEARCH,
				    KEY_ALLOC_NOT_IN_QUOTA, NULL, NULL);
	if (IS_ERR(ima_keyring)) {
		pr_err("cannot create the %s keyring: %ld\n", keyring_name(),
		       PTR_ERR(ima_keyring));
		return PTR_ERR(ima_keyring);
	}
	pr_info("IMA keyring %s: %d\n", keyring_name(), ima_keyring->serial);
	return 0;
}

/**
 * sima_keys_exit - drop sima's keyrings; no verification is running
 */
void sima_keys_exit(void)
{
	key_revoke(ima_keyring);
	key_put(ima_keyring);
	if (user_keyring)
		key_put(user_keyring);
}
