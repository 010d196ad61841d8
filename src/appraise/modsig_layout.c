// SPDX-License-Identifier: GPL-2.0
/*
 * sima - finding an appended signature (pure)
 *
 * The same checks, in the same order, as the kernel's module loader makes
 * (mod_check_sig()), so that a buffer is refused with the same errno.
 */

#include "sima/modsig.h"

/**
 * sima_modsig_layout - locate the appended signature of a buffer
 * @buf: the buffer (a kernel module or kexec image as read)
 * @len: its length
 * @out: where the signed data ends and the PKCS#7 message lies
 *
 * Return: 0; -ENOENT when there is no marker, -EBADMSG for a length that
 * does not fit or non-zero fields, -ENOPKG for a signature that is not
 * PKCS#7.
 */
int sima_modsig_layout(const u8 *buf, size_t len,
		       struct sima_modsig_layout *out)
{
	const size_t marker_len = sizeof(SIMA_MODSIG_MARKER) - 1;
	const u8 *info;
	u32 sig_len;
	int i;

	if (len <= marker_len + SIMA_MODSIG_INFO_SIZE ||
	    memcmp(buf + len - marker_len, SIMA_MODSIG_MARKER, marker_len))
		return -ENOENT;
	len -= marker_len;
	info = buf + len - SIMA_MODSIG_INFO_SIZE;
	sig_len = (u32)info[8] << 24 | (u32)info[9] << 16 |
		  (u32)info[10] << 8 | info[11];
	if (sig_len >= len - SIMA_MODSIG_INFO_SIZE)
		return -EBADMSG;
	if (info[2] != SIMA_MODSIG_ID_PKCS7)
		return -ENOPKG;
	/* algo, hash, signer_len, key_id_len and the padding */
	for (i = 0; i < 8; i++)
		if (i != 2 && info[i])
			return -EBADMSG;
	out->data_len = len - SIMA_MODSIG_INFO_SIZE - sig_len;
	out->pkcs7 = buf + out->data_len;
	out->pkcs7_len = sig_len;
	return 0;
}
