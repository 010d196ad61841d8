#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 81-load-failures: no load, failed or not, leaves anything of sima behind.
#
# 1. pcr=17: the TPM refuses extensions of PCR 17 from locality 0 with a
#    TPM return code.  As upstream, sima carries on: it loads, the entries
#    (boot_aggregate first) are in the list for PCR 17, the log names the
#    failed extension, a type 1804 record says cause=TPM_error(2311), and
#    rmmod works.
# 2. rmmod -f while one of sima's securityfs files is open, for each file:
#    the unload waits for the close instead of freeing what the file's
#    release needs.
# 3. Test kernel (CONFIG_FAULT_INJECTION): insmod absent_target=NAME, as on
#    a kernel without that hook target, is refused before anything reaches
#    the TPM; then insmod fail_part=N for every part N of the load; each
#    fails with ENOMEM and leaves no module, no securityfs file, no keyring.
# (Allocation failures injected into a whole insmod are not used: one
#    landing in unregister_kprobe() makes the kernel warn; 86-stress
#    injects them into sima's work after the load.)
# After every failed load and every unload, every hooked path is used; an
# oops, KASAN or lockdep report fails the test through run.sh.  On the test
# kernel kmemleak must find nothing at the end.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/f"

# nothing_left WHAT: no trace of sima after WHAT
nothing_left() {
	! is_loaded sima || fail "$1: sima in /proc/modules"
	[ ! -e "$SIMA_FS" ] || fail "$1: $SIMA_FS left behind"
	if [ "$SIMA_KERNEL" = test ] && [ -L "$SIMA_SECFS/ima" ]; then
		fail "$1: $SIMA_SECFS/ima left behind"
	fi
	# keyrings are freed by the key garbage collector, soon after
	wait_for 5 sh -c "! grep -qE ' keyring +\.(sima|sima_ca|ima): ' /proc/keys" ||
		fail "$1: sima's keyring left behind: $(grep keyring /proc/keys)"
	exercise_hooks "$W"
}

[ "$SIMA_KERNEL" != test ] || kmemleak_clear

# 1. a PCR the TPM will not extend
if [ -e /dev/tpm0 ]; then
	mark=$(dmesg_mark)
	sima_load pcr=17
	first=$(head -n 1 "$SIMA_FS/ascii_runtime_measurements")
	case $first in
	"17 "*boot_aggregate) ;;
	*) bad "first entry with pcr=17: '$first'" ;;
	esac
	dmesg_since "$mark" | grep -q 'extending PCR 17 failed' ||
		bad "no log line for the refused PCR 17 extension"
	dmesg_since "$mark" | grep 'type=1804' |
		grep 'op=add_template_measure' |
		grep 'cause=TPM_error(2311)' | grep -q 'name="boot_aggregate"' ||
		bad "no TPM_error(2311) record for boot_aggregate"
	exercise_hooks "$W"
	sima_unload
	nothing_left "unload after pcr=17"
else
	log "no TPM: pcr=17 part skipped"
fi

# rmmod -f while a file is open: the unload waits for its close
sima_load
files=$(cd "$SIMA_FS" && find . -type f | sed 's|^\./||')
sima_unload
for f in $files; do
	sima_load
	exec 3<"$SIMA_FS/$f"
	rm -f "$E2E_TMP/rmmod.rc"
	(exec 3<&-; rmmod -f sima; echo $? >"$E2E_TMP/rmmod.rc") &
	sleep 2
	[ ! -f "$E2E_TMP/rmmod.rc" ] ||
		bad "rmmod -f returned ($(cat "$E2E_TMP/rmmod.rc")) while $f was open"
	exec 3<&-
	wait_for 10 test -f "$E2E_TMP/rmmod.rc" ||
		fail "rmmod -f did not return within 10 s of closing $f"
	wait
	_sima_loaded=0
	assert_eq "$(cat "$E2E_TMP/rmmod.rc")" 0 "rmmod -f status ($f open)"
	nothing_left "rmmod -f with $f open"
done

if [ "$SIMA_KERNEL" != test ]; then
	pass
fi

# 3. a kernel lacking a hook target (absent_target= makes one look absent):
#    the load is refused, naming the target and the kernel, before sima
#    measured anything: the PCR it would extend is untouched.
tpm=/sys/class/tpm/tpm0
if [ -e $tpm/pcr-sha256/15 ]; then
	before=$(cat $tpm/pcr-sha256/15)
	mark=$(dmesg_mark)
	if insmod "$SIMA_KO" absent_target=security_bprm_check pcr=15 \
		2>"$E2E_TMP/err"; then
		_sima_loaded=1
		fail "a load without security_bprm_check succeeded"
	fi
	dmesg_since "$mark" |
		grep -q "hook target security_bprm_check is missing from kernel $(uname -r)" ||
		bad "no message naming the missing target and the kernel"
	assert_eq "$(cat $tpm/pcr-sha256/15)" "$before" \
		"PCR 15 after the refused load"
	nothing_left "absent_target=security_bprm_check"
else
	log "no TPM: absent_target part skipped"
fi

# 4. each part of the load failing in turn
n=1
while :; do
	if insmod "$SIMA_KO" fail_part=$n 2>"$E2E_TMP/err"; then
		_sima_loaded=1
		break
	fi
	grep -q 'memory' "$E2E_TMP/err" ||
		bad "fail_part=$n: not ENOMEM: $(cat "$E2E_TMP/err")"
	nothing_left "fail_part=$n"
	n=$((n + 1))
	[ $n -le 40 ] || fail "fail_part=40 still fails: no such part?"
done
log "$((n - 1)) parts failed in turn, each cleanly"
assert_ge $((n - 1)) 10 "parts the load went through"
exercise_hooks "$W"
sima_unload
nothing_left "unload after fail_part=$n"

kmemleak_none "after the failed loads"

pass
