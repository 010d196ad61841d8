#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 85-leaks: load / exercise every hook / unload, repeatedly, and look for
# memory sima did not give back.
#
# test kernel (kmemleak): clear, 5 cycles, wait past kmemleak's minimum
# object age, scan twice, fail on any unreferenced object.  The report is
# kept in $SIMA_EXPORT/kmemleak-85-leaks.txt.
#
# distro kernel (no kmemleak): one warm-up cycle, then 20 cycles; after
# dropping caches compare /proc/meminfo before and after.  Tolerances:
# SUnreclaim (kmalloc and other unreclaimable slabs, where a leaked sima
# object would sit) may grow by at most 512 KiB (about 25 KiB a cycle;
# a quiet guest moves by a few dozen KiB), Slab by at most 4096 KiB
# (dentry/inode caches refill), VmallocUsed by at most 1024 KiB.  The
# caches that grew most are logged from /proc/slabinfo, and no slab cache
# named after sima may remain.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/f"

cycle() {
	sima_load
	exercise_hooks "$W"
	cat "$SIMA_COUNTS" >/dev/null || fail "cannot read $SIMA_COUNTS"
	sima_unload
}

meminfo() {	# FIELD: value in kB
	awk -v f="$1:" '$1 == f { print $2 }' /proc/meminfo
}

settle() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	sleep 1
}

# slab_active: "name active_objs" of every cache, if slabinfo is readable
slab_active() {
	[ -r /proc/slabinfo ] || return 0
	awk 'NR > 2 { print $1, $2 }' /proc/slabinfo
}

if [ "$SIMA_KERNEL" = test ]; then
	kmemleak_clear
	for i in 1 2 3 4 5; do
		cycle
	done
	kmemleak_none "after 5 cycles"
	pass
fi

cycle		# warm-up: one-time allocations of the kernel itself
settle
su0=$(meminfo SUnreclaim)
sl0=$(meminfo Slab)
vm0=$(meminfo VmallocUsed)
slab_active >"$E2E_TMP/slab0"
i=0
while [ $i -lt 20 ]; do
	cycle
	i=$((i + 1))
done
settle
su1=$(meminfo SUnreclaim)
sl1=$(meminfo Slab)
vm1=$(meminfo VmallocUsed)
slab_active >"$E2E_TMP/slab1"

log "SUnreclaim ${su0} -> ${su1} kB, Slab ${sl0} -> ${sl1} kB," \
	"VmallocUsed ${vm0} -> ${vm1} kB"
if [ -s "$E2E_TMP/slab1" ]; then
	log "caches that grew most (active objects):"
	awk 'NR == FNR { a[$1] = $2; next } { print $2 - a[$1], $1 }' \
		"$E2E_TMP/slab0" "$E2E_TMP/slab1" | sort -rn | head -n 8 |
		sed 's/^/#   /'
	left=$(awk '$1 ~ /sima/ { print $1 }' "$E2E_TMP/slab1")
	assert_eq "$left" "" "slab caches named after sima after unload"
fi
assert_le $((su1 - su0)) 512 "SUnreclaim growth (kB) over 20 cycles"
assert_le $((sl1 - sl0)) 4096 "Slab growth (kB) over 20 cycles"
assert_le $((vm1 - vm0)) 1024 "VmallocUsed growth (kB) over 20 cycles"

pass
