#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# host.sh - the parity stage on the host: boot Debian's kernel four times
# and compare.
#
# Usage: tests/parity/host.sh [OUT-DIR]	(default build/distro/parity)
#
# Native IMA takes one policy per boot on Debian's kernel, and its
# appraisal mode comes from the command line: one boot per group
# (enforce, fix, log) runs tests/parity/run.sh under native IMA. sima
# reloads itself per group, so one boot runs all three. Then
# compare.py diff prints a "PASS|FAIL parity:GROUP/PROBE" line per probe
# (plus "FAIL parity:vm-NAME" for a boot that failed); a line per boot
# gives its length. Exit 1 if anything failed. Needs scripts/build.sh
# distro first. Each boot's limit is over twice its length beside one
# other boot (native 75-130 s, sima 190-280 s), and leaves room for a
# busier machine (native 210 s, sima 300 s seen at a load of 10).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
out=${1:-build/distro/parity}
mkdir -p "$out"
rc=0

boot() {	# NAME TIMEOUT APPEND GROUP...
	local name=$1 timeout=$2 append=$3 t0=$SECONDS
	shift 3
	if ! qemu/run --kernel distro --timeout "$timeout" \
	    --export "$out/$name" --append "$append" \
	    --keep-log "$out/$name.console" -- tests/parity/run.sh "$@" \
	    >"$out/$name.log" 2>&1; then
		echo "FAIL parity:vm-$name"
		tail -20 "$out/$name.log"
		rc=1
	fi
	echo "   parity $name: $((SECONDS - t0))s of ${timeout}s"
}

for g in enforce fix log; do
	mode=
	[ $g = enforce ] || mode=" ima_appraise=$g"
	boot "native-$g" 450 "sima_engine=native integrity_audit=1$mode" $g
done
boot sima 900 "" enforce fix log

mkdir -p "$out/native"
cp "$out"/native-*/parity-native-*.txt "$out/native/" 2>/dev/null
python3 tests/parity/compare.py diff "$out/native" "$out/sima" || rc=1
exit $rc
