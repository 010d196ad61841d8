#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest script: does this kernel flavour boot into a usable harness? Needs
# no sima module, so it runs on a kernel sima is not ported to yet:
#   qemu/run --kernel FLAVOUR -- qemu/kernel-smoke.sh [KVER]
# Checks: uname -r is KVER (default: the version the host booted, from the
# base initramfs); the swtpm TPM 2.0 answers on /dev/tpm0; securityfs is
# mounted; the scratch disk is ext4; on Debian kernels every module the
# harness lists loads and native IMA has measured boot_aggregate, on test
# kernels IMA is absent. Prints one line per check; exits 1 if any failed.

fail=0
ok() { echo "kernel-smoke: ok   $*"; }
bad() { echo "kernel-smoke: FAIL $*"; fail=1; }

read -r up _ </proc/uptime
read -r kver </etc/sima/kver
want=${1:-$kver}
got=$(uname -r)
echo "kernel-smoke: flavour $SIMA_FLAVOUR ($SIMA_KERNEL), uptime ${up}s"
if [ "$got" = "$want" ]; then
	ok "uname -r $got"
else
	bad "uname -r $got, want $want"
fi

if [ -c /dev/tpm0 ] && [ "$(cat /sys/class/tpm/tpm0/tpm_version_major)" = 2 ]; then
	# Through /dev/tpm0 itself, not the resource manager.
	if pcr=$(TPM2TOOLS_TCTI=device:/dev/tpm0 tpm2_pcrread sha256:0 2>&1) &&
		echo "$pcr" | grep -q '0 *: 0x[0-9A-F]\{64\}'; then
		ok "TPM 2.0 /dev/tpm0 answers (PCR 0 read)"
	else
		bad "TPM /dev/tpm0 does not answer: $pcr"
	fi
else
	bad "no TPM 2.0 at /dev/tpm0"
fi

if grep -q '^securityfs /sys/kernel/security securityfs ' /proc/mounts; then
	ok "securityfs mounted"
else
	bad "securityfs not mounted"
fi
if grep -q '^/dev/vda /scratch ext4 ' /proc/mounts; then
	ok "scratch disk mounted ext4"
else
	bad "/dev/vda not mounted ext4 on /scratch"
fi

ml=/sys/kernel/security/ima/ascii_runtime_measurements
if [ "$SIMA_KERNEL" = distro ]; then
	mods=$(cat /etc/sima/modules /etc/sima/modules-extra)
	for m in $mods; do
		if /sbin/modprobe "$m" 2>/dev/null; then
			ok "module $m"
		else
			bad "module $m does not load"
		fi
	done
	# PCR, template hash, template, digest, name[, signature]
	first=$(head -n 1 "$ml" 2>/dev/null)
	if [ "$(echo "$first" | cut -d' ' -f5)" = boot_aggregate ]; then
		ok "native IMA: $(echo "$first" | cut -d' ' -f3-5)"
	else
		bad "native IMA has no boot_aggregate in $ml: '$first'"
	fi
else
	if [ ! -e /sys/kernel/security/ima ]; then
		ok "no native IMA"
	else
		bad "native IMA present on a test kernel"
	fi
fi
if [ $fail -eq 0 ]; then
	echo "kernel-smoke: passed"
else
	echo "kernel-smoke: FAILED"
fi
exit $fail
