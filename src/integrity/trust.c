// SPDX-License-Identifier: GPL-2.0
/*
 * sima - the trust generation: when cached appraisal verdicts go stale
 *
 * It moves on whenever trust is withdrawn (a blacklist entry, a key
 * leaving a keyring); a verdict cached under an older value is stale.
 * Appraisal caches verdicts under it, the parts that withdraw trust move
 * it on: it lives below both.
 */

#include <linux/cache.h>

#include "sima/trust.h"

atomic_t sima_trust_generation __read_mostly = ATOMIC_INIT(1);
