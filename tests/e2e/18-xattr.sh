#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 18-xattr: setxattr/removexattr of user.* and security.* names on ext4.
#   setxattr			inode_setxattr 1, inode_post_setxattr 1
#   setxattr XATTR_CREATE, EEXIST	inode_setxattr 1 (post only on success)
#   removexattr			inode_removexattr 1, inode_post_removexattr 1
#   removexattr, ENODATA		inode_removexattr 1
# security.sima_e2e is not one of the names IMA/EVM protect, so native
# EVM on the distro kernel does not interfere.  Then the same through the
# real setfattr, exact for the xattr hooks only, and a POSIX ACL set and
# removed (on 6.12 through the ACL hooks, the same events).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/f"
command -v setfattr >/dev/null || fail "setfattr not installed"
command -v getfattr >/dev/null || fail "getfattr not installed"

sima_load

for name in user.sima_e2e security.sima_e2e; do
	check_op "inode_setxattr=N inode_post_setxattr=N" \
		setxattr "$W/f" "$name" value
	check_op "inode_removexattr=N inode_post_removexattr=N" \
		removexattr "$W/f" "$name"
	check_op "inode_removexattr=N" \
		--expect-errno ENODATA rmxattr "$W/f" "$name.absent"
	for n in $SIMA_E2E_NS; do
		rm -f "$W/c$n"	# a fresh inode: 1 KiB blocks hold few xattrs
		mk_file "$W/c$n"
		expect_op "$n" "inode_setxattr=N inode_post_setxattr=N" \
			setxattr-create "$W/c$n" "$name" value
		expect_op "$n" "inode_setxattr=N" --expect-errno EEXIST \
			setxattr-create "$W/c$n" "$name" value
	done
done

# xattr_delta BEFORE AFTER: "set post_set remove post_remove"
xattr_delta() {
	for h in inode_setxattr inode_post_setxattr inode_removexattr \
	    inode_post_removexattr; do
		printf '%s ' "$(snap_delta "$1" "$2" $h)"
	done
}

for name in user.sima_tool security.sima_tool; do
	snap "$E2E_TMP/a"
	setfattr -n "$name" -v hello "$W/f" || bad "setfattr -n $name failed"
	snap "$E2E_TMP/b"
	assert_eq "$(xattr_delta "$E2E_TMP/a" "$E2E_TMP/b")" "1 1 0 0 " \
		"setfattr -n $name: set/post/remove/post"
	assert_eq "$(getfattr --only-values -n "$name" "$W/f")" hello \
		"getfattr -n $name"

	setfattr -x "$name" "$W/f" || bad "setfattr -x $name failed"
	snap "$E2E_TMP/c"
	assert_eq "$(xattr_delta "$E2E_TMP/b" "$E2E_TMP/c")" "0 0 1 1 " \
		"setfattr -x $name: set/post/remove/post"

	if setfattr -x "$name" "$W/f" 2>/dev/null; then
		bad "setfattr -x of an absent $name succeeded"
	fi
	snap "$E2E_TMP/d"
	assert_eq "$(xattr_delta "$E2E_TMP/c" "$E2E_TMP/d")" "0 0 1 0 " \
		"failing setfattr -x $name: set/post/remove/post"
done

# An access ACL with a named user (so ext4 stores it): version 2, then
# USER_OBJ rw, USER 1000 r, GROUP_OBJ r, MASK r, OTHER r.
acl=0x02000000
acl=${acl}01000600ffffffff02000400e803000004000400ffffffff
acl=${acl}10000400ffffffff20000400ffffffff
snap "$E2E_TMP/a"
setfattr -n system.posix_acl_access -v "$acl" "$W/f" ||
	bad "setting an ACL failed"
snap "$E2E_TMP/b"
assert_eq "$(xattr_delta "$E2E_TMP/a" "$E2E_TMP/b")" "1 1 0 0 " \
	"ACL set: set/post/remove/post"
setfattr -x system.posix_acl_access "$W/f" || bad "removing the ACL failed"
snap "$E2E_TMP/c"
assert_eq "$(xattr_delta "$E2E_TMP/b" "$E2E_TMP/c")" "0 0 1 1 " \
	"ACL removed: set/post/remove/post"

sima_unload
pass
