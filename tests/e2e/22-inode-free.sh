#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 22-inode-free: inode_free counts in-core inode destruction.  Other
# inodes die at any time, so only lower bounds are asserted:
#   create + close + unlink of a file	inode_free >= 1 (ext4 and tmpfs)
#   dropping the caches after 50 files were looked up	inode_free >= 25
#   (half: a few may stay pinned by the dentry cache)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
tmp_dir T
mkdir "$W/many" || fail "mkdir failed"

sima_load

check_op "file_open=N file_free=N inode_free>=N" unlink-create "$W"
check_op "file_open=N file_free=N inode_free>=N" unlink-create "$T"

i=0
while [ $i -lt 50 ]; do
	: >"$W/many/f$i"
	i=$((i + 1))
done
sync
ls -l "$W/many" >/dev/null
snap "$E2E_TMP/a"
echo 2 >/proc/sys/vm/drop_caches
snap "$E2E_TMP/b"
assert_ge "$(snap_delta "$E2E_TMP/a" "$E2E_TMP/b" inode_free)" 25 \
	"drop_caches: inode_free"

sima_unload
pass
