#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 01-load: insmod/rmmod of sima, three times.  Checks the securityfs layout
# (sima/, hook_counts 0440 root with one "NAME COUNT" line per hook, the
# ima symlink to sima on the test kernel; native IMA's untouched on the
# distro kernel), a sima line in the kernel log, and that rmmod removes
# it all.  While sima runs, kernel.ftrace_enabled cannot be cleared (that
# would silently unhook it); after rmmod it can.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

ima=$SIMA_SECFS/ima
FTRACE_ENABLED=/proc/sys/kernel/ftrace_enabled

# On the distro kernel native IMA owns $ima (a symlink to integrity/ima in
# 6.1) and sima must leave it alone; on the test kernel it is sima's only.
check_ima_absent_or_native() {	# WHEN
	if [ "$SIMA_KERNEL" = distro ]; then
		[ -d "$ima" ] || bad "$1: no native IMA directory at $ima"
		[ -e "$ima/ascii_runtime_measurements" ] ||
			bad "$1: $ima has no ascii_runtime_measurements"
		[ ! -e "$ima/hook_counts" ] || bad "$1: $ima is sima's"
		case "$(readlink "$ima")" in
		*sima*) bad "$1: $ima -> $(readlink "$ima")" ;;
		esac
	elif [ -e "$ima" ] || [ -L "$ima" ]; then
		bad "$1: $ima exists"
	fi
}

! is_loaded sima || fail "sima is loaded before the test"
[ ! -e "$SIMA_FS" ] || fail "$SIMA_FS exists before the test"
check_ima_absent_or_native "before insmod"

for round in 1 2 3; do
	mark=$(dmesg_mark)
	sima_load

	assert_eq "$(stat -c %a "$SIMA_COUNTS")" 440 \
		"round $round: hook_counts mode"
	assert_eq "$(stat -c %u:%g "$SIMA_COUNTS")" 0:0 \
		"round $round: hook_counts owner"
	for h in $SIMA_HOOKS; do
		grep -q "^$h [0-9][0-9]*\$" "$SIMA_COUNTS" ||
			bad "round $round: no '$h COUNT' line in hook_counts"
	done
	junk=$(awk 'NF != 2 || $2 !~ /^[0-9]+$/' "$SIMA_COUNTS")
	assert_eq "$junk" "" "round $round: malformed hook_counts lines"
	dups=$(awk '{ print $1 }' "$SIMA_COUNTS" | sort | uniq -d)
	assert_eq "$dups" "" "round $round: duplicate hook names"
	if (echo 1 >"$SIMA_COUNTS") 2>/dev/null; then
		bad "round $round: writing hook_counts succeeded"
	fi

	if [ "$SIMA_KERNEL" = distro ]; then
		check_ima_absent_or_native "round $round, loaded"
	else
		[ -L "$ima" ] || bad "round $round: $ima is not a symlink"
		case "$(readlink "$ima")" in
		sima | */sima) ;;
		*) bad "round $round: $ima -> '$(readlink "$ima")', not sima" ;;
		esac
		[ -f "$ima/hook_counts" ] ||
			bad "round $round: $ima/hook_counts not reachable"
	fi

	# Lines the module loader prints about any out-of-tree module do
	# not count as sima's own.
	if ! dmesg_since "$mark" | grep -v -e 'taints kernel' \
	    -e 'module verification failed' | grep -q 'sima'; then
		bad "round $round: no sima line in the kernel log after insmod"
	fi

	if [ $round = 1 ]; then
		if (echo 0 >"$FTRACE_ENABLED") 2>/dev/null; then
			bad "kernel.ftrace_enabled=0 accepted while sima runs"
		fi
		assert_eq "$(cat "$FTRACE_ENABLED")" 1 \
			"kernel.ftrace_enabled while sima runs"
	fi

	sima_unload
	check_ima_absent_or_native "round $round, after rmmod"
done

# The refusal above was sima's: without it the switch works.
echo 0 >"$FTRACE_ENABLED" || fail "kernel.ftrace_enabled=0 refused without sima"
echo 1 >"$FTRACE_ENABLED" || fail "kernel.ftrace_enabled=1 refused"

pass
