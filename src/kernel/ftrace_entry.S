/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - where every hooked function's fentry call lands
 *
 * ftrace turns the fentry call of each target into a direct call to
 * sima_hook_entry (register_ftrace_direct_multi()): no register save, no
 * ftrace_ops callback. The entry finds the target's wrapper from the
 * return address the fentry call pushed and jumps to it in place of the
 * target, so that the wrapper returns straight to the target's caller.
 *
 * On entry the argument registers are the target's, (%rsp) is the fentry
 * return address and 8(%rsp) the target's own return address. Only %r10
 * and %r11, scratch at any function entry, are used.
 */

#include <linux/linkage.h>
#include <asm/ibt.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

	.text
SYM_CODE_START(sima_hook_entry)
	UNWIND_HINT_FUNC
	ENDBR

	/* struct sima_hook_site { ret; wrapper; }[], zero-terminated */
	leaq	sima_hook_sites(%rip), %r10
	movq	(%rsp), %r11
.Lnext_site:
	cmpq	%r11, (%r10)
	je	.Lfound
	addq	$16, %r10
	cmpq	$0, (%r10)
	jne	.Lnext_site
	RET

.Lfound:
	/* Drop the fentry return: the wrapper replaces the whole target. */
	addq	$8, %rsp
	UNWIND_HINT_FUNC
	movq	8(%r10), %r11
	JMP_NOSPEC r11
SYM_CODE_END(sima_hook_entry)
