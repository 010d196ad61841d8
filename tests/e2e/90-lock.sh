#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 90-lock: insmod sima lock=1 cannot be undone: rmmod and rmmod -f both
# fail, sima stays in /proc/modules with its securityfs files, and its hooks
# keep counting (an exec still moves bprm_check exactly).  sima cannot be
# unloaded afterwards, so this must be the last test of a boot.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

SIMA_KEEP_LOADED=1	# the EXIT trap must not try to unload it
x=$(simatest elf-xsegs /sima/bin/simatest) || fail "elf-xsegs failed"

sima_load lock=1

if rmmod sima; then
	fail "rmmod of a locked sima succeeded"
fi
if rmmod -f sima; then
	fail "rmmod -f of a locked sima succeeded"
fi
is_loaded sima || fail "sima left /proc/modules"
log "after the refused unloads: $(grep '^sima ' /proc/modules)"
[ -f "$SIMA_COUNTS" ] || fail "$SIMA_COUNTS gone"

check_op "bprm_check=N file_open=N file_free=N mmap_file=${x}N" \
	exec /sima/bin/simatest true

pass
