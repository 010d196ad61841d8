#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 52-appraise-loads: appraisal of what the kernel reads itself, under
# appraise_type=imasig rules in enforce mode: a kernel module loaded with
# finit_module(2) (signed loads, unsigned is refused, init_module(2) from
# a buffer is refused as upstream without module.sig_enforce), firmware,
# a kexec kernel image, and a policy loaded by path (signed accepted,
# unsigned refused with EACCES). Malformed signatures (wrong version,
# unknown algorithm, a size larger than the value) are refused cleanly.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
K=$E2E_TMP
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst
mk_cert "$K" k
sign() {
	evmctl ima_sign --key "$K/k.pem" -a sha256 "$1" >/dev/null 2>&1 ||
		fail "evmctl ima_sign $1"
}
scratch_dir W
# simatest unloads a module by its file name: keep sima_testmod.ko
mkdir "$W/signed" "$W/unsigned"
cp "$SIMA_TESTMOD" "$W/signed/"
sign "$W/signed/sima_testmod.ko"
cp "$SIMA_TESTMOD" "$W/unsigned/"

### modules
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/k.der" >/dev/null || fail "keyctl padd"
echo "appraise func=MODULE_CHECK appraise_type=imasig" >$P ||
	fail "policy load failed"
simatest --expect-errno EACCES finit "$W/unsigned/sima_testmod.ko" ||
	bad "unsigned module loaded"
simatest --expect-errno EACCES init "$W/signed/sima_testmod.ko" ||
	bad "init_module(2) without a file descriptor allowed"
simatest finit "$W/signed/sima_testmod.ko" || bad "signed module refused"
is_loaded sima_testmod && rmmod sima_testmod
sima_unload

### firmware: the test module requests /lib/firmware/sima-test.fw
fw=/lib/firmware/sima-test.fw
param=/sys/module/sima_testmod/parameters/load_fw
testmod_load
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/k.der" >/dev/null || fail "keyctl padd"
echo "appraise func=FIRMWARE_CHECK appraise_type=imasig" >$P ||
	fail "policy load failed"
setfattr -x security.ima $fw 2>/dev/null
sh -c "echo sima-test.fw >$param" 2>/dev/null && bad "unsigned firmware loaded"
sign $fw
sh -c "echo sima-test.fw >$param" || bad "signed firmware refused"
setfattr -x security.ima $fw
sima_unload
testmod_unload

### kexec kernel image
kernel=/sima/kexec/vmlinuz
initrd=/sima/kexec/initrd
if simatest kexec "$kernel" "$initrd" "console=ttyS0" 2>/dev/null; then
	cp $kernel "$W/vmlinuz"
	sima_load_ca
	keyctl padd asymmetric "" %:.ima <"$K/k.der" >/dev/null
	echo "appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig" >$P ||
		fail "policy load failed"
	simatest --expect-errno EACCES kexec "$W/vmlinuz" "$initrd" ||
		bad "unsigned kexec kernel loaded"
	sign "$W/vmlinuz"
	simatest kexec "$W/vmlinuz" "$initrd" || bad "signed kexec kernel refused"
	sima_unload
else
	log "kexec_file_load refused by the kernel: kexec appraisal not tested"
fi

### policy by path
printf '%s\n' "measure func=BPRM_CHECK" >"$W/signed.pol"
cp "$W/signed.pol" "$W/unsigned.pol"
sign "$W/signed.pol"
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/k.der" >/dev/null
echo "appraise func=POLICY_CHECK appraise_type=imasig" >$P ||
	fail "policy load failed"
if echo "$W/unsigned.pol" >$P 2>/dev/null; then
	bad "unsigned policy file loaded"
fi
echo "$W/signed.pol" >$P || bad "signed policy file refused"
assert_eq "$(tail -1 $P)" "measure func=BPRM_CHECK " "signed policy loaded"
if echo "measure func=MMAP_CHECK" >$P 2>/dev/null; then
	bad "policy rule accepted without a signed file"
fi
sima_unload

### malformed signatures fail, and nothing else happens
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/k.der" >/dev/null
echo "appraise func=FILE_CHECK mask=MAY_READ fsname=ext4" >$P ||
	fail "policy load failed"
bad_sig() {	# NAME HEX CAUSE
	echo data >"$W/$1"
	setfattr -n security.ima -v "0x$2" "$W/$1" || { bad "setfattr $1"; return; }
	mark=$(dmesg_mark)
	cat "$W/$1" >/dev/null 2>&1 && bad "$1 read"
	dmesg_since "$mark" | grep "type=1800" | grep -q "cause=$3" ||
		bad "$1: no appraise_data cause=$3"
}
bad_sig v1 0301046926933b0001ff unknown
bad_sig v4 0304046926933b0001ff invalid-signature-version
bad_sig algo99 0302636926933b0001ff invalid-signature
bad_sig huge 0302046926933bffffff invalid-signature
bad_sig header-only 0302046926933b0000 invalid-signature
bad_sig ng-algo99 0463aabbcc invalid-hash
sima_unload
pass
