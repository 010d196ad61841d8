#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build everything a VM run of one kernel flavour needs into build/<flavour>/:
# sima.ko (and sima_kunit.ko where the kernel has KUnit), the e2e test module
# and the static guest helpers (e2e, bench and parity). Fails on any compiler warning
# (W=1), and on a call to a looked-up kernel address outside the gates
# (scripts/check-gates.sh).
#   scripts/build.sh test|distro
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
flavour=${1:?usage: build.sh test|distro}
out=$top/build/$flavour

case $flavour in
test) kdir=$("$top/scripts/kernel-test.sh")/build ;;
distro) eval "$("$top/scripts/distro-kernel.sh")"; kdir=$DISTRO_KDIR ;;
*) echo "build: unknown flavour $flavour" >&2; exit 2 ;;
esac

mkdir -p "$out/mod" "$out/testmod" "$out/bin"
rm -f "$out"/*.ko
# Out-of-tree objects land next to their sources: build in a copy so the
# two flavours (and the source tree) never share objects.
rsync -a --delete --exclude='*.o' --exclude='*.ko' \
	"$top/Kbuild" "$top/src" "$top/include" "$top/tests" "$out/mod/"
rsync -a --delete "$top/tests/e2e/testmod/" "$out/testmod/"

log=$out/build.log
: >"$log"
make -C "$kdir" M="$out/mod" W=1 modules >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
"$top/scripts/check-gates.sh" "$out/mod" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -C "$kdir" M="$out/testmod" W=1 modules >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -s -C "$top/tests/e2e/helpers" OUT="$out/bin" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -s -C "$top/tests/bench" OUT="$out/bin" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
make -s -C "$top/tests/parity" OUT="$out/bin" >>"$log" 2>&1 ||
	{ cat "$log" >&2; exit 1; }
if grep -E 'warning:|error:' "$log" >&2; then
	echo "build: $flavour: compiler warnings (see $log)" >&2
	exit 1
fi
cp "$out"/mod/*.ko "$out"/testmod/*.ko "$out/"
echo "build: $flavour: $(cd "$out" && echo *.ko)" >&2
