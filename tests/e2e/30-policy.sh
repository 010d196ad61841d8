#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 30-policy: the policy file. Builtin policies read back exactly as
# upstream's (spec §2, in kernel order); open and write errnos (EACCES,
# EPERM, EBUSY, EINVAL); a bad line spoils the whole transaction and is
# named in dmesg; the first load replaces the boot policy, later loads
# append; loading by path; signed policy required under appraise_tcb;
# write-once mode; no leaks (kmemleak, test kernel).
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
mark=$(dmesg_mark)
check() {	# DESCRIPTION CMD...
	_d=$1
	shift
	"$@" || bad "$_d"
}
has_log() { dmesg_since "$mark" | grep -qF -- "$1"; }
want() { printf '%s \n' "$@" >"$E2E_TMP/want"; }
wantlist() { echo "$1" | tr '|' '\n' | sed 's/$/ /' >"$E2E_TMP/want"; }
same() {
	cat "$P" >"$E2E_TMP/got" 2>&1
	cmp -s "$E2E_TMP/want" "$E2E_TMP/got" && return 0
	echo "--- want"; cat "$E2E_TMP/want"; echo "--- got"; cat "$E2E_TMP/got"
	return 1
}
# one rule, one transaction
w() { printf '%s\n' "$1" >"$P"; }
# a write that must fail with the given error text
werr() {
	printf '%s\n' "$1" | dd of="$P" bs=4096 2>"$E2E_TMP/werr"
	_r=$?
	[ $_r -ne 0 ] && grep -q "$2" "$E2E_TMP/werr"
}

TCB="dont_measure fsmagic=0x9fa0|dont_measure fsmagic=0x62656572|dont_measure fsmagic=0x64626720|dont_measure fsmagic=0x1021994|dont_measure fsmagic=0x1cd1|dont_measure fsmagic=0x42494e4d|dont_measure fsmagic=0x73636673|dont_measure fsmagic=0xf97cff8c|dont_measure fsmagic=0x43415d53|dont_measure fsmagic=0x27e0eb|dont_measure fsmagic=0x63677270|dont_measure fsmagic=0x6e736673|dont_measure fsmagic=0xde5e81e4|measure func=MMAP_CHECK mask=MAY_EXEC|measure func=BPRM_CHECK mask=MAY_EXEC|measure func=FILE_CHECK mask=^MAY_READ euid=0|measure func=FILE_CHECK mask=^MAY_READ uid=0|measure func=MODULE_CHECK|measure func=FIRMWARE_CHECK|measure func=POLICY_CHECK"
APPRAISE_TCB="dont_appraise fsmagic=0x9fa0|dont_appraise fsmagic=0x62656572|dont_appraise fsmagic=0x64626720|dont_appraise fsmagic=0x1021994|dont_appraise fsmagic=0x858458f6|dont_appraise fsmagic=0x1cd1|dont_appraise fsmagic=0x42494e4d|dont_appraise fsmagic=0x73636673|dont_appraise fsmagic=0xf97cff8c|dont_appraise fsmagic=0x43415d53|dont_appraise fsmagic=0x6e736673|dont_appraise fsmagic=0xde5e81e4|dont_appraise fsmagic=0x27e0eb|dont_appraise fsmagic=0x63677270|appraise func=POLICY_CHECK appraise_type=imasig|appraise fowner=0"
SB="appraise func=MODULE_CHECK appraise_type=imasig|appraise func=FIRMWARE_CHECK appraise_type=imasig|appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig|appraise func=POLICY_CHECK appraise_type=imasig"

### 1. boot policy tcb
# appraisal off: this section loads "appraise func=FILE_CHECK ..." rules
sima_load ima_policy=tcb ima_appraise=off
check "policy mode 0600" [ "$(stat -c %a $P)" = 600 ]
wantlist "$TCB"; check "tcb read back" same
check "log names the boot policy" has_log "boot policy from the ima_policy parameter: 20 rules"
check "O_RDWR -> EACCES" simatest --expect-errno EACCES open-rdwr $P
check "non-root read -> EACCES" sh -c "! su -s /bin/sh nobody -c 'cat $P' 2>&1 | tee /dev/stderr | grep -q 'ermission denied' || true; su -s /bin/sh nobody -c 'cat $P' 2>&1 | grep -q 'Permission denied'"
if chmod 644 $P; then
	check "read without CAP_SYS_ADMIN -> EPERM" sh -c "su -s /bin/sh nobody -c 'cat $P' 2>&1 | grep -q 'Operation not permitted'"
	chmod 600 $P
fi
# second writer
exec 3>$P
check "second writer -> EBUSY" simatest --expect-errno EBUSY open-write $P
exec 3>&-
check "empty transaction failed" has_log "policy update failed"
wantlist "$TCB"; check "tcb unchanged after empty transaction" same
# pwrite
mark=$(dmesg_mark)
check "write at offset 1 -> EINVAL" sh -c "echo measure | dd of=$P bs=1 seek=1 conv=notrunc 2>&1 | grep -q 'Invalid argument'"
# bad rule
mark=$(dmesg_mark)
check "bad rule -> EINVAL" werr "measure bogus=1" "Invalid argument"
check "dmesg names the bad line" has_log "policy: line 1: "
check "bad transaction logged failed" has_log "policy update failed"
wantlist "$TCB"; check "tcb unchanged after bad rule" same
# bad line then good line in one transaction
mark=$(dmesg_mark)
printf 'measure func=BPRM_CHECK\nmeasure func=NOPE\nmeasure func=MMAP_CHECK\n' >$P 2>/dev/null
check "second line named" has_log "policy: line 2: "
wantlist "$TCB"; check "spoiled transaction dropped" same
# first good load replaces the boot policy
mark=$(dmesg_mark)
check "first load" w "measure func=BPRM_CHECK"
check "update completed" has_log "policy update completed"
want "measure func=BPRM_CHECK"; check "boot policy replaced" same
# append, with comments, blanks, aliases, leading blanks, several lines per write
printf 'audit func=BPRM_CHECK\n# comment\n\n  \tdont_measure fsmagic=0x1021994\nmeasure func=FILE_MMAP mask=MAY_EXEC\n' >$P
check "multi-line write rc" [ $? = 0 ]
want "measure func=BPRM_CHECK" "audit func=BPRM_CHECK" "dont_measure fsmagic=0x1021994" "measure func=MMAP_CHECK mask=MAY_EXEC"
check "appended in order" same
printf 'measure func=MODULE_CHECK\n' >$P
# load by path
printf 'measure func=FIRMWARE_CHECK pcr=11\n\n# c\nmeasure func=POLICY_CHECK template=ima-sig\n' >$E2E_TMP/polx.pol
mark=$(dmesg_mark)
check "load by path" w $E2E_TMP/polx.pol
want "measure func=BPRM_CHECK" "audit func=BPRM_CHECK" "dont_measure fsmagic=0x1021994" "measure func=MMAP_CHECK mask=MAY_EXEC" "measure func=MODULE_CHECK" "measure func=FIRMWARE_CHECK pcr=11" "measure func=POLICY_CHECK template=ima-sig"
check "file rules appended" same
printf 'measure func=FIRMWARE_CHECK\nmeasure func=BOGUS' >$E2E_TMP/polx.nonl
printf 'measure func=FIRMWARE_CHECK\nmeasure fsmagic=zz\n' >$E2E_TMP/polx.bad
: >$E2E_TMP/polx.empty
mark=$(dmesg_mark)
check "file without final newline -> EINVAL" werr $E2E_TMP/polx.nonl "Invalid argument"
check "file bad line 2 -> EINVAL" werr $E2E_TMP/polx.bad "Invalid argument"
check "dmesg names file line 2" has_log "policy: line 2: "
check "empty file -> EINVAL" werr $E2E_TMP/polx.empty "Invalid argument"
check "missing file -> ENOENT" werr $E2E_TMP/polx.missing "No such file"
check "nothing appended by bad files" same
# options that need the env
check "appraise_algos=sha256" w "appraise func=FILE_CHECK appraise_algos=sha256"
check "appraise_algos=tgr128 refused" werr "appraise func=FILE_CHECK appraise_algos=tgr128" "Invalid argument"
check "uid -1 refused" werr "measure uid=4294967295" "Invalid argument"
check "KEY_CHECK" w "measure func=KEY_CHECK keyrings=.ima|_ima"
check "template by format" w "measure func=FILE_CHECK template=d-ng|n-ng|sig"
check "unknown template refused" werr "measure template=ima-sigv3" "Invalid argument"
check "LSM label (custom policy: accepted, inactive)" w "measure obj_type=foo_t"
cat $P | tail -3 >$E2E_TMP/tail
printf '%s \n' "appraise func=FILE_CHECK appraise_algos=sha256" "measure func=KEY_CHECK keyrings=.ima|_ima" "measure func=FILE_CHECK template=ima-sig" >$E2E_TMP/want
check "tail read back (LSM rule hidden)" cmp $E2E_TMP/want $E2E_TMP/tail
cat $E2E_TMP/tail
# a reader keeps its snapshot across a load
exec 4<$P
read -r first <&4
w "measure func=CREDS_CHECK"
check "reader open during a load" sh -c "cat <&4 >/dev/null"
exec 4<&-
check "new rule visible to a new reader" sh -c "tail -1 $P | grep -q CREDS_CHECK"
check "append mode: still 0600" [ "$(stat -c %a "$P")" = 600 ]
sima_unload

### 4. appraise_tcb: signed policy required
sima_load ima_policy=appraise_tcb
wantlist "$APPRAISE_TCB"; check "appraise_tcb read back" same
check "direct rule -> EACCES" werr "measure func=BPRM_CHECK" "Permission denied"
printf 'measure func=BPRM_CHECK\n' >$E2E_TMP/polx.ok
check "path load still works" w $E2E_TMP/polx.ok
want "measure func=BPRM_CHECK"; check "appraise_tcb replaced" same
check "still EACCES after replacing (sticky)" werr "measure func=MMAP_CHECK" "Permission denied"
sima_unload

### 5. every builtin, and unknown tokens
mark=$(dmesg_mark)
sima_load 'ima_policy="critical_data|fail_securely|secure_boot appraise_tcb|tcb|bogus"'
wantlist "$TCB|$SB|$APPRAISE_TCB|measure func=CRITICAL_DATA"; check "all builtins in kernel order" same
check "unknown token logged" has_log 'policy "bogus" not found'
check "fail_securely logged" has_log "fail_securely"
sima_unload
sima_load policy_writable=0 ima_policy=appraise_tcb
check "appraise_tcb without POLICY_CHECK rule when write-once" sh -c "! grep -q POLICY_CHECK $P"
sima_unload

### 6. leaks
if [ -f /sys/kernel/debug/kmemleak ]; then
	echo clear >/sys/kernel/debug/kmemleak
	for i in 1 2 3; do
		sima_load ima_policy=tcb
		printf 'measure func=BPRM_CHECK\n' >$P
		printf 'audit func=BPRM_CHECK\n' >$P
		echo $E2E_TMP/polx.pol >$P
		echo bad >$P 2>/dev/null
		cat $P >/dev/null
		sima_unload
	done
	sleep 6; echo scan >/sys/kernel/debug/kmemleak; sleep 5; echo scan >/sys/kernel/debug/kmemleak
	n=$(grep -c '^unreferenced object' /sys/kernel/debug/kmemleak)
	cp /sys/kernel/debug/kmemleak $SIMA_EXPORT/kmemleak.txt
	check "kmemleak: nothing unreferenced ($n)" [ "$n" -eq 0 ]
fi
pass
