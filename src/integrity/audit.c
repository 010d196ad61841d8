// SPDX-License-Identifier: GPL-2.0
/*
 * sima - integrity audit records in upstream IMA's format
 *
 * Attestation and SIEM tooling parses these records, so the fields, their
 * order and the quoting are upstream's. audit_log_untrustedstring() is not
 * exported: quote_untrusted() applies the same rule.
 */

#include <linux/audit.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "sima/audit.h"
#include "sima/cmdline.h"
#include "sima/hash.h"
#include "sima/lock.h"

static bool integrity_audit;
/* Set at load when the parameter is given: it wins over the command line. */
static bool integrity_audit_given;

/* Turning audit down hides events: a locked sima keeps its setting. */
static int set_integrity_audit(const char *val, const struct kernel_param *kp)
{
	int err;

	if (sima_locked())
		return -EPERM;
	err = param_set_bool(val, kp);
	if (!err)
		integrity_audit_given = true;
	return err;
}

static const struct kernel_param_ops integrity_audit_ops = {
	.set = set_integrity_audit,
	.get = param_get_bool,
};

module_param_cb(integrity_audit, &integrity_audit_ops, &integrity_audit, 0644);
MODULE_PARM_DESC(integrity_audit,
		 "Also audit informational events, e.g. every measurement (default: off, or integrity_audit= on the command line of a kernel without IMA)");

/* As upstream: a number (any base), the last one wins; else ignored. */
static void cmdline_opt(char *param, char *val, void *priv)
{
	unsigned long v;

	if (val && !strcmp(param, "integrity_audit") && !kstrtoul(val, 0, &v))
		*(bool *)priv = v;
}

/**
 * sima_audit_init - take integrity_audit= from the kernel command line
 *
 * Only on a kernel without IMA, where nothing else claims the option, and
 * only when the module parameter was not given. Runs at load, before any
 * record is written.
 *
 * Return: 0, or -ENOMEM.
 */
int sima_audit_init(void)
{
	if (IS_ENABLED(CONFIG_IMA) || integrity_audit_given)
		return 0;
	return sima_cmdline_each(cmdline_opt, &integrity_audit);
}

/* audit_string_contains_control(): such strings are logged as hex. */
static bool needs_hex(const char *s)
{
	for (; *s; s++)
		if (*s == '"' || *s < 0x21 || *s > 0x7e)
			return true;
	return false;
}

static void log_untrusted(struct audit_buffer *ab, const char *s)
{
	if (!needs_hex(s)) {
		audit_log_format(ab, "\"%s\"", s);
		return;
	}
	for (; *s; s++)
		audit_log_format(ab, "%02X", (unsigned char)*s);
}

/**
 * sima_audit_message - an integrity record with an errno
 *	(integrity_audit_message() format)
 * @type: SIMA_AUDIT_INTEGRITY_*
 * @inode: the inode concerned, or NULL
 * @name: the file or event name, or NULL
 * @op: what was done
 * @cause: why the record is written
 * @result: 0 for success (logged as res=1), else an error
 * @info: informational: only logged with integrity_audit=1
 * @err: logged as errno=, negative as upstream logs it
 */
void sima_audit_message(int type, const struct inode *inode, const char *name,
			const char *op, const char *cause, int result,
			bool info, int err)
{
	char comm[TASK_COMM_LEN];
	struct audit_buffer *ab;

	if (info && !integrity_audit)
		return;
	ab = audit_log_start(audit_context(), GFP_KERNEL, type);
	if (!ab)
		return;
	audit_log_format(ab, "pid=%d uid=%u auid=%u ses=%u",
			 task_pid_nr(current),
			 from_kuid(&init_user_ns, current_uid()),
			 from_kuid(&init_user_ns, audit_get_loginuid(current)),
			 audit_get_sessionid(current));
	audit_log_task_context(ab);
	audit_log_format(ab, " op=%s cause=%s comm=", op, cause);
	log_untrusted(ab, get_task_comm(comm, current));
	if (name) {
		audit_log_format(ab, " name=");
		log_untrusted(ab, name);
	}
	if (inode) {
		audit_log_format(ab, " dev=");
		log_untrusted(ab, inode->i_sb->s_id);
		audit_log_format(ab, " ino=%lu", inode->i_ino);
	}
	audit_log_format(ab, " res=%d errno=%d", !result, err);
	audit_log_end(ab);
}

/**
 * sima_audit_msg - an integrity record (integrity_audit_msg() format)
 * @type: SIMA_AUDIT_INTEGRITY_*
 * @inode: the inode concerned, or NULL
 * @name: the file or event name, or NULL
 * @op: what was done
 * @cause: why the record is written
 * @result: 0 for success (logged as res=1), else an error
 * @info: informational: only logged with integrity_audit=1
 *
 * As upstream, errno= is always 0 in these records.
 */
void sima_audit_msg(int type, const struct inode *inode, const char *name,
		    const char *op, const char *cause, int result, bool info)
{
	sima_audit_message(type, inode, name, op, cause, result, info, 0);
}

/**
 * sima_audit_rule_start - open the record of one policy rule (type 1807)
 *
 * Upstream writes it for every rule it parses, whatever integrity_audit.
 *
 * Return: the record, or NULL when audit is off.
 */
struct audit_buffer *sima_audit_rule_start(void)
{
	return audit_log_start(audit_context(), GFP_KERNEL,
			       SIMA_AUDIT_INTEGRITY_POLICY_RULE);
}

/**
 * sima_audit_rule_word - one word of the rule, unquoted as upstream's
 * @ab: the record, or NULL
 * @key: e.g. "func"
 * @op: '=', '<' or '>'
 * @val: the value as written
 */
void sima_audit_rule_word(struct audit_buffer *ab, const char *key, char op,
			  const char *val)
{
	if (ab)
		audit_log_format(ab, "%s%c%s ", key, op, val);
}

/**
 * sima_audit_rule_end - close the record of a rule
 * @ab: the record, or NULL
 * @result: 0 when the rule is valid (res=1), else its errno
 */
void sima_audit_rule_end(struct audit_buffer *ab, int result)
{
	if (!ab)
		return;
	audit_log_format(ab, "res=%d", !result);
	audit_log_end(ab);
}

/**
 * sima_audit_measurement - the record of an "audit" policy rule
 * @name: the file's path
 * @digest: its content digest
 */
void sima_audit_measurement(const char *name, const struct sima_digest *digest)
{
	struct audit_buffer *ab;

	ab = audit_log_start(audit_context(), GFP_KERNEL,
			     SIMA_AUDIT_INTEGRITY_RULE);
	if (!ab)
		return;
	audit_log_format(ab, "file=");
	log_untrusted(ab, name);
	audit_log_format(ab, " hash=\"%s:%*phN\"",
			 sima_hash_algo_name(digest->algo), digest->len,
			 digest->data);
	audit_log_task_info(ab);
	audit_log_end(ab);
}
