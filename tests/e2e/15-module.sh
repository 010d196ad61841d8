#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 15-module: module loading through a file and through a buffer.
#   finit_module(fd) + delete_module:
#	kernel_read_file 1, kernel_post_read_file 1
#   init_module(buf) + delete_module:
#	kernel_load_data 1, kernel_post_load_data 1
# The .ko is opened (and, for init, read) outside the measured window.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

[ -f "$SIMA_TESTMOD" ] || fail "$SIMA_TESTMOD missing"
if is_loaded sima_testmod; then
	rmmod sima_testmod || fail "stale sima_testmod cannot be unloaded"
fi

sima_load

check_op "kernel_read_file=N kernel_post_read_file=N" finit "$SIMA_TESTMOD"
check_op "kernel_load_data=N kernel_post_load_data=N" init "$SIMA_TESTMOD"
! is_loaded sima_testmod || bad "sima_testmod left loaded"

# the usual insmod/rmmod: one of the two load paths, each with its post hook
snap "$E2E_TMP/a"
insmod "$SIMA_TESTMOD" || fail "insmod sima_testmod failed"
rmmod sima_testmod || fail "rmmod sima_testmod failed"
snap "$E2E_TMP/b"
r=$(snap_delta "$E2E_TMP/a" "$E2E_TMP/b" kernel_read_file)
pr=$(snap_delta "$E2E_TMP/a" "$E2E_TMP/b" kernel_post_read_file)
l=$(snap_delta "$E2E_TMP/a" "$E2E_TMP/b" kernel_load_data)
pl=$(snap_delta "$E2E_TMP/a" "$E2E_TMP/b" kernel_post_load_data)
assert_eq "$((r + l))" 1 "insmod: kernel_read_file + kernel_load_data"
assert_eq "$pr" "$r" "insmod: kernel_post_read_file"
assert_eq "$pl" "$l" "insmod: kernel_post_load_data"

sima_unload
pass
