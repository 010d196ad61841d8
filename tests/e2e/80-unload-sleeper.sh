#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 80-unload-sleeper: rmmod must wait for a task asleep inside a hooked path.
# With the scratch file system frozen, a mknod(2) there sleeps inside
# do_mknodat() (hooked on every kernel series) until the thaw; rmmod
# started then must not return while it sleeps (the module may show as
# "Unloading"), and must return 0 within seconds of the thaw. The mknod
# succeeds; sima is gone; any oops or lockdep report fails the test
# through run.sh.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir S
tmp_dir T
rm -f "$T/rmmod.rc" "$T/mknod.rc"
frozen=0
# A frozen scratch disk would hang every later test (and this one's
# cleanup): thaw it on any exit, first, keeping the exit status.
thaw() {
	_st=$?
	[ $frozen = 0 ] || simatest thaw "$SIMA_SCRATCH" || true
	frozen=0
	return $_st
}
trap 'thaw; _e2e_cleanup' EXIT

sima_load

simatest freeze "$SIMA_SCRATCH" || fail "cannot freeze $SIMA_SCRATCH"
frozen=1
(
	simatest mknod-fifo "$S/fifo"
	echo $? >"$T/mknod.rc"
) &
sleeper=$!
sleep 1
[ ! -f "$T/mknod.rc" ] ||
	fail "mknod on a frozen file system returned ($(cat "$T/mknod.rc"))"

(
	rmmod sima
	echo $? >"$T/rmmod.rc"
) &
rmmod_pid=$!
sleep 2

if [ -f "$T/rmmod.rc" ]; then
	bad "rmmod returned ($(cat "$T/rmmod.rc")) while a task slept" \
		"in a hooked mknod"
	_sima_loaded=0
fi
if ! is_loaded sima; then
	bad "sima left /proc/modules while a task slept in it"
else
	log "while the mknod sleeps: $(grep '^sima ' /proc/modules)"
fi
[ ! -f "$T/mknod.rc" ] || bad "mknod returned before the thaw"

thaw
if ! wait_for 10 test -f "$T/rmmod.rc"; then
	fail "rmmod did not return within 10 s of the thaw"
fi
wait $rmmod_pid
_sima_loaded=0
assert_eq "$(cat "$T/rmmod.rc")" 0 "rmmod status"

wait_for 5 test -f "$T/mknod.rc" || fail "mknod still asleep after the thaw"
wait $sleeper
assert_eq "$(cat "$T/mknod.rc")" 0 "mknod status"

! is_loaded sima || bad "sima still in /proc/modules"
[ ! -e "$SIMA_FS" ] || bad "$SIMA_FS still there"

pass
