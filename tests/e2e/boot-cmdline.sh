#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# boot-cmdline: on a kernel without native IMA, sima takes upstream's
# ima_policy=, ima_hash=, ima_template_fmt= and integrity_audit= from the
# kernel command line when no module parameter says otherwise; a parameter
# wins. Run by make check in its own boot of the test kernel with
#	ima_policy=tcb ima_hash=sha512 integrity_audit=1
#	ima_template_fmt=d-ng|n-ng|sig
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
fmt='d-ng|n-ng|sig'
[ "$SIMA_KERNEL" = test ] || skip "native IMA owns the command line"
grep -q "ima_template_fmt=$fmt" /proc/cmdline ||
	skip "booted without the options (run by make check)"
grep -q "integrity_audit=1" /proc/cmdline ||
	skip "booted without integrity_audit=1 (run by make check)"
P=/sys/module/sima/parameters/integrity_audit

mark=$(dmesg_mark)
sima_load
dmesg_since "$mark" | grep -q "measuring with sha512 into PCR 10, template $fmt" ||
	bad "ima_hash/ima_template_fmt from the command line not used"
dmesg_since "$mark" | grep -q "boot policy from the kernel command line: 20 rules" ||
	bad "ima_policy=tcb from the command line not used"
assert_eq "$(cat $P)" Y "integrity_audit from the command line"
# informational records from the first one on (kauditd prints them later)
boot_record() {
	dmesg_since "$mark" | grep "type=1804" |
		grep "op=add_template_measure cause=hash_added" |
		grep -q 'name="boot_aggregate"'
}
wait_for 10 boot_record || bad "no add_template_measure record of boot_aggregate"
first=$(head -1 $L)
assert_eq "$(echo "$first" | cut -d' ' -f3)" "$fmt" "template of the first entry"
assert_eq "$(echo "$first" | cut -d' ' -f4 | cut -d: -f1)" sha512 \
	"boot_aggregate algorithm"
scratch_dir W
echo data >"$W/f"
cat "$W/f" >/dev/null
assert_eq "$(grep " $W/f" $L | cut -d' ' -f4)" \
	"sha512:$(sha512sum "$W/f" | cut -d' ' -f1)" "file digest"
sima_unload

# module parameters win over the command line
mark=$(dmesg_mark)
sima_load ima_hash=sha1 ima_template=ima-ng ima_policy=tcb integrity_audit=0
dmesg_since "$mark" | grep -q "measuring with sha1 into PCR 10, template ima-ng" ||
	bad "module parameters did not override the command line"
assert_eq "$(cat $P)" N "integrity_audit=0 as a parameter"
sima_unload
# a custom format as a parameter: lists show the format string
sima_load ima_template_fmt='d-ng|n-ng|iuid|imode'
assert_eq "$(head -1 $L | cut -d' ' -f3)" 'd-ng|n-ng|iuid|imode' \
	"custom template name"
sima_unload
if insmod "$SIMA_KO" ima_template_fmt='d-ng|bogus' 2>/dev/null; then
	bad "a format with an unknown field loaded"
	rmmod sima
fi
pass
