/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - calling kernel functions found by name
 *
 * A kernel built with IBT (CONFIG_X86_KERNEL_IBT, Debian's 6.12) faults on
 * any indirect call that does not land on an ENDBR instruction, and at boot
 * it overwrites the ENDBR of every function whose address it never takes
 * ("sealing"). Most functions sima finds through kallsyms are sealed, so
 * sima never calls a looked-up address through a pointer. Each such
 * function has a gate instead: a thunk in sima's own text (gate_thunks.S) that
 * pushes the function's address and returns into it. A return is not an
 * indirect branch, and the callee runs as if called directly. Callers make
 * a direct call to the gate, which is declared with the kernel's own
 * prototype of the function, so every call is type-checked against the
 * kernel sima is built for. The same gates run on kernels without IBT.
 *
 * Nothing outside the kernel seam turns a name into an address: see
 * scripts/check-gates.sh, which the build runs.
 */
#ifndef _SIMA_GATE_H
#define _SIMA_GATE_H

#include <crypto/pkcs7.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fsverity.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/security.h>
#include <linux/verification.h>
#include <linux/xattr.h>

enum sima_gate_id {
#define SIMA_GATE(sym, required) SIMA_GATE_##sym,
#include "sima/gates.def"
#undef SIMA_GATE
	SIMA_NR_GATES
};

/* What each gate enters, by enum sima_gate_id; set at load. */
extern unsigned long sima_gate_addrs[SIMA_NR_GATES];

/* Whether the running kernel has the (optional) function SYM. */
#define sima_gate_present(sym)	(sima_gate_addrs[SIMA_GATE_##sym] != 0)

/* The gates of gates.def, typed as the functions they enter. */
extern typeof(kallsyms_lookup_name) sima_gate_kallsyms_lookup_name;
extern typeof(kallsyms_on_each_match_symbol)
	sima_gate_kallsyms_on_each_match_symbol;
extern typeof(ftrace_location) sima_gate_ftrace_location;
extern typeof(__kernel_read) sima_gate___kernel_read;
extern typeof(d_absolute_path) sima_gate_d_absolute_path;
extern typeof(__vfs_setxattr_noperm) sima_gate___vfs_setxattr_noperm;
extern typeof(fsverity_get_digest) sima_gate_fsverity_get_digest;
extern typeof(security_audit_rule_init) sima_gate_security_audit_rule_init;
extern typeof(security_audit_rule_match) sima_gate_security_audit_rule_match;
extern typeof(security_audit_rule_free) sima_gate_security_audit_rule_free;
extern typeof(security_inode_getsecid) sima_gate_security_inode_getsecid;
extern typeof(pkcs7_supply_detached_data) sima_gate_pkcs7_supply_detached_data;
extern typeof(pkcs7_get_digest) sima_gate_pkcs7_get_digest;
extern typeof(verify_pkcs7_message_sig) sima_gate_verify_pkcs7_message_sig;

int sima_gates_init(void);

#endif /* _SIMA_GATE_H */
