#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 20-tmpfile: open(O_TMPFILE) + close on ext4 and tmpfs.  Per iteration:
# post_create_tmpfile 1, file_open 0 (upstream runs no FILE_CHECK on it),
# file_free 1, and the unlinked inode dies at the close: inode_free >= 1.
# A filesystem without tmpfile support fails before the hook: nothing.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
tmp_dir T
tf="post_create_tmpfile=N file_open=0 file_free=N inode_free>=N"

sima_load

check_op "$tf" tmpfile "$W"
check_op "$tf" tmpfile "$T"
check_op "" --expect-errno EOPNOTSUPP tmpfile "$SIMA_SECFS"

sima_unload
pass
