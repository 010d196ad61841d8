#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 31-policy-cases: every rule line the unit tests' table says upstream
# refuses (tests/vectors/policy_cases.h, boot-policy environment) is
# refused by the live policy file too: the write fails with the case's
# errno and dmesg names line 1 and the reason; each is audited (type 1802
# op=update_policy cause=invalid-policy, then op=policy_update
# cause=failed). Nothing gets loaded.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst
sima_load
mark=$(dmesg_mark)
policy_cases $P >"$E2E_TMP/out" 2>&1 || bad "refused lines: $(cat "$E2E_TMP/out")"
tail -1 "$E2E_TMP/out"
grep -q "refused lines, 0 failed" "$E2E_TMP/out" || bad "$(tail -1 "$E2E_TMP/out")"
assert_eq "$(cat $P)" "" "policy after refused lines"
cases=$(tail -1 "$E2E_TMP/out" | awk '{ print $2 }')
n=$(dmesg_since "$mark" | grep "type=1802" | grep -c "op=update_policy cause=invalid-policy .* res=0")
assert_eq "$n" "$cases" "invalid-policy audit records"
n=$(dmesg_since "$mark" | grep "type=1802" | grep -c "op=policy_update cause=failed .* res=0")
assert_eq "$n" "$cases" "policy_update failed audit records"
sima_unload
pass
