#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: build sima for Debian's distro kernel, boot it once under QEMU
# with -icount shift=0 -smp 1 and run tests/bench/guest.sh, which times warm
# exec and open/close with no engine, sima and native IMA. Prints the
# guest's table (saved in build/distro/bench/results.txt). Ratios only:
# no timing ever fails this script, only a run that did not complete.
#   scripts/bench.sh [EXEC_ITERATIONS [OPEN_ITERATIONS [RUNS]]]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/distro/bench
cd "$top"

start=$(date +%s)
[ "${SIMA_BENCH_NOBUILD:-0}" = 1 ] || scripts/build.sh distro
rc=0
qemu/run --kernel distro --icount --timeout 1800 --export "$out" \
	--keep-log "$top/build/distro/bench-console.log" \
	-- tests/bench/guest.sh "$@" || rc=$?
if [ $rc -ne 0 ] || [ ! -s "$out/results.txt" ]; then
	echo "bench: the guest run failed (status $rc)," \
		"see build/distro/bench-console.log" >&2
	exit 1
fi
echo
cat "$out/results.txt"
echo
echo "bench: $(($(date +%s) - start)) s in all; results in" \
	"build/distro/bench/results.txt, raw figures in raw.txt"
