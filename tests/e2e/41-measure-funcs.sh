#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 41-measure-funcs: each func measured in its own scenario, with a policy
# of that func's rule alone: the entry names the right file (or event),
# its digest is the content's sha256 computed here, other funcs' objects
# stay out of the list. MMAP_CHECK, MODULE_CHECK (finit_module),
# FIRMWARE_CHECK, KEXEC_KERNEL_CHECK, KEXEC_INITRAMFS_CHECK, KEXEC_CMDLINE
# (an ima-buf entry of the command line, without its NUL) and
# POLICY_CHECK (a policy loaded by path); rule pcr= and template= apply.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
P=$SIMA_FS/policy
sha() { sha256sum "$1" | cut -d' ' -f1; }
entry() { awk -v n="$1" '$5 == n' $L; }	# the entries of a file name
check_entry() {	# NAME WANT-DIGEST-FILE [PCR [TEMPLATE]]
	_e=$(entry "$1" | tail -1)
	[ -n "$_e" ] || { bad "no entry for $1"; return; }
	assert_eq "$(echo "$_e" | cut -d' ' -f4)" "sha256:$(sha "$2")" "digest of $1"
	[ -z "$3" ] || assert_eq "$(echo "$_e" | cut -d' ' -f1)" "$3" "PCR of $1"
	[ -z "$4" ] || assert_eq "$(echo "$_e" | cut -d' ' -f3)" "$4" "template of $1"
}
only() {	# POLICY-LINE: a fresh sima with that one rule
	sima_load
	echo "$1" >$P || fail "policy '$1' refused"
}
scratch_dir W

### MMAP_CHECK: an executable mapping, not a read
cp /sima/bin/simatest "$W/lib.so"
echo data >"$W/read"
only "measure func=MMAP_CHECK"
simatest mmap-exec "$W/lib.so" || bad "mmap-exec failed"
cat "$W/read" >/dev/null
check_entry "$W/lib.so" "$W/lib.so"
assert_eq "$(entry "$W/read" | wc -l)" 0 "read under MMAP_CHECK"
sima_unload

### MODULE_CHECK, into PCR 12 with ima-sig
mkdir "$W/mod"
cp "$SIMA_TESTMOD" "$W/mod/"
only "measure func=MODULE_CHECK pcr=12 template=ima-sig"
simatest finit "$W/mod/sima_testmod.ko" || bad "finit_module failed"
check_entry "$W/mod/sima_testmod.ko" "$W/mod/sima_testmod.ko" 12 ima-sig
sima_unload

### FIRMWARE_CHECK
fw=/lib/firmware/sima-test.fw
testmod_load
only "measure func=FIRMWARE_CHECK"
sh -c "echo sima-test.fw >/sys/module/sima_testmod/parameters/load_fw" ||
	bad "firmware load failed"
check_entry $fw $fw
assert_eq "$(grep -c sima_testmod.ko $L)" 0 "module under FIRMWARE_CHECK"
sima_unload
testmod_unload

### KEXEC_KERNEL_CHECK, KEXEC_INITRAMFS_CHECK, KEXEC_CMDLINE
kernel=/sima/kexec/vmlinuz
initrd=/sima/kexec/initrd
cmdline="console=ttyS0 sima-e2e-41"
if simatest kexec "$kernel" "$initrd" "$cmdline" 2>/dev/null; then
	only "measure func=KEXEC_KERNEL_CHECK"
	simatest kexec "$kernel" "$initrd" "$cmdline" || bad "kexec failed"
	check_entry $kernel $kernel
	assert_eq "$(entry $initrd | wc -l)" 0 "initrd under KEXEC_KERNEL_CHECK"
	sima_unload
	only "measure func=KEXEC_INITRAMFS_CHECK"
	simatest kexec "$kernel" "$initrd" "$cmdline" || bad "kexec failed"
	check_entry $initrd $initrd
	assert_eq "$(entry $kernel | wc -l)" 0 "kernel under KEXEC_INITRAMFS_CHECK"
	sima_unload
	only "measure func=KEXEC_CMDLINE"
	simatest kexec "$kernel" "$initrd" "$cmdline" || bad "kexec failed"
	e=$(grep " kexec-cmdline " $L)
	assert_eq "$(echo "$e" | cut -d' ' -f3)" ima-buf "cmdline template"
	assert_eq "$(echo "$e" | cut -d' ' -f4)" \
		"sha256:$(printf '%s' "$cmdline" | sha256sum | cut -d' ' -f1)" \
		"cmdline digest"
	assert_eq "$(echo "$e" | cut -d' ' -f6)" \
		"$(printf '%s' "$cmdline" | od -An -v -tx1 | tr -d ' \n')" \
		"cmdline buffer"
	sima_unload
else
	log "kexec_file_load refused by the kernel: kexec funcs not tested"
fi

### POLICY_CHECK: a policy file loaded by path
printf '%s\n' "measure func=POLICY_CHECK" "measure func=BPRM_CHECK" \
	>"$W/policy.txt"
only "measure func=POLICY_CHECK"
echo "$W/policy.txt" >$P || bad "policy by path refused"
check_entry "$W/policy.txt" "$W/policy.txt"
sima_unload
pass
