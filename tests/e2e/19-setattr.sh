#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 19-setattr: every notify_change is one inode_setattr, and one
# inode_post_setattr when it succeeds: chmod, chown (even to the same
# owner), truncate, ftruncate (fd opened outside the window), utimensat.
# truncate beyond the filesystem's maximum size passes the security hook
# and then fails in ext4 (EFBIG): inode_setattr only.  The same for the
# busybox tools, exact for the setattr hooks only.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/f"
sa="inode_setattr=N inode_post_setattr=N"

sima_load

check_op "$sa" chmod "$W/f"
check_op "$sa" chown "$W/f"
check_op "$sa" truncate "$W/f"
check_op "$sa" truncate "$W/f" 4096
check_op "$sa" ftruncate "$W/f"
check_op "$sa" utimes "$W/f"
check_op "inode_setattr=N" \
	--expect-errno EFBIG truncate "$W/f" 1152921504606846976	# 2^60

# setattr_delta BEFORE AFTER: "setattr post_setattr"
setattr_delta() {
	printf '%s %s' "$(snap_delta "$1" "$2" inode_setattr)" \
		"$(snap_delta "$1" "$2" inode_post_setattr)"
}

n=0
for cmd in "chmod 600" "chown 0:0" "touch"; do
	n=$((n + 1))
	snap "$E2E_TMP/a$n"
	$cmd "$W/f" || bad "$cmd failed"
	snap "$E2E_TMP/b$n"
	assert_eq "$(setattr_delta "$E2E_TMP/a$n" "$E2E_TMP/b$n")" "1 1" \
		"$cmd: inode_setattr inode_post_setattr"
done

sima_unload
pass
