#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 60-evm-fields: the template fields that read security.evm and the xattrs
# upstream's EVM protects, and the audit records of a policy load and of a
# buffer measurement that adds nothing, as upstream writes them:
#   sig      security.ima when it holds a signature, else a portable EVM
#            signature (type 5), else empty
#   evmsig   security.evm when it is a portable signature
#   xattrnames, xattrlengths, xattrvalues
#            the file's xattrs among security.selinux, .SMACK64,
#            .SMACK64EXEC, .SMACK64TRANSMUTE, .SMACK64MMAP, .apparmor,
#            .ima, .capability, in that order, whatever the kernel's LSMs
#   1807     one record per rule written: each word up to the one that
#            made it invalid, then res=
#   1804     op=measuring_key cause=store_entry errno=-17 for a key
#            measured a second time
# The same script runs against native IMA on the distro kernel, in a boot
# of its own with sima_engine=native (native IMA takes one policy per
# boot); every expected value is the same for both.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

engine_start
FS=$IMA_FS
L=$FS/ascii_runtime_measurements
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst

# xattr values, hex
SE=73797374656d5f753a6f626a6563745f723a7573725f743a733000
SMACK=5f
SMACKEXEC=666f6f
AA=756e636f6e66696e6564
IMAHASH=0404$(printf x | sha256sum | cut -d' ' -f1)
IMASIG=030204aabbccdd0004cafef00d
CAP=0100000200040000000000000000000000000000
EVMSIG=050204aabbccdd0004deadbeef
EVMHMAC=030204aabbccdd0002beef

le32() {	# N: as 4 little-endian bytes, hex
	printf '%02x%02x%02x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) \
		$(($1 >> 16 & 255)) $(($1 >> 24 & 255))
}
hexlen() { echo $((${#1} / 2)); }
setx() {	# FILE NAME HEX
	setfattr -n "$2" -v "0x$3" "$1" || fail "setfattr $2 on $1"
}
mkf() {	# NAME OWNER: a file with its own content
	echo "evm fields $1" >"$W/$1" || fail "create $1"
	chown "$2" "$W/$1"
}
# fields NAME FIRST: F = the ASCII list fields of NAME's entry from FIRST
# on, after checking the digest field (field 4)
fields() {
	F=
	_line=$(grep " $W/$1 " "$L")
	[ -n "$_line" ] || { bad "$1 not measured"; return; }
	log "$_line"
	_d=$(echo "$_line" | cut -d' ' -f4)
	_a=${_d%%:*}
	assert_eq "$_d" "$_a:$(${_a}sum "$W/$1" | cut -d' ' -f1)" "$1 digest"
	F=$(echo "$_line" | cut -d' ' -f"$2"-)
}
# ids NAME: iuid, igid and imode as the list shows them
ids() { echo "$(stat -c '%u %g' "$W/$1") $((0x$(stat -c %f "$W/$1")))"; }

scratch_dir W
mkf sig-evm 4301
setx "$W/sig-evm" security.ima "$IMAHASH"
setx "$W/sig-evm" security.evm "$EVMSIG"
mkf sig-ima 4301
setx "$W/sig-ima" security.ima "$IMASIG"
setx "$W/sig-ima" security.evm "$EVMSIG"
mkf sig-hmac 4301
setx "$W/sig-hmac" security.ima "$IMAHASH"
setx "$W/sig-hmac" security.evm "$EVMHMAC"
mkf all 4302
setx "$W/all" security.capability "$CAP"
setx "$W/all" security.ima "$IMAHASH"
setx "$W/all" security.apparmor "$AA"
setx "$W/all" security.SMACK64EXEC "$SMACKEXEC"
setx "$W/all" security.SMACK64 "$SMACK"
setx "$W/all" security.selinux "$SE"
setfattr -n user.other -v x "$W/all" || fail "setfattr user.other"
setx "$W/all" security.evm "$EVMSIG"
mkf none 4302
mkf hmac 4302
setx "$W/hmac" security.SMACK64 "$SMACK"
setx "$W/hmac" security.evm "$EVMHMAC"

mk_cert "$E2E_TMP" k

### 1807: one record per rule, up to the word that made it invalid
mark=$(dmesg_mark)
if printf '%s\n' "measure func=FILE_CHECK fowner=4301 bogus template=ima-sig" \
	>"$FS/policy" 2>/dev/null; then
	fail "an invalid rule was accepted"
fi
printf '%s\n' "measure func=FILE_CHECK mask=MAY_READ fowner=4301 template=ima-sig" \
	"# comment" \
	"measure func=FILE_CHECK mask=MAY_READ fowner=4302 template=evm-sig" \
	"measure func=KEY_CHECK keyrings=sima_e2e_evm" >"$FS/policy" ||
	fail "policy load"
# kauditd prints the records later; the load's own record comes last
logged() { dmesg_since "$mark" | grep -q "$1"; }
wait_for 10 logged "op=policy_update cause=completed" ||
	bad "no policy_update record"
rules=$(dmesg_since "$mark" | grep "type=1807" | sed 's/.*): //')
log "$rules"
assert_eq "$(echo "$rules" | wc -l)" 4 "1807 records"
assert_eq "$(echo "$rules" | sed -n 1p)" \
	"action=measure func=FILE_CHECK fowner=4301 UNKNOWN=bogus res=0" \
	"1807 of the invalid rule"
assert_eq "$(echo "$rules" | sed -n 2p)" \
	"action=measure func=FILE_CHECK mask=MAY_READ fowner=4301 template=ima-sig res=1" \
	"1807 of the first rule"
assert_eq "$(echo "$rules" | sed -n 3p)" \
	"action=measure func=FILE_CHECK mask=MAY_READ fowner=4302 template=evm-sig res=1" \
	"1807 of the second rule"
assert_eq "$(echo "$rules" | sed -n 4p)" \
	"action=measure func=KEY_CHECK keyrings=sima_e2e_evm res=1" \
	"1807 of the key rule"

for f in sig-evm sig-ima sig-hmac all none hmac; do
	cat "$W/$f" >/dev/null
done

### sig: security.ima's signature, else the portable EVM signature
fields sig-evm 6
assert_eq "$F" "$EVMSIG" "sig of a hash with evm"
fields sig-ima 6
assert_eq "$F" "$IMASIG" "sig of a signature with evm"
fields sig-hmac 6
assert_eq "$F" "" "sig with a non-portable evm"

### evmsig and the EVM xattrs
names="security.selinux|security.SMACK64|security.SMACK64EXEC"
names="$names|security.apparmor|security.ima|security.capability"
lengths=
values=
for v in "$SE" "$SMACK" "$SMACKEXEC" "$AA" "$IMAHASH" "$CAP"; do
	lengths=$lengths$(le32 "$(hexlen "$v")")
	values=$values$v
done
fields all 6
assert_eq "$F" "$EVMSIG $names $lengths $values $(ids all)" "evm-sig of all"
fields none 6
assert_eq "$F" "    $(ids none)" "evm-sig without xattrs"
fields hmac 6
assert_eq "$F" " security.SMACK64 $(le32 1) $SMACK $(ids hmac)" \
	"evm-sig with a non-portable evm"

### a key measured again: store_entry with its errno
ring=$(keyctl newring sima_e2e_evm @u) || fail "keyctl newring"
mark=$(dmesg_mark)
keyctl padd asymmetric "" "$ring" <"$E2E_TMP/k.der" >/dev/null ||
	fail "keyctl padd"
keyctl padd asymmetric "" "$ring" <"$E2E_TMP/k.der" >/dev/null ||
	fail "keyctl padd again"
assert_eq "$(grep -c " sima_e2e_evm " "$L")" 1 "key entries"
wait_for 10 logged "op=measuring_key" || bad "no measuring_key record"
rec=$(dmesg_since "$mark" | grep "type=1804" | grep "op=measuring_key")
log "$rec"
assert_eq "$(echo "$rec" | grep -c .)" 1 "measuring_key records"
echo "$rec" | grep -q " cause=store_entry comm=\"keyctl\" name=\"sima_e2e_evm\" res=0 errno=-17\$" ||
	bad "no store_entry record with errno=-17: $rec"
keyctl unlink "$ring" @u >/dev/null
pass
