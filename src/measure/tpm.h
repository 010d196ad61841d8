/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - the TPM: PCR banks, extension and boot_aggregate
 */
#ifndef _SIMA_TPM_H
#define _SIMA_TPM_H

#include <linux/types.h>

#include "sima/hash.h"

/**
 * struct sima_bank - one allocated PCR bank
 * @tpm_alg: TPM algorithm id (TPM_ALG_*)
 * @algo: the matching enum sima_hash_algo, or SIMA_HASH_ALGO__LAST when
 *        the kernel cannot compute it (the bank then gets padded SHA-1)
 * @size: the bank's digest size
 * @known: the kernel maps @tpm_alg to a hash algorithm, computable or not
 */
struct sima_bank {
	u16 tpm_alg;
	u16 algo;
	u16 size;
	bool known;
};

int sima_tpm_init(void);
void sima_tpm_exit(void);
unsigned int sima_tpm_banks(const struct sima_bank **banks);
int sima_tpm_extend(u32 pcr, const struct sima_digest *digests);
bool sima_tpm_pcr_is_zero(u32 pcr);
int sima_tpm_boot_aggregate(unsigned int algo, struct sima_digest *digest);

#endif /* _SIMA_TPM_H */
