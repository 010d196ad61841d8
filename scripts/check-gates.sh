#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Check on the built objects that sima never calls a kernel address it
# looked up by name other than through a gate (include/sima/gate.h): on a
# kernel with IBT such a call faults whenever the kernel sealed the target.
#  1. Only the kernel seam's objects call sima_kallsyms_lookup().
#  2. Those objects and the gates contain no indirect call or jump at all:
#     what they look up is only ever data, an ftrace location or a gate's
#     target.
#  3. The ftrace entry has exactly one: its jump to a wrapper, a function of
#     sima's own.
#   scripts/check-gates.sh OBJDIR   (the module's build directory)
set -euo pipefail

dir=$(realpath "${1:?usage: check-gates.sh OBJDIR}")
# relative to src/; kernel/SERIES/hooks.o is each series' hook table
seam="kernel/kallsyms.o kernel/kernel_data.o kernel/gate.o"
seam+=" kernel/gate_thunks.o kernel/ftrace_hook.o"
# the module's objects, from kbuild's list (stale ones may lie around)
objs=$(sed "s|^$dir/src/||" "$dir/sima.mod")
seam+=" $(grep -E '^kernel/[^/]+/hooks\.o$' <<<"$objs")"
# direct and retpoline forms of an indirect call or jump
indirect='(call|jmp)[a-z]* +\*|__x86_indirect_(call_|jump_)?thunk'
rc=0

indirect_count() {	# OBJ
	objdump -dr "$1" | grep -cE "$indirect" || true
}

for name in $objs; do
	nm -u "$dir/src/$name" | grep -qw sima_kallsyms_lookup || continue
	case " $seam " in
	*" $name "*) ;;
	*)
		echo "check-gates: $name looks up kernel symbols; only the seam ($seam) may" >&2
		rc=1
		;;
	esac
done
for name in $seam; do
	n=$(indirect_count "$dir/src/$name")
	if [ "$n" -ne 0 ]; then
		echo "check-gates: $name has $n indirect call(s) or jump(s):" >&2
		objdump -dr "$dir/src/$name" | grep -E "$indirect" >&2
		rc=1
	fi
done
n=$(indirect_count "$dir/src/kernel/ftrace_entry.o")
if [ "$n" -ne 1 ]; then
	echo "check-gates: ftrace_entry.o has $n indirect branches, expected 1 (to the wrapper)" >&2
	rc=1
fi
exit $rc
