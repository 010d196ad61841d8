// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the keyrings file signatures are checked with
 *
 * sima owns an IMA keyring, created at load: ".ima" as upstream names the
 * one a kernel with CONFIG_INTEGRITY_TRUSTED_KEYRING creates, or ".sima"
 * where native IMA may already own that name. keyctl padd asymmetric and
 * evmctl import fill it; root may view, read, write and search it.
 *
 * A signature names its key by the low 32 bits of the key's subject key
 * identifier; the check itself is the kernel's asymmetric-key API.
 *
 * keyring_restrict= says what the keyring accepts. The default, "trusted",
 * is upstream's CONFIG_INTEGRITY_TRUSTED_KEYRING model: only keys signed
 * by a key of the builtin or secondary trusted keyrings, or by a CA loaded
 * from x509_ca=; both sit in a sealed ".sima_ca" keyring (the system
 * keyrings linked in, the CAs loaded), and an intermediate already on the
 * IMA keyring may sign too (a CA chain). "builtin", "secondary" and "ca"
 * trust one of these alone. "all" is what a kernel without a trusted
 * keyring does (Debian's): any key root adds, and a "_ima" keyring that
 * userspace created (dracut does) is searched too; the first one found
 * from a task's keyrings is kept until unload. x509= loads certificates
 * into the IMA keyring at load, under the restriction.
 *
 * Kexec kernel images may also be signed by a key of the platform
 * keyring (UEFI db), as upstream with CONFIG_INTEGRITY_PLATFORM_KEYRING.
 */

#include <crypto/public_key.h>
#include <keys/asymmetric-type.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/key.h>
#include <linux/key-type.h>
#include <linux/kernel_read_file.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "sima/digest.h"
#include "sima/kernel_data.h"
#include "sima/xattr.h"
#include "appraise/blacklist.h"
#include "appraise/keys.h"

static char *x509;
module_param(x509, charp, 0444);
MODULE_PARM_DESC(x509, "DER certificates (comma-separated paths) to load into the IMA keyring at load");

static char *x509_ca;
module_param(x509_ca, charp, 0444);
MODULE_PARM_DESC(x509_ca, "DER CA certificates (comma-separated paths) the IMA keyring trusts (keyring_restrict=trusted or ca)");

static char *restrict_keys;
module_param_named(keyring_restrict, restrict_keys, charp, 0444);
MODULE_PARM_DESC(keyring_restrict, "Keys the IMA keyring accepts: trusted (default), builtin, secondary, ca or all");

static struct key *ima_keyring;
static struct key *ca_keyring;
/* The kernel's platform keyring (UEFI db), set at boot; NULL without. */
static struct key *platform_keyring;
/* Where the certificates loaded at init go; set at init only. */
static bool (*keep_cert)(const char *keyring, const void *cert, size_t len);
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

static const char *restrict_mode(void)
{
	return restrict_keys ?: "trusted";
}

/* keyring_restrict=all: sima's keyring takes any key root adds. */
static bool unrestricted(void)
{
	return !strcmp(restrict_mode(), "all");
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

/* A security.ima signature and what it signs. */
struct xattr_sig {
	struct sima_sig_hdr hdr;
	const u8 *data;
	unsigned int data_len;
};

static int verify_with(struct key *keyring, const void *priv)
{
	const struct xattr_sig *x = priv;
	struct public_key_signature pks = { };
	const struct public_key *pk;
	char name[12];
	key_ref_t kref;
	struct key *key;
	int ret;

	snprintf(name, sizeof(name), "id:%08x", x->hdr.keyid);
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
	pks.hash_algo = sima_hash_algo_name(x->hdr.algo);
	pks.digest = (u8 *)x->data;
	pks.digest_size = x->data_len;
	pks.s = (u8 *)x->hdr.sig;
	pks.s_size = x->hdr.sig_len;
	ret = verify_signature(key, &pks);
out:
	key_put(key);
	return ret;
}

/**
 * sima_keys_check - verify something against the IMA keyrings
 * @check: the verification against one keyring; -ENOKEY when the
 *	keyring lacks the key
 * @priv: for @check
 *
 * sima's own keyring first, then, where that keyring is unrestricted
 * (as upstream without CONFIG_INTEGRITY_TRUSTED_KEYRING), a "_ima"
 * keyring userspace made. A restricted keyring must not be bypassed by
 * one that root, or the first caller's session, can fill at will.
 *
 * Return: the first result other than -ENOKEY, or -ENOKEY.
 */
int sima_keys_check(int (*check)(struct key *keyring, const void *priv),
		    const void *priv)
{
	struct key *user;
	int ret;

	ret = check(ima_keyring, priv);
	if (ret != -ENOKEY || !unrestricted())
		return ret;
	user = find_user_keyring();
	return user ? check(user, priv) : ret;
}

/**
 * sima_keys_verify - check a security.ima signature (type 3 or 6)
 * @sig: the whole value, header first
 * @sig_len: its length
 * @data: what was signed: the file digest, or the ima_file_id hash
 * @data_len: its length
 * @platform: a key of the platform keyring may have made it too (a kexec
 *	kernel image's type 3 signature, as upstream)
 *
 * Return: 0 when valid; -EBADMSG for a malformed header, -ENOPKG for an
 * unknown algorithm, -EOPNOTSUPP for a version 1 signature (the legacy
 * RSA format, which needs CONFIG_SIGNATURE upstream), -ENOKEY when no
 * keyring holds the key, or the verification error.
 */
int sima_keys_verify(const u8 *sig, size_t sig_len, const u8 *data,
		     unsigned int data_len, bool platform)
{
	struct xattr_sig x = { .data = data, .data_len = data_len };
	int err;

	err = sima_xattr_sig_hdr(sig, sig_len, &x.hdr);
	if (err)
		return err;
	if (sima_blacklist_has_keyid(x.hdr.keyid))
		return -EKEYREJECTED;
	err = sima_keys_check(verify_with, &x);
	if (err && platform && platform_keyring)
		err = verify_with(platform_keyring, &x);
	return err;
}

/* Loads each DER certificate of a comma-separated list of paths. */
static int load_certs(struct key *keyring, char *paths)
{
	char *list, *cur, *path;
	key_ref_t kref;
	void *data;
	ssize_t len;
	int err = 0;

	list = kstrdup(paths, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	cur = list;
	while (!err && (path = strsep(&cur, ","))) {
		if (!*path)
			continue;
		data = NULL;
		len = kernel_read_file_from_path(path, 0, &data, SZ_64K, NULL,
						 READING_X509_CERTIFICATE);
		if (len < 0) {
			pr_err("cannot read %s: %zd\n", path, len);
			err = len;
			break;
		}
		kref = key_create_or_update(make_key_ref(keyring, 1),
					    "asymmetric", NULL, data, len,
					    (KEY_POS_ALL & ~KEY_POS_SETATTR) |
					    KEY_USR_VIEW | KEY_USR_READ,
					    KEY_ALLOC_NOT_IN_QUOTA);
		if (IS_ERR(kref)) {
			vfree(data);
			err = PTR_ERR(kref);
			pr_err("%s refused by %s: %d\n", path,
			       keyring->description, err);
			break;
		}
		pr_info("%s loaded into %s\n", path, keyring->description);
		key_ref_put(kref);
		/* Before sima's hooks: kept as the hook keeps what it sees. */
		keep_cert(keyring->description, data, len);
		vfree(data);
	}
	kfree(list);
	return err;
}

/*
 * The keyring the IMA keyring's signers must be on: the CAs of x509_ca=
 * and, for "trusted", the builtin and secondary trusted keyrings linked
 * in (the kernel's chain check searches linked keyrings too). Sealed once
 * filled: nothing can be added to it afterwards.
 */
static int make_ca_keyring(bool system)
{
	static const struct {
		const char *name;
		bool present;
	} system_keyrings[] = {
		{ "builtin_trusted_keys", IS_ENABLED(CONFIG_SYSTEM_TRUSTED_KEYRING) },
		{ "secondary_trusted_keys",
		  IS_ENABLED(CONFIG_SECONDARY_TRUSTED_KEYRING) },
	};
	struct key *k;
	unsigned int i;
	int err = 0;

	ca_keyring = keyring_alloc(".sima_ca", GLOBAL_ROOT_UID,
				   GLOBAL_ROOT_GID, current_cred(),
				   (KEY_POS_ALL & ~KEY_POS_SETATTR) |
				   KEY_USR_VIEW | KEY_USR_READ | KEY_USR_SEARCH,
				   KEY_ALLOC_NOT_IN_QUOTA, NULL, NULL);
	if (IS_ERR(ca_keyring)) {
		err = PTR_ERR(ca_keyring);
		ca_keyring = NULL;
		return err;
	}
	for (i = 0; system && !err && i < ARRAY_SIZE(system_keyrings); i++) {
		if (!system_keyrings[i].present)
			continue;
		k = sima_kernel_keyring(system_keyrings[i].name);
		if (k)
			err = key_link(ca_keyring, k);
	}
	if (!err && x509_ca)
		err = load_certs(ca_keyring, x509_ca);
	if (!err)
		err = keyring_restrict(make_key_ref(ca_keyring, 1), NULL, NULL);
	return err;
}

/* The restriction keyring_restrict= asks for; NULL for none. */
static struct key_restriction *restriction(void)
{
	static const char *const checks[][2] = {
		{ "trusted", "restrict_link_by_key_or_keyring_chain" },
		{ "builtin", "restrict_link_by_builtin_trusted" },
		{ "secondary", "restrict_link_by_builtin_and_secondary_trusted" },
		{ "ca", "restrict_link_by_key_or_keyring_chain" },
	};
	const char *mode = restrict_mode();
	struct key_restriction *r;
	unsigned int i;
	key_restrict_link_func_t check;
	int err;

	if (unrestricted())
		return NULL;
	for (i = 0; i < ARRAY_SIZE(checks); i++)
		if (!strcmp(mode, checks[i][0]))
			break;
	if (i == ARRAY_SIZE(checks)) {
		pr_err("keyring_restrict=%s: not trusted, builtin, secondary, ca or all\n",
		       mode);
		return ERR_PTR(-EINVAL);
	}
	check = sima_kernel_restrict_link(checks[i][1]);
	if (!check) {
		pr_err("keyring_restrict=%s: this kernel lacks %s\n",
		       mode, checks[i][1]);
		return ERR_PTR(-ENOENT);
	}
	if (!strcmp(mode, "ca") && !x509_ca) {
		pr_err("keyring_restrict=ca needs x509_ca=\n");
		return ERR_PTR(-EINVAL);
	}
	if (!strcmp(mode, "trusted") || !strcmp(mode, "ca")) {
		err = make_ca_keyring(!strcmp(mode, "trusted"));
		if (err)
			return ERR_PTR(err);
	}
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return ERR_PTR(-ENOMEM);
	r->check = check;
	/* The keyring puts this reference when it is destroyed. */
	r->key = key_get(ca_keyring);
	return r;
}

/**
 * sima_keys_init - create sima's IMA keyring and load x509= into it
 * @keep: handed each certificate loaded (x509=, x509_ca=), for a KEY_CHECK
 *	rule to measure later
 *
 * Return: 0, or an error (logged).
 */
int sima_keys_init(bool (*keep)(const char *keyring, const void *cert,
				size_t len))
{
	struct key_restriction *r;
	int err;

	keep_cert = keep;

	if (IS_ENABLED(CONFIG_INTEGRITY_PLATFORM_KEYRING))
		platform_keyring = sima_kernel_keyring("platform_trusted_keys");
	r = restriction();

	if (IS_ERR(r)) {
		err = PTR_ERR(r);
		goto err_ca;
	}
	ima_keyring = keyring_alloc(keyring_name(), GLOBAL_ROOT_UID,
				    GLOBAL_ROOT_GID, current_cred(),
				    (KEY_POS_ALL & ~KEY_POS_SETATTR) |
				    KEY_USR_VIEW | KEY_USR_READ |
				    KEY_USR_WRITE | KEY_USR_SEARCH,
				    KEY_ALLOC_NOT_IN_QUOTA, r, NULL);
	if (IS_ERR(ima_keyring)) {
		err = PTR_ERR(ima_keyring);
		pr_err("cannot create the %s keyring: %d\n", keyring_name(),
		       err);
		if (r)
			key_put(r->key);
		kfree(r);
		goto err_ca;
	}
	pr_info("IMA keyring %s: %d, keyring_restrict=%s\n", keyring_name(),
		ima_keyring->serial, restrict_mode());
	if (x509) {
		err = load_certs(ima_keyring, x509);
		if (err) {
			key_revoke(ima_keyring);
			key_put(ima_keyring);
			goto err_ca;
		}
	}
	return 0;

err_ca:
	if (ca_keyring) {
		key_revoke(ca_keyring);
		key_put(ca_keyring);
		ca_keyring = NULL;
	}
	return err;
}

/**
 * sima_keys_exit - drop sima's keyrings; no verification is running
 */
void sima_keys_exit(void)
{
	key_revoke(ima_keyring);
	key_put(ima_keyring);
	if (ca_keyring) {
		key_revoke(ca_keyring);
		key_put(ca_keyring);
	}
	if (user_keyring)
		key_put(user_keyring);
}
