#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 17-kexec: kexec_file_load(kernel, initrd, cmdline) then KEXEC_FILE_UNLOAD.
# Per load: kernel_read_file 2 and kernel_post_read_file 2 (kernel image
# and initrd, both read whole), kexec_cmdline 1; the unload counts nothing.
# Both files are opened outside the window.  Skipped (77) only when the
# kernel itself refuses kexec_file_load (lockdown, kexec_load_disabled,
# no KEXEC_FILE), which is checked before sima is loaded.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

kernel=/sima/kexec/vmlinuz
initrd=/sima/kexec/initrd
cmdline="console=ttyS0 sima-e2e-kexec"
[ -f "$kernel" ] || fail "$kernel missing"
[ -f "$initrd" ] || fail "$initrd missing"

if [ "$(cat /proc/sys/kernel/kexec_load_disabled 2>/dev/null)" = 1 ]; then
	skip "kexec_load_disabled is set"
fi
if ! simatest kexec "$kernel" "$initrd" "$cmdline" 2>"$E2E_TMP/err"; then
	err=$(cat "$E2E_TMP/err")
	case "$err" in
	*"[errno 1 "*|*"[errno 38 "*|*"[errno 95 "*)
		ld=$(cat "$SIMA_SECFS/lockdown" 2>/dev/null)
		skip "kernel refuses kexec_file_load: $err" \
			"${ld:+(lockdown: $ld)}"
		;;
	esac
	fail "kexec_file_load without sima: $err"
fi

sima_load

check_op "kernel_read_file=2N kernel_post_read_file=2N kexec_cmdline=N" \
	kexec "$kernel" "$initrd" "$cmdline"

sima_unload
pass
