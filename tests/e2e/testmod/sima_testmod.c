// SPDX-License-Identifier: GPL-2.0
/*
 * sima_testmod - a tiny module for the sima end-to-end tests
 *
 * Loading and unloading it exercises finit_module/init_module.  Writing a
 * firmware name to /sys/module/sima_testmod/parameters/load_fw makes it
 * call request_firmware() for that name on behalf of a root device
 * registered at init; the write returns 0 on success or the error of
 * request_firmware().
 *
 * Writing a hex digest to /sys/module/sima_testmod/parameters/blacklist_bin
 * puts it on the kernel's .blacklist keyring as a binary hash, for good:
 * userspace may not add to that keyring itself.
 *
 * Writing the path of a DER certificate to
 * /sys/module/sima_testmod/parameters/platform_cert adds it to the kernel's
 * .platform keyring (UEFI db keys on real machines), which userspace may
 * not write to; rmmod unlinks it again.
 *
 * Loaded with kprobe_post=SYMBOL it puts a kprobe with a post handler on
 * SYMBOL for its lifetime: on an ftrace location such a kprobe modifies
 * the IP (IPMODIFY), as livepatch does, so sima cannot hook SYMBOL then.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/err.h>
#include <linux/firmware.h>
#include <keys/system_keyring.h>
#include <linux/ima.h>
#include <linux/kernel_read_file.h>
#include <linux/key.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

/* The device firmware is requested for; NULL outside init..exit. */
static struct device *testmod_dev;
/* Protects @testmod_dev against a parameter write racing with exit. */
static DEFINE_MUTEX(testmod_lock);

static int load_fw_set(const char *val, const struct kernel_param *kp)
{
	const struct firmware *fw;
	char *name;
	int ret;

	name = kstrdup(val, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	strim(name);

	mutex_lock(&testmod_lock);
	if (!testmod_dev) {
		ret = -ENODEV;
		goto out_unlock;
	}
	ret = request_firmware(&fw, name, testmod_dev);
	if (!ret) {
		pr_info("loaded firmware %s (%zu bytes)\n", name, fw->size);
		release_firmware(fw);
	}
out_unlock:
	mutex_unlock(&testmod_lock);
	kfree(name);
	return ret;
}

static const struct kernel_param_ops load_fw_ops = {
	.set = load_fw_set,
};

module_param_cb(load_fw, &load_fw_ops, NULL, 0200);
MODULE_PARM_DESC(load_fw, "write a firmware name to request_firmware() it");

/*
 * "[hash ]LABEL NAME PAYLOAD": report critical data as device-mapper or
 * SELinux would. Kernels without native IMA have only a stub, which sima
 * cannot see.
 */
static int critical_data_set(const char *val, const struct kernel_param *kp)
{
	char *args, *p, *label, *name;
	bool hash = false;
	int ret = -EINVAL;

	args = kstrdup(val, GFP_KERNEL);
	if (!args)
		return -ENOMEM;
	p = strim(args);
	if (str_has_prefix(p, "hash ")) {
		hash = true;
		p += strlen("hash ");
	}
	label = strsep(&p, " ");
	name = strsep(&p, " ");
	if (label && name && p && *p) {
		/* Callers ignore the result: native IMA without policy fails. */
		ret = ima_measure_critical_data(label, name, p, strlen(p),
						hash, NULL, 0);
		pr_info("critical data %s/%s: native IMA says %d\n", label,
			name, ret);
		ret = 0;
	}
	kfree(args);
	return ret;
}

static const struct kernel_param_ops critical_data_ops = {
	.set = critical_data_set,
};

module_param_cb(critical_data, &critical_data_ops, NULL, 0200);
MODULE_PARM_DESC(critical_data, "write \"[hash ]LABEL NAME PAYLOAD\" to measure critical data");

/* mark_hash_blacklisted() is not exported: a kprobe reveals it. */
static int blacklist_bin_set(const char *val, const struct kernel_param *kp)
{
	int (*mark)(const u8 *hash, size_t hash_len,
		    enum blacklist_hash_type hash_type);
	struct kprobe probe = { .symbol_name = "mark_hash_blacklisted" };
	size_t len = strcspn(val, "\n") / 2;
	u8 hash[64];
	int ret;

	if (!len || len > sizeof(hash) || hex2bin(hash, val, len))
		return -EINVAL;
	ret = register_kprobe(&probe);
	if (ret)
		return ret;
	mark = (void *)probe.addr;
	unregister_kprobe(&probe);
	return mark(hash, len, BLACKLIST_HASH_BINARY);
}

static const struct kernel_param_ops blacklist_bin_ops = {
	.set = blacklist_bin_set,
};

module_param_cb(blacklist_bin, &blacklist_bin_ops, NULL, 0200);
MODULE_PARM_DESC(blacklist_bin, "write a hex digest to blacklist it as a binary hash");

/* The .platform keyring and the certificate put on it, until exit. */
static struct key *platform_keyring, *platform_key;
/* Protects platform_keyring and platform_key. */
static DEFINE_MUTEX(platform_lock);

/* The kernel's platform keyring is a static: kallsyms, through a kprobe. */
static struct key *find_platform_keyring(void)
{
	struct kprobe probe = { .symbol_name = "kallsyms_lookup_name" };
	unsigned long (*lookup)(const char *name);
	struct key **keyring;

	if (register_kprobe(&probe))
		return NULL;
	lookup = (void *)probe.addr;
	unregister_kprobe(&probe);
	keyring = (struct key **)lookup("platform_trusted_keys");
	return keyring ? *keyring : NULL;
}

static int platform_cert_set(const char *val, const struct kernel_param *kp)
{
	void *data = NULL;
	key_ref_t kref;
	char *path;
	ssize_t len;
	int ret = 0;

	path = kstrdup(val, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	len = kernel_read_file_from_path(strim(path), 0, &data, SZ_64K, NULL,
					 READING_X509_CERTIFICATE);
	kfree(path);
	if (len < 0)
		return len;
	mutex_lock(&platform_lock);
	if (!platform_keyring)
		platform_keyring = find_platform_keyring();
	if (!platform_keyring || platform_key) {
		ret = platform_keyring ? -EBUSY : -ENOENT;
		goto out;
	}
	kref = key_create_or_update(make_key_ref(platform_keyring, 1),
				    "asymmetric", NULL, data, len,
				    (KEY_POS_ALL & ~KEY_POS_SETATTR) |
				    KEY_USR_VIEW, KEY_ALLOC_NOT_IN_QUOTA);
	if (IS_ERR(kref))
		ret = PTR_ERR(kref);
	else
		platform_key = key_ref_to_ptr(kref);
out:
	mutex_unlock(&platform_lock);
	vfree(data);
	return ret;
}

static const struct kernel_param_ops platform_cert_ops = {
	.set = platform_cert_set,
};

module_param_cb(platform_cert, &platform_cert_ops, NULL, 0200);
MODULE_PARM_DESC(platform_cert, "write a DER certificate's path to put it on .platform");

static char *kprobe_post;
module_param(kprobe_post, charp, 0444);
MODULE_PARM_DESC(kprobe_post, "symbol to hold a kprobe with a post handler on");

static void post_handler(struct kprobe *p, struct pt_regs *regs,
			 unsigned long flags)
{
}

static struct kprobe post_probe = {
	.post_handler = post_handler,
};

static int __init sima_testmod_init(void)
{
	struct device *dev;
	int err;

	if (kprobe_post) {
		post_probe.symbol_name = kprobe_post;
		err = register_kprobe(&post_probe);
		if (err) {
			pr_err("kprobe on %s: %d\n", kprobe_post, err);
			return err;
		}
	}
	dev = root_device_register("sima_testmod");
	if (IS_ERR(dev)) {
		if (kprobe_post)
			unregister_kprobe(&post_probe);
		return PTR_ERR(dev);
	}
	mutex_lock(&testmod_lock);
	testmod_dev = dev;
	mutex_unlock(&testmod_lock);
	return 0;
}

static void __exit sima_testmod_exit(void)
{
	struct device *dev;

	mutex_lock(&testmod_lock);
	dev = testmod_dev;
	testmod_dev = NULL;
	mutex_unlock(&testmod_lock);
	root_device_unregister(dev);
	if (kprobe_post)
		unregister_kprobe(&post_probe);
	if (platform_key) {
		key_unlink(platform_keyring, platform_key);
		key_put(platform_key);
	}
}

module_init(sima_testmod_init);
module_exit(sima_testmod_exit);

MODULE_DESCRIPTION("sima e2e test helper: module and firmware loading");
MODULE_LICENSE("GPL");
