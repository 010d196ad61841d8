#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 02-conflict: a hook target another ftrace user already modifies makes
# insmod fail, names the target, and leaves nothing behind. The other user
# is a kprobe with a post handler (IPMODIFY, like livepatch) held by
# sima_testmod on one target at a time, among those every kernel series
# hooks.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

! is_loaded sima || fail "sima is loaded before the test"
for target in security_bprm_check security_mmap_file __fput; do
	insmod "$SIMA_TESTMOD" kprobe_post=$target ||
		fail "cannot hold a post-handler kprobe on $target"
	_testmod_loaded=1
	mark=$(dmesg_mark)
	assert_fails "insmod with $target taken" insmod "$SIMA_KO"
	dmesg_since "$mark" | grep -q "hook target $target is already modified by another ftrace user" ||
		bad "$target: dmesg does not name the busy target"
	! is_loaded sima || bad "$target: sima loaded although $target is taken"
	[ ! -e "$SIMA_FS" ] || bad "$target: $SIMA_FS left behind"
	testmod_unload
	# Nothing of the failed attempt may stay hooked.
	sima_load
	sima_unload
done
pass
