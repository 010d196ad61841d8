#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 21-mknod: post_mknod counts successful mknod/mknodat of any type.  The
# helper unlinks each node again (no hook), which frees its inode:
# inode_free >= 1 per iteration.  mknod over an existing name fails:
# nothing.  A file made by open(O_CREAT) is not a mknod.  busybox mkfifo
# and mknod count one each.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
tmp_dir T
mk_file "$W/exists"

sima_load

check_op "post_mknod=N inode_free>=N" mknod-reg "$W/node"
check_op "post_mknod=N inode_free>=N" mknod-fifo "$W/node"
check_op "post_mknod=N inode_free>=N" mknod-chr "$W/node"
check_op "post_mknod=N inode_free>=N" mknod-reg "$T/node"
check_op "" --expect-errno EEXIST mknod-reg "$W/exists"
check_op "file_open=N file_free=N inode_free>=N" unlink-create "$W"

snap "$E2E_TMP/a"
mkfifo "$W/ff" || bad "mkfifo failed"
mknod "$W/cc" c 1 3 || bad "mknod failed"
snap "$E2E_TMP/b"
assert_eq "$(snap_delta "$E2E_TMP/a" "$E2E_TMP/b" post_mknod)" 2 \
	"busybox mkfifo + mknod: post_mknod"

sima_unload
pass
