#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run.sh - run the sima e2e tests inside the guest (busybox sh).
#
# Usage: run.sh [NN-name.sh | NN-name ...]
# Without arguments every NN-*.sh next to this file runs, in name order.
# Each test runs in its own sh; exit 0 = pass, 77 = skip, else fail.  A
# test also fails if the kernel log gained a BUG/WARNING/Oops/lockdep
# report while it ran, or if it ran longer than $SIMA_E2E_TIMEOUT seconds.
# One line per test (PASS NAME, FAIL NAME, SKIP NAME (reason)) goes to
# stdout and is appended to $SIMA_EXPORT/e2e-results.txt; each test's
# output is kept in $SIMA_EXPORT/e2e-logs/NAME.log.  Exit status 1 if any
# test failed.  A test still alive 60 s after its SIGKILL ends the run
# (see stuck()).

dir=$(cd "$(dirname "$0")" && pwd)
SIMA_EXPORT=${SIMA_EXPORT:-/export}
export SIMA_EXPORT
timeout=${SIMA_E2E_TIMEOUT:-600}
results=$SIMA_EXPORT/e2e-results.txt
logs=$SIMA_EXPORT/e2e-logs
# kernel log lines that fail the test that was running
splat='BUG:|WARNING:|Oops|lockdep|circular locking|INFO: possible|'
splat=$splat'general protection fault|kernel BUG|UBSAN:|blocked for more than'
case ":$PATH:" in *:/sima/bin:*) ;; *) PATH=$PATH:/sima/bin ;; esac
export PATH

if ! mkdir -p "$logs" 2>/dev/null || ! touch "$results" 2>/dev/null; then
	logs=/tmp/e2e-logs
	results=/tmp/e2e-results.txt
	mkdir -p "$logs"
	echo "run.sh: $SIMA_EXPORT not writable, results in /tmp" >&2
fi

if [ $# -eq 0 ]; then
	set -- "$dir"/[0-9][0-9]-*.sh
fi

setsid=
! command -v setsid >/dev/null 2>&1 || setsid=setsid
wdfifo=/tmp/e2e-watchdog.$$
rm -f "$wdfifo"
mkfifo "$wdfifo" || exit 1
exec 3<>"$wdfifo"

npass=0
nfail=0
nskip=0

report() {	# LINE
	echo "$1"
	echo "$1" >>"$results"
}

# stuck NAME: a test outlived SIGKILL, so this run cannot go on. Record it,
# have the kernel list its blocked tasks (with stacks) on the console, and
# end the run so that the results so far are exported.
stuck() {
	report "FAIL $1 (a task of it stays blocked in the kernel after SIGKILL)"
	echo "run.sh: $1 unkillable; blocked tasks follow" >/dev/kmsg
	echo w >/proc/sysrq-trigger
	kill -KILL $$
}

# The kernel log after MARK, restricted to splat lines.
new_splats() {
	dmesg | awk -v m="$1" 'f { print } index($0, m) { f = 1 }' |
		grep -E "$splat"
}

for t in "$@"; do
	case "$t" in
	*/*) ;;
	*.sh) t=$dir/$t ;;
	*) t=$dir/$t.sh ;;
	esac
	name=$(basename "$t" .sh)
	log=$logs/$name.log
	if [ ! -f "$t" ]; then
		report "FAIL $name (no such test)"
		nfail=$((nfail + 1))
		continue
	fi
	skipfile=/tmp/e2e-skip.$name.$$
	rm -f "$skipfile"
	mark="e2e-run $name $$ $(awk '{print $1}' /proc/uptime)"
	echo "$mark" >/dev/kmsg

	# In a session of its own (setsid execs sh in place: a background
	# job is no group leader), so that the whole test, stray background
	# processes included, can be killed by its process group id.
	SIMA_SKIP_FILE=$skipfile $setsid sh "$t" >"$log" 2>&1 3>&- &
	tpid=$!
	# Watchdog: kill the test (only it, by pid) if it overruns.  It waits
	# with the shell's own read -t on a fifo, so that it runs no program
	# (an exec or an open would show in the test's hook counts), and is
	# cancelled by a line on the fifo, which fd 3 keeps open.
	rm -f "$wdfifo.fired"
	(
		# shellcheck disable=SC3045 # busybox ash has read -t
		if ! read -r -t "$timeout" _ <&3; then
			: >"$wdfifo.fired"
			echo "run.sh: $name timed out after $timeout s" >>"$log"
			kill -KILL "$tpid" 2>/dev/null
			kill -KILL "-$tpid" 2>/dev/null
			# Reaped at once, unless a task of it is blocked in
			# the kernel: then the wait below never returns.
			read -r -t 60 _ <&3 || stuck "$name"
		fi
	) &
	wpid=$!
	wait "$tpid"
	rc=$?
	# cancels the watchdog, or tells it the killed test was reaped
	echo reaped >&3
	wait "$wpid"
	# leftovers would make later tests' counts move
	if [ -n "$setsid" ] && kill -0 "-$tpid" 2>/dev/null; then
		echo "run.sh: killing processes $name left behind" >>"$log"
		kill -KILL "-$tpid" 2>/dev/null
		sleep 1
	fi

	splats=$(new_splats "$mark")
	if [ -n "$splats" ]; then
		{
			echo "run.sh: kernel log reports while $name ran:"
			echo "$splats"
		} >>"$log"
		echo "$splats" | sed "s/^/    $name: /"
		rc=1
	fi

	case $rc in
	0)
		report "PASS $name"
		npass=$((npass + 1))
		;;
	77)
		reason=$(cat "$skipfile" 2>/dev/null)
		report "SKIP $name (${reason:-no reason given})"
		nskip=$((nskip + 1))
		;;
	*)
		report "FAIL $name"
		nfail=$((nfail + 1))
		echo "---- $name (exit $rc), last lines of $log:"
		tail -n 40 "$log" | sed 's/^/    /'
		echo "----"
		;;
	esac
	rm -f "$skipfile"
done

exec 3>&-
rm -f "$wdfifo" "$wdfifo.fired"
echo "e2e: $npass passed, $nfail failed, $nskip skipped"
[ "$nfail" -eq 0 ]
