#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build everything a VM run of one kernel flavour needs into build/<flavour>/:
# the static guest helpers (e2e, bench and parity), the e2e test module, and
# sima.ko (and sima_kunit.ko where the kernel has KUnit), last: on a kernel
# sima is not ported to, everything else is still there for qemu/run. Fails
# on any compiler warning (W=1), and on a call to a looked-up kernel address
# outside the gates (scripts/check-gates.sh).
#   scripts/build.sh FLAVOUR     (scripts/kernels.sh: test, distro,
#                                 test-6.12, distro-6.12, ...)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernels.sh"
kernel_flavour "${1:?usage: build.sh FLAVOUR (one of: $SIMA_FLAVOURS)}"
flavour=$KFLAVOUR
out=$top/build/$flavour

case $KKIND in
test) kdir=$("$top/scripts/kernel-test.sh" "$KSERIES")/build ;;
distro) eval "$("$top/scripts/distro-kernel.sh" "$KSERIES")"; kdir=$DISTRO_KDIR ;;
esac

mkdir -p "$out/mod" "$out/testmod" "$out/bin"
rm -f "$out"/*.ko
# Out-of-tree objects land next to their sources: build in a copy so the
# flavours (and the source tree) never share objects.
rsync -a --delete --exclude='*.o' --exclude='*.ko' \
	"$top/Kbuild" "$top/src" "$top/include" "$top/tests" "$out/mod/"
rsync -a --delete "$top/tests/e2e/testmod/" "$out/testmod/"

log=$out/build.log
: >"$log"
warnings() {
	if grep -E 'warning:|error:' "$log" >&2; then
		echo "build: $flavour: compiler warnings (see $log)" >&2
		exit 1
	fi
}
make -s -C "$top/tests/e2e/helpers" OUT="$out/bin" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -s -C "$top/tests/bench" OUT="$out/bin" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -s -C "$top/tests/parity" OUT="$out/bin" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -C "$kdir" M="$out/testmod" W=1 modules >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
warnings
cp "$out"/testmod/*.ko "$out/"

first=$(($(wc -l <"$log") + 1))
if ! make -C "$kdir" M="$out/mod" W=1 modules >>"$log" 2>&1; then
	tail -n "+$first" "$log" | grep -E 'error:|Error [0-9]' | head -n 40 >&2 || true
	echo "build: $flavour: sima.ko does not build against $kdir" \
		"(kernel $KSERIES; full log $log); the guest helpers and the" \
		"test module are built" >&2
	exit 1
fi
warnings
"$top/scripts/check-gates.sh" "$out/mod" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
cp "$out"/mod/*.ko "$out/"
echo "build: $flavour: $(cd "$out" && echo *.ko)" >&2
