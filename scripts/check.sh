#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make check: style, user-space unit tests, KUnit in the test kernel and the
# e2e suite on the test and the distro kernel. Every result is one line
# "PASS|FAIL|SKIP name" in build/results/all.txt; the last line printed is
# "N passed, N failed, N skipped" and the exit status is 1 if any failed.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
res=$top/build/results
rm -rf "$res"
mkdir -p "$res"
all=$res/all.txt
: >"$all"
start=$(date +%s)

record() {
	echo "$1 $2" >>"$all"
	echo "$1 $2"
}

# stage NAME CMD...: one result for a whole command; its log on failure.
stage() {
	local name=$1 log=$res/$1.log
	shift
	echo "== $name ($(( $(date +%s) - start ))s)"
	if "$@" >"$log" 2>&1; then
		record PASS "$name"
		return 0
	fi
	tail -40 "$log"
	record FAIL "$name"
	return 1
}

# vm_suite NAME KERNEL GUEST-SCRIPT RESULT-FILTER [APPEND [ARGS...]]: boot
# once (APPEND: extra kernel command line), import the per-test lines the
# guest exported; a VM failure no test explains counts as one more failure
# (oops, lockdep report, timeout...).
vm_suite() {
	local name=$1 kernel=$2 script=$3 filter=$4 export=build/$2/$1
	local append=${5:-} log=$res/$1.log rc lines
	shift $(( $# < 5 ? $# : 5 ))
	echo "== $name ($(( $(date +%s) - start ))s)"
	rm -rf "$export"
	qemu/run --kernel "$kernel" --export "$export" --append "$append" \
		--keep-log "$res/$name.console" -- "$script" "$@" >"$log" 2>&1
	rc=$?
	lines=$($filter "$export")
	[ -n "$lines" ] && echo "$lines" | tee -a "$all"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL' <<<"$lines"; then
		tail -20 "$log"
		record FAIL "$name:vm"
	fi
}

e2e_lines() {
	local kernel
	kernel=$(basename "$(dirname "$1")")
	[ -f "$1/e2e-results.txt" ] &&
		sed -E "s/^(PASS|FAIL|SKIP) /\1 e2e-$kernel:/" "$1/e2e-results.txt"
}

# The independent renderer: upstream's golden lists, then the list the
# e2e test 42-relist exported from KERNEL's VM.
relist_goldens() {
	local d rc=0
	for d in "$top"/../shared/testdata/native-ima-6.1/*/; do
		[ -f "$d/binary_runtime_measurements" ] || continue
		python3 tests/host/relist.py "$d/binary_runtime_measurements" \
			"$d/ascii_runtime_measurements" || rc=1
	done
	return $rc
}

relist_vm() {
	local dir=build/$1/e2e-$1/relist
	[ -f "$dir/binary_runtime_measurements" ] || {
		echo "no exported list in $dir"
		return 1
	}
	python3 tests/host/relist.py "$dir/binary_runtime_measurements" \
		"$dir/ascii_runtime_measurements"
}

kunit_lines() {
	scripts/ktap.sh "$1/kunit"
}

scripts/deps.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

stage checkpatch scripts/checkpatch.sh

echo "== unit ($(( $(date +%s) - start ))s)"
make -s -C tests/unit >"$res/unit.log" 2>&1
unit_rc=$?
grep -E '^(PASS|FAIL|SKIP) ' "$res/unit.log" | sed -E 's/^(PASS|FAIL|SKIP) /\1 unit:/' |
	tee -a "$all"
# A build error, a sanitizer report or a leak at exit fails the stage
# even when every test printed PASS.
if [ $unit_rc -ne 0 ] && ! grep -q '^FAIL' "$res/unit.log"; then
	tail -20 "$res/unit.log"
	record FAIL unit:run
fi

stage fuzz-smoke make -s -C tests/fuzz smoke FUZZ_TIME=20
stage relist-goldens relist_goldens

if stage build-test scripts/build.sh test; then
	vm_suite kunit test tests/kunit/guest.sh kunit_lines
	vm_suite e2e-test test tests/e2e/run.sh e2e_lines
	stage relist-test relist_vm test
	vm_suite e2e-cmdline test tests/e2e/run.sh e2e_lines \
		"ima_policy=tcb ima_hash=sha512 ima_template_fmt=d-ng|n-ng|sig" \
		boot-cmdline.sh
else
	record SKIP "kunit (test build failed)"
	record SKIP "e2e-test (test build failed)"
fi

if stage build-distro scripts/build.sh distro; then
	# syscall.x32=y: Debian's switch for the x32 entry 90-lock also tries
	vm_suite e2e-distro distro tests/e2e/run.sh e2e_lines "syscall.x32=y"
	stage relist-distro relist_vm distro
else
	record SKIP "e2e-distro (distro build failed)"
fi

passed=$(grep -c '^PASS' "$all")
failed=$(grep -c '^FAIL' "$all")
skipped=$(grep -c '^SKIP' "$all")
echo "check: $(( $(date +%s) - start ))s; details in build/results/"
grep '^FAIL' "$all"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
