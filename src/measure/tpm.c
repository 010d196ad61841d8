// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the TPM: PCR banks, extension and boot_aggregate
 *
 * sima works without a TPM: nothing is extended, and boot_aggregate is
 * all zeros, as upstream does in "TPM-bypass" mode.
 */

#include <linux/device.h>
#include <linux/tpm.h>

#include "measure/tpm.h"

static struct tpm_chip *chip;
static struct sima_bank banks[TPM2_MAX_PCR_BANKS];
static unsigned int nr_banks;

/**
 * sima_tpm_banks - the allocated PCR banks, in the TPM's order
 * @out: receives the bank array
 *
 * Return: the number of banks, 0 without a TPM.
 */
unsigned int sima_tpm_banks(const struct sima_bank **out)
{
	*out = banks;
	return nr_banks;
}

/**
 * sima_tpm_extend - extend one PCR in every bank
 * @pcr: the PCR index
 * @digests: one digest per bank, in sima_tpm_banks() order
 *
 * One TPM command carries all banks. Sleeps.
 *
 * Return: 0 (also without a TPM), a negative errno, or the TPM's response
 * code (positive, e.g. TPM_RC_LOCALITY for a PCR locality 0 may not
 * extend): upstream's audit records name it, so it is passed up as is,
 * for reporting only.
 */
int sima_tpm_extend(u32 pcr, const struct sima_digest *digests)
{
	struct tpm_digest d[TPM2_MAX_PCR_BANKS];
	unsigned int i;
	int err;

	if (!chip)
		return 0;
	for (i = 0; i < nr_banks; i++) {
		d[i].alg_id = banks[i].tpm_alg;
		memset(d[i].digest, 0, sizeof(d[i].digest));
		memcpy(d[i].digest, digests[i].data,
		       min_t(unsigned int, digests[i].len, banks[i].size));
	}
	err = tpm_pcr_extend(chip, pcr, d);
	if (err)
		pr_err_ratelimited("extending PCR %u failed: %d\n", pcr, err);
	return err;
}

/*
 * Which bank boot_aggregate uses: the one of the measurement algorithm,
 * else the last SHA-256 bank, else the first SHA-1 bank.
 */
static int aggregate_bank(unsigned int algo)
{
	int i, sha256 = -1, sha1 = -1;

	for (i = 0; i < nr_banks; i++) {
		if (banks[i].algo == algo)
			return i;
		if (banks[i].algo == SIMA_HASH_ALGO_SHA256)
			sha256 = i;
		if (banks[i].algo == SIMA_HASH_ALGO_SHA1 && sha1 < 0)
			sha1 = i;
	}
	return sha256 >= 0 ? sha256 : sha1;
}

/**
 * sima_tpm_boot_aggregate - the digest of the boot PCRs
 * @algo: the algorithm the measurement list uses
 * @digest: receives the aggregate, named by the bank's algorithm
 *
 * SHA-1 banks aggregate PCRs 0-7, every other bank PCRs 0-9. Without a
 * TPM, or without a usable bank, the aggregate is zeros of @algo's size.
 *
 * Return: 0, or a negative errno from hashing.
 */
int sima_tpm_boot_aggregate(unsigned int algo, struct sima_digest *digest)
{
	struct tpm_digest pcr = { };
	u8 buf[10 * SIMA_HASH_MAX_DIGEST_SIZE];
	unsigned int i, last, size;
	int b = chip ? aggregate_bank(algo) : -1;
	int err;

	if (b < 0) {
		digest->algo = algo;
		digest->len = sima_hash_digest_size(algo);
		memset(digest->data, 0, sizeof(digest->data));
		return 0;
	}
	size = banks[b].size;
	last = banks[b].algo == SIMA_HASH_ALGO_SHA1 ? 7 : 9;
	pcr.alg_id = banks[b].tpm_alg;
	for (i = 0; i <= last; i++) {
		/* On a read error the previous PCR's value stays, as upstream. */
		err = tpm_pcr_read(chip, i, &pcr);
		if (err)
			pr_err("boot_aggregate: reading PCR %u failed: %d\n",
			       i, err);
		memcpy(buf + i * size, pcr.digest, size);
	}
	return sima_hash_buf(banks[b].algo, buf, (last + 1) * size, digest);
}

/**
 * sima_tpm_pcr_is_zero - has nothing been extended into a PCR yet
 * @pcr: the PCR index
 *
 * Checks the first bank. Without a TPM every PCR counts as zero.
 *
 * Return: true when the PCR still holds its reset value (all zeros).
 */
bool sima_tpm_pcr_is_zero(u32 pcr)
{
	struct tpm_digest d = { };

	if (!chip || !nr_banks)
		return true;
	d.alg_id = banks[0].tpm_alg;
	if (tpm_pcr_read(chip, pcr, &d))
		return true;
	return !memchr_inv(d.digest, 0, banks[0].size);
}

static u16 bank_algo(const struct tpm_bank_info *bank)
{
	unsigned int algo = bank->crypto_id;

	if (algo >= SIMA_HASH_ALGO__LAST ||
	    sima_hash_digest_size(algo) != bank->digest_size ||
	    !sima_hash_available(algo))
		return SIMA_HASH_ALGO__LAST;
	return algo;
}

/**
 * sima_tpm_init - find the default TPM and its banks
 *
 * Return: 0; a missing TPM is not an error.
 */
int sima_tpm_init(void)
{
	unsigned int i;

	chip = tpm_default_chip();
	if (!chip) {
		pr_info("no TPM found: measuring without extending PCRs\n");
		return 0;
	}
	nr_banks = min_t(u32, chip->nr_allocated_banks, TPM2_MAX_PCR_BANKS);
	for (i = 0; i < nr_banks; i++) {
		banks[i].tpm_alg = chip->allocated_banks[i].alg_id;
		banks[i].size = chip->allocated_banks[i].digest_size;
		banks[i].algo = bank_algo(&chip->allocated_banks[i]);
		banks[i].known = chip->allocated_banks[i].crypto_id <
				 HASH_ALGO__LAST;
	}
	return 0;
}

/**
 * sima_tpm_exit - drop the TPM reference
 */
void sima_tpm_exit(void)
{
	if (chip)
		put_device(&chip->dev);
	chip = NULL;
	nr_banks = 0;
}
