#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 80-unload-sleeper: rmmod must wait for a task asleep inside a hooked path.
# A reader opens a fifo and blocks inside the open (do_filp_open); rmmod
# started then must not return while the reader sleeps (the module may
# show as "Unloading"), and must return 0 within seconds once a writer
# wakes the reader.  The reader gets its data; sima is gone; any oops or
# lockdep report fails the test through run.sh.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

tmp_dir T
fifo=$T/fifo
mkfifo "$fifo" || fail "mkfifo failed"
rm -f "$T/rmmod.rc"

# release_reader: open the fifo for writing so that the reader returns
release_reader() {
	echo sima-e2e-data >"$fifo"
}

sima_load

simatest sleep-open "$fifo" >"$T/reader.out" 2>&1 &
reader=$!
sleep 1
kill -0 $reader 2>/dev/null ||
	fail "reader exited early: $(cat "$T/reader.out")"
state=$(awk '{ print $3 }' "/proc/$reader/stat")
[ "$state" = S ] || log "reader state $state (expected S)"

(
	rmmod sima
	echo $? >"$T/rmmod.rc"
) &
rmmod_pid=$!
sleep 2

if [ -f "$T/rmmod.rc" ]; then
	bad "rmmod returned ($(cat "$T/rmmod.rc")) while a task slept" \
		"in a hooked open"
	_sima_loaded=0
fi
if ! is_loaded sima; then
	bad "sima left /proc/modules while a task slept in it"
else
	log "while the reader sleeps: $(grep '^sima ' /proc/modules)"
fi
kill -0 $reader 2>/dev/null || bad "reader returned before any writer"

release_reader
if ! wait_for 10 test -f "$T/rmmod.rc"; then
	fail "rmmod did not return within 10 s of the reader waking"
fi
wait $rmmod_pid
_sima_loaded=0
assert_eq "$(cat "$T/rmmod.rc")" 0 "rmmod status"

if ! wait_for 5 sh -c "! kill -0 $reader 2>/dev/null"; then
	release_reader
	fail "reader still running"
fi
wait $reader
assert_eq "$?" 0 "reader exit status"
assert_eq "$(cat "$T/reader.out")" sima-e2e-data "data the reader got"

! is_loaded sima || bad "sima still in /proc/modules"
[ ! -e "$SIMA_FS" ] || bad "$SIMA_FS still there"

pass
