#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 48-critical-data: CRITICAL_DATA as upstream. At load, under a boot
# policy with a CRITICAL_DATA rule, sima measures the kernel release as
# kernel_info/kernel_version, right after boot_aggregate. Where native IMA
# exists (the distro kernel), what subsystems report through
# ima_measure_critical_data() reaches sima too: an ima-buf entry named by
# the event, label= selecting, and with hash the buffer's digest measured
# in its place.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }

sima_load ima_policy=critical_data
line=$(sed -n 2p $L)
assert_eq "$(echo "$line" | cut -d' ' -f3,5)" "ima-buf kernel_version" \
	"second entry"
assert_eq "$(echo "$line" | cut -d' ' -f6)" "$(hex "$(uname -r)")" \
	"kernel_version buffer"
assert_eq "$(echo "$line" | cut -d' ' -f4)" \
	"sha256:$(printf '%s' "$(uname -r)" | sha256sum | cut -d' ' -f1)" \
	"kernel_version digest"
sima_unload
sima_load ima_policy=tcb
assert_eq "$(grep -c kernel_version $L)" 0 "kernel_version without a rule"
sima_unload

[ "$SIMA_KERNEL" = distro ] ||
	{ log "no native IMA: nothing reports critical data"; pass; }
testmod_load
W=/sys/module/sima_testmod/parameters/critical_data
sima_load
echo "measure func=CRITICAL_DATA label=sima-e2e" >"$SIMA_FS/policy" ||
	fail "policy load failed"
c0=$(hook_count critical_data)
echo "sima-e2e e2e-plain payload-one" >$W || fail "critical_data write failed"
echo "other-label e2e-other payload-two" >$W || fail "critical_data write failed"
echo "hash sima-e2e e2e-hashed payload-three" >$W ||
	fail "critical_data write failed"
assert_eq "$(($(hook_count critical_data) - c0))" 3 "critical_data events"
line=$(grep " e2e-plain " $L)
assert_eq "$(echo "$line" | cut -d' ' -f3)" ima-buf "template"
assert_eq "$(echo "$line" | cut -d' ' -f6)" "$(hex payload-one)" "buffer"
assert_eq "$(grep -c " e2e-other " $L)" 0 "other label measured"
d=$(printf payload-three | sha256sum | cut -d' ' -f1)
line=$(grep " e2e-hashed " $L)
assert_eq "$(echo "$line" | cut -d' ' -f6)" "$d" "hashed buffer"
assert_eq "$(echo "$line" | cut -d' ' -f4)" \
	"sha256:$(printf "$(echo "$d" | sed 's/../\\x&/g')" | sha256sum | cut -d' ' -f1)" \
	"digest of the hashed buffer"
sima_unload
testmod_unload
pass
