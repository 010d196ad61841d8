#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 51-appraise-modes: ima_appraise= fix labels a tree (security.ima gets
# the type 4 hash evmctl writes) that then passes enforce; log allows and
# audits; off ignores appraise rules. In every mode a file appraised while
# written gets its new hash at the last writer's close, so legitimate
# edits keep passing. security.ima is guarded as upstream: only
# CAP_SYS_ADMIN sets or removes it (EPERM), a value of unknown type is
# EINVAL, and setting or removing it makes the next access re-appraise.
# Its hash algorithm must be one the kernel has (unavailable-hash-algorithm)
# or, once a SETXATTR_CHECK rule was active, one it lists, for good
# (denied-hash-algorithm).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
RULE="appraise func=FILE_CHECK fsname=ext4"
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst
scratch_dir W
chmod 755 "$W"
ima() { getfattr -n security.ima -e hex "$1" 2>/dev/null | sed -n 's/^security.ima=//p'; }
readable() { cat "$1" >/dev/null 2>&1; }

mkdir "$W/tree"
for i in 1 2 3; do echo "file $i" >"$W/tree/f$i"; done
# what evmctl would write: type 4, sha256
evmctl ima_hash -a sha256 "$W/tree/f1" >/dev/null 2>&1 && want1=$(ima "$W/tree/f1")
setfattr -x security.ima "$W/tree/f1"

### fix: reading labels
sima_load ima_appraise=fix
echo "$RULE" >$P || fail "policy load failed"
mark=$(dmesg_mark)
for i in 1 2 3; do readable "$W/tree/f$i" || bad "fix mode refused f$i"; done
assert_eq "$(ima "$W/tree/f1")" "$want1" "security.ima written by fix mode"
dmesg_since "$mark" | grep "type=1800" | grep -q "cause=missing-hash" ||
	bad "fix mode did not audit the missing hash"
sima_unload

### enforce: the fixed tree passes, a new unlabelled file does not
echo "file 4" >"$W/tree/f4"
sima_load
echo "$RULE" >$P || fail "policy load failed"
for i in 1 2 3; do readable "$W/tree/f$i" || bad "enforce refused fixed f$i"; done
readable "$W/tree/f4" && bad "enforce allowed an unlabelled file"
# an edit through an appraised write open relabels at close
echo "edit" >>"$W/tree/f2" || bad "append refused"
readable "$W/tree/f2" || bad "edited file refused after its writer closed"
evmctl ima_hash -a sha256 "$W/tree/f3" >/dev/null 2>&1 || true
# files created under the rule pass until their writer closes, then carry
# their hash
echo "new" >"$W/tree/new" || bad "creating a file refused"
readable "$W/tree/new" || bad "new file refused"
assert_ne "$(ima "$W/tree/new")" "" "new file labelled at close"
# a wrong label fails, the right one passes again (cache reset by setxattr)
setfattr -n security.ima -v 0x0404000000000000000000000000000000000000000000000000000000000000000000 "$W/tree/f1" ||
	bad "setfattr wrong hash"
readable "$W/tree/f1" && bad "wrong hash accepted"
setfattr -n security.ima -v "$want1" "$W/tree/f1" || bad "setfattr good hash"
readable "$W/tree/f1" || bad "good hash refused after reset"

### guarding security.ima
if su -s /bin/sh nobody -c "setfattr -n security.ima -v 0x01 $W/tree/f1" 2>/dev/null; then
	bad "nobody set security.ima"
fi
simatest --expect-errno EINVAL setxattr "$W/tree/f1" security.ima "$(printf '\007abc')" ||
	bad "type 7 value not EINVAL"
simatest --expect-errno EINVAL setxattr "$W/tree/f1" security.ima '' ||
	bad "empty value not EINVAL"
sima_unload

### log: allowed and audited
sima_load ima_appraise=log
echo "$RULE" >$P || fail "policy load failed"
mark=$(dmesg_mark)
readable "$W/tree/f4" || bad "log mode refused"
dmesg_since "$mark" | grep "type=1800" | grep "cause=missing-hash" |
	grep -q "name=\"$W/tree/f4\"" || bad "log mode did not audit"
assert_eq "$(ima "$W/tree/f4")" "" "log mode wrote security.ima"
sima_unload

### off: appraise rules do nothing
sima_load ima_appraise=off
echo "$RULE" >$P || fail "policy load failed"
readable "$W/tree/f4" || bad "off mode refused"
sima_unload
if insmod "$SIMA_KO" ima_appraise=bogus 2>/dev/null; then
	bad "ima_appraise=bogus loaded"
	rmmod sima
fi

### the hash algorithm of security.ima being set
D=$(printf '%064d' 0)
setalgo() {	# ALGO-BYTE: set a type 4 value of that algorithm on $W/algo
	setfattr -n security.ima -v "0x04$1$D" "$W/algo" 2>/dev/null
}
refused_algo() {	# ALGO-BYTE CAUSE
	mark=$(dmesg_mark)
	setalgo "$1" && bad "algorithm $1 set"
	dmesg_since "$mark" | grep "type=1800" | grep "op=set_data" |
		grep "cause=$2" | grep -q "name=\"${W#"$SIMA_SCRATCH"}/algo\"" ||
		bad "algorithm $1: no set_data record with cause=$2"
}
echo data >"$W/algo"
sima_load
setalgo 05 || bad "sha384 refused without a SETXATTR_CHECK rule"
# tgr192 (16): gone from the kernel's crypto since 5.12
refused_algo 10 unavailable-hash-algorithm
echo "appraise func=SETXATTR_CHECK appraise_algos=sha256,sha512" >$P ||
	fail "SETXATTR_CHECK rule refused"
setalgo 04 || bad "sha256 refused under appraise_algos=sha256,sha512"
setalgo 06 || bad "sha512 refused under appraise_algos=sha256,sha512"
refused_algo 05 denied-hash-algorithm
# the first SETXATTR_CHECK rule stays: a later one changes nothing
echo "appraise func=SETXATTR_CHECK appraise_algos=sha384" >$P ||
	fail "second SETXATTR_CHECK rule refused"
refused_algo 05 denied-hash-algorithm
sima_unload
pass
