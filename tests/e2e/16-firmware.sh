#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 16-firmware: request_firmware() through sima_testmod's load_fw parameter.
# The parameter file is opened outside the window; each write makes the
# module request the firmware from the writing task.
#   present firmware: the loader opens it with file_open_root (file_open 1)
#     and reads it whole (kernel_read_file 1, kernel_post_read_file 1); its
#     fput runs when the write returns (file_free 1).
#   missing firmware: the write fails with ENOENT; no file is opened, so
#     no kernel_read_file.  Kernels with the sysfs fallback built in
#     (FW_LOADER_USER_HELPER, e.g. Debian's) ask security_kernel_load_data
#     whether a fallback may run (fw_run_sysfs_fallback): kernel_load_data
#     1, unless the ignore_sysfs_fallback sysctl is set.  Our test kernel
#     has no fallback: 0.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

fw=sima-test.fw
param=/sys/module/sima_testmod/parameters/load_fw
[ -f "/lib/firmware/$fw" ] || fail "/lib/firmware/$fw missing"

fallback=/proc/sys/kernel/firmware_config/ignore_sysfs_fallback
if [ -f "$fallback" ] && [ "$(cat "$fallback")" = 0 ]; then
	missing_ld=N
else
	missing_ld=0
fi
log "missing firmware expects kernel_load_data=$missing_ld"

sima_load
testmod_load
[ -f "$param" ] || fail "$param missing"

check_op "kernel_read_file=N kernel_post_read_file=N file_open=N file_free=N" \
	write "$param" "$fw"
check_op "kernel_load_data=$missing_ld" \
	--expect-errno ENOENT write "$param" sima-missing.fw

# from the shell, as a user would
assert_ok "echo $fw > load_fw" sh -c "echo $fw >$param"
assert_fails "echo sima-missing.fw > load_fw" \
	sh -c "echo sima-missing.fw >$param 2>/dev/null"

testmod_unload
sima_unload
pass
