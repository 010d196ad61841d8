/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - integrity audit records in upstream IMA's format
 */
#ifndef _SIMA_AUDIT_H
#define _SIMA_AUDIT_H

#include <linux/types.h>

struct audit_buffer;
struct inode;
struct sima_digest;

/* Record types (include/uapi/linux/audit.h), defined there too. */
#define SIMA_AUDIT_INTEGRITY_DATA	1800
#define SIMA_AUDIT_INTEGRITY_METADATA	1801
#define SIMA_AUDIT_INTEGRITY_STATUS	1802
#define SIMA_AUDIT_INTEGRITY_PCR	1804
#define SIMA_AUDIT_INTEGRITY_RULE	1805
#define SIMA_AUDIT_INTEGRITY_POLICY_RULE	1807

/* The longest cause= value with its NUL, as upstream's. */
#define SIMA_AUDIT_CAUSE_LEN_MAX	32

int sima_audit_init(void);
void sima_audit_message(int type, const struct inode *inode, const char *name,
			const char *op, const char *cause, int result,
			bool info, int err);
void sima_audit_msg(int type, const struct inode *inode, const char *name,
		    const char *op, const char *cause, int result, bool info);
void sima_audit_measurement(const char *name,
			    const struct sima_digest *digest);

struct audit_buffer *sima_audit_rule_start(void);
void sima_audit_rule_word(struct audit_buffer *ab, const char *key, char op,
			  const char *val);
void sima_audit_rule_end(struct audit_buffer *ab, int result);

#endif /* _SIMA_AUDIT_H */
