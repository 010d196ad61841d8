#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 13-open: file_open counts successful opens of regular files, whatever the
# access mode and syscall (open, creat, openat2, open_by_handle_at, which
# goes through do_file_open_root); each such open/close pair is one
# file_open and one file_free.  Directories, devices, fifos, O_PATH and
# failed opens count nothing.  O_TRUNC of an existing file (also creat) is
# a truncation: inode_setattr and inode_post_setattr once each.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/f"
mkfifo "$W/fifo" || fail "mkfifo failed"
tmp_dir T
mk_file "$T/f"

sima_load

oc="file_open=N file_free=N"
check_op "$oc" open-read "$W/f"
check_op "$oc" open-write "$W/f"
check_op "$oc" open-rdwr "$W/f"
check_op "$oc" open-read "$T/f"
check_op "$oc" open-read /sima/bin/simatest
check_op "$oc" openat2 "$W/f"
check_op "$oc" open-by-handle "$W/f"
check_op "$oc inode_setattr=N inode_post_setattr=N" open-trunc "$W/f"
check_op "$oc inode_setattr=N inode_post_setattr=N" creat "$W/f"

check_op "" open-dir "$W"
check_op "" open-dir /sima
check_op "" open-path "$W/f"
check_op "" open-read /dev/null
check_op "" open-rdwr "$W/fifo"	# O_RDWR on a fifo does not block
check_op "" --expect-errno ENOENT open-read "$W/missing"
check_op "" --expect-errno EISDIR open-write "$W"

sima_unload
pass
