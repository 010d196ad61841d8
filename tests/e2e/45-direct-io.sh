#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 45-direct-io: like upstream, a file first opened with O_DIRECT is not
# hashed: the list gets its name with a zero digest (not a violation), a
# type 1800 collect_data failed(directio) record is written, and the next
# ordinary open measures the real digest. Once measured, O_DIRECT opens
# add nothing.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
zero=0000000000000000000000000000000000000000000000000000000000000000
echo 1000 >/proc/sys/kernel/printk_ratelimit_burst

sima_load
printf '%s\n' "measure func=FILE_CHECK mask=MAY_READ fsname=ext4" \
	>"$SIMA_FS/policy" || fail "policy load failed"
scratch_dir W
dd if=/dev/urandom of="$W/d" bs=4096 count=4 2>/dev/null
h=$(sha256sum "$W/d" | cut -d' ' -f1)
rm -f "$W/e"
dd if=/dev/urandom of="$W/e" bs=4096 count=4 2>/dev/null
mark=$(dmesg_mark)
dd if="$W/e" of=/dev/null bs=4096 iflag=direct 2>/dev/null ||
	skip "O_DIRECT reads fail on $W"
assert_eq "$(grep " $W/e\$" $L | cut -d' ' -f4)" "sha256:$zero" \
	"digest of a file first read with O_DIRECT"
dmesg_since "$mark" | grep "type=1800" | grep "op=collect_data" |
	grep "cause=failed(directio)" | grep -q 'name="e" .* res=0' ||
	bad "no 1800 collect_data failed(directio) record"
assert_eq "$(cat $SIMA_FS/violations)" 0 "violations"
cat "$W/e" >/dev/null
assert_eq "$(grep " $W/e\$" $L | tail -1 | cut -d' ' -f4)" \
	"sha256:$(sha256sum "$W/e" | cut -d' ' -f1)" \
	"digest after an ordinary read"
# measured already (by sha256sum above): O_DIRECT adds nothing
n=$(wc -l <$L)
dd if="$W/d" of=/dev/null bs=4096 iflag=direct 2>/dev/null
assert_eq "$(wc -l <$L)" "$n" "entries after an O_DIRECT read of a measured file"
assert_eq "$(grep " $W/d\$" $L | cut -d' ' -f4)" "sha256:$h" "digest of d"
sima_unload
pass
