/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - gates: a direct call into sima's text that returns into a kernel
 * function found by name (see include/sima/gate.h for why).
 *
 * The pushed address is popped by the return, so the callee starts with
 * the caller's return address on top of the stack and the caller's
 * registers: exactly as if it had been called directly.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

/*
 * Gate number .Lnr of a list jumps to the address in slot .Lnr of the
 * list's table, in the order of the list's .def file (as the C enums).
 * After the push the stack looks like a call's: an unwinder interrupted
 * there takes the callee for the gate's caller.
 */
.macro gate name, table
SYM_FUNC_START(\name)
	pushq	\table + 8 * .Lnr(%rip)
	UNWIND_HINT_FUNC
	RET
SYM_FUNC_END(\name)
	.set	.Lnr, .Lnr + 1
.endm

	.text
	.set	.Lnr, 0
#define SIMA_GATE(sym, required) gate sima_gate_##sym, sima_gate_addrs ;
#include "sima/gates.def"

/* The hooked functions' originals, entered past their fentry call. */
	.set	.Lnr, 0
#define SIMA_TARGET(sym, need) gate sima_orig_##sym, sima_orig_addrs ;
#include "hook_targets.def"

/* Where the gates above enter each original: set at load, then read-only. */
	.pushsection .data..ro_after_init, "aw"
	.balign	8
SYM_DATA_START(sima_orig_addrs)
	.fill	.Lnr, 8, 0
SYM_DATA_END(sima_orig_addrs)
	.popsection
