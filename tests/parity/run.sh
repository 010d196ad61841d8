#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# run.sh - the parity probes, in the guest (busybox sh).
#
# Usage: run.sh GROUP...	GROUP: enforce, fix or log (the appraisal mode)
#
# Each probe does one thing (an exec, an open, a policy write, a key add,
# a module load...) and records its normalised outcome as one line of
# $SIMA_EXPORT/parity-ENGINE-GROUP.txt, tab-separated:
#	NAME  rc=OUTCOME  list=ENTRIES  viol=N  audit=RECORDS  [xattr=HEX]
# OUTCOME is what parityop printed ("ok", "open:EACCES"...); ENTRIES the
# measurement list entries the probe added, as the ASCII list shows them;
# N the violations it added; RECORDS its integrity
# audit records (type, op, cause, res, hash; a policy rule record whole),
# sorted. On the host, tests/parity/compare.py diffs the native and the
# sima file of each group.
#
# ENGINE is native when the kernel command line has sima_engine=native
# (Debian's kernel: native IMA takes one policy per boot, so a native boot
# runs one GROUP, with ima_appraise=GROUP and integrity_audit=1 on the
# command line); otherwise sima, loaded afresh for each GROUP with the
# matching parameters. Both engines get tests/parity/policy, the keys of
# tests/parity/keys (fixed, so that signatures and key entries are the
# same bytes in both runs) and files of the same names and contents.
# Probe steps are functions probe() runs by name.
# shellcheck disable=SC2317
# shellcheck source-path=SCRIPTDIR source=../e2e/lib.sh
. "$(dirname "$0")/../e2e/lib.sh"

PD=$(cd "$(dirname "$0")" && pwd)
KEYS=$PD/keys
OP=/sima/bin/parityop
# every audit record must reach the kernel log
echo 0 >/proc/sys/kernel/printk_ratelimit
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst

# ---- recording -------------------------------------------------------------

# probe NAME CMD...: run CMD (parityop, or a function printing outcomes),
# then record what it returned, added to the list and counted, after the
# time it started; audit_merge later adds its audit records.
# $xattr_of, when set, names a file whose security.ima is recorded too.
probe() {
	_p=$1
	shift
	_n0=$(wc -l <"$LIST")
	_v0=$(cat "$IMA_FS/violations")
	_t=$($OP now)
	_rc=$("$@" 2>>"$OUT.err" | tr '\n' ',')
	_l=$(tail -n +$((_n0 + 1)) "$LIST" | tr '\n' ';')
	_v=$(($(cat "$IMA_FS/violations") - _v0))
	_x=
	if [ -n "$xattr_of" ]; then
		_x=$(printf '\txattr=%s' "$(getfattr -n security.ima -e hex \
			--absolute-names "$xattr_of" 2>/dev/null |
			sed -n 's/^security.ima=//p')")
	fi
	printf '%s\t%s\trc=%s\tlist=%s\tviol=%s%s\n' "$_t" "$_p" "${_rc%,}" \
		"${_l%;}" "$_v" "$_x" >>"$OUT.raw"
	echo "$_p: ${_rc%,}"
	xattr_of=
}

# audit_merge: $OUT from $OUT.raw, each probe's integrity audit records
# (type, op, cause, res, hash; the whole rule of a policy rule record,
# type 1807; sorted) added. Without an audit daemon
# kauditd prints them from its own thread, later; each carries the time
# it was made, on the coarse clock "parityop now" reads when a probe
# starts, which names its probe.
audit_merge() {
	sleep 1
	dmesg | sed -n 's/.*audit: type=\(18[0-9][0-9]\) audit(\([0-9.]*\):[0-9]*): /\2 \1 /p' \
		>"$T/audit"
	awk -F'\t' -v OFS='\t' '
	FNR == NR {
		n = split($0, a, " ")
		o = "type=" a[2]
		for (i = 3; i <= n; i++)
			if (a[2] == 1807 || a[i] ~ /^(op|cause|res|hash)=/)
				o = o " " a[i]
		nr++; rts[nr] = a[1]; rec[nr] = o
		next
	}
	{ np++; start[np] = $1; line[np] = $0 }
	END {
		for (r = 1; r <= nr; r++) {
			p = 0
			for (k = 1; k <= np; k++)
				if (rts[r] + 0 >= start[k] + 0)
					p = k
			if (p)
				recs[p, ++cnt[p]] = rec[r]
		}
		for (k = 1; k <= np; k++) {
			for (i = 2; i <= cnt[k]; i++)
				for (j = i; j > 1 && recs[k, j - 1] > recs[k, j]; j--) {
					t = recs[k, j]; recs[k, j] = recs[k, j - 1]
					recs[k, j - 1] = t
				}
			au = ""
			for (i = 1; i <= cnt[k]; i++)
				au = au (i > 1 ? ";" : "") recs[k, i]
			n = split(line[k], f, "\t")
			out = f[2] OFS f[3] OFS f[4] OFS f[5] OFS "audit=" au
			if (n > 5)
				out = out OFS f[6]
			print out
		}
	}' "$T/audit" "$OUT.raw" >"$OUT"
}

# ---- files -----------------------------------------------------------------

mkf() {		# PATH OWNER: a file whose content names it
	printf 'parity file %s\n' "$1" >"$1" || fail "create $1"
	chown "$2" "$1"
}

mkprog() {	# PATH OWNER: a copy of parityop that runs "true"
	cp "$OP" "$1" || fail "cp $1"
	printf '# %s\n' "$1" >>"$1"
	chmod 755 "$1"
	chown "$2" "$1"
}

sign() {	# FILE [KEY]: an evmctl signature (v2, sha256)
	evmctl ima_sign --key "$KEYS/${2:-trusted}.pem" -a sha256 "$1" \
		>/dev/null 2>&1 || fail "evmctl ima_sign $1"
}

hashlabel() {	# FILE [ALGO]: a digest-ng label of the content
	evmctl ima_hash -a "${2:-sha256}" "$1" >/dev/null 2>&1 ||
		fail "evmctl ima_hash $1"
}

# a digest-ng sha256 label that matches no content
BADHASH=0x0404$(printf '%064d' 0)

# ---- steps of compound probes (each prints its outcomes) --------------------

hold_read_then_write() {	# FILE: ToMToU
	exec 3<"$1"
	$OP open "$1" wronly
	exec 3<&-
}

hold_write_then_read() {	# FILE: open_writers
	exec 3>>"$1"
	$OP read "$1"
	exec 3>&-
}

write_then_read() {		# FILE
	$OP open "$1" wronly w
	$OP read "$1"
}

chmod_then_read() {		# FILE
	chmod 640 "$1" && echo chmod:ok
	$OP read "$1"
}

chown_then_read() {		# FILE OWNER
	chown "$2" "$1" && echo chown:ok
	$OP read "$1"
}

rename_then_read() {		# FILE NEW
	mv "$1" "$2" && echo rename:ok
	$OP read "$2"
}

xattr_then_read() {		# FILE NAME HEX
	$OP setxattr "$1" "$2" "$3"
	$OP read "$1"
}

rmxattr_then_read() {		# FILE NAME
	$OP removexattr "$1" "$2"
	$OP read "$1"
}

keyadd() {			# KEYRING DER: the key's id in $T/key-NAME
	if keyctl padd asymmetric "" "$1" <"$2" >"$T/key-$(basename "$2" .der)" \
	    2>/dev/null; then
		echo keyadd:ok
	else
		echo keyadd:failed
	fi
}

firmware() {			# NAME
	if echo "$1" >/sys/module/sima_testmod/parameters/load_fw 2>/dev/null
	then
		echo firmware:ok
	else
		echo firmware:failed
	fi
}

critical() {			# LABEL NAME DATA
	if echo "$1 $2 $3" >/sys/module/sima_testmod/parameters/critical_data
	then
		echo critical:ok
	else
		echo critical:failed
	fi
}

modload_unload() {		# MODULE.ko
	_r=$($OP finit "$1")
	echo "$_r"
	[ "$_r" != ok ] || rmmod sima_testmod || echo rmmod:failed
}

replay() {			# BANK: the list replays against the TPM bank
	_f=$T/pcrs-$1
	for _i in $(seq 0 23); do
		printf 'PCR-%02d: %s\n' "$_i" \
			"$(cat "/sys/class/tpm/tpm0/pcr-$1/$_i")"
	done >"$_f"
	if evmctl ima_measurement --ignore-violations --pcrs "$1,$_f" \
	    "$IMA_FS/binary_runtime_measurements" >"$T/replay-$1" 2>&1; then
		echo replay:ok
	else
		echo replay:failed
	fi
}

# ---- the groups --------------------------------------------------------------

# Everything is signed and labelled before the policy load: afterwards
# evmctl's own reads would be measured and appraised.
setup_appraise() {
	A=$D/a
	mkdir -p "$A"
	for f in good bad unlabelled signed otherkey write wronly trunc \
	    trunc-hashed chmod renamed; do
		mkf "$A/$f" 4210
	done
	hashlabel "$A/good"; hashlabel "$A/bad"; hashlabel "$A/trunc-hashed"
	setfattr -n security.ima -v "$BADHASH" "$A/bad"
	sign "$A/signed"; sign "$A/otherkey" other
	hashlabel "$A/write"; hashlabel "$A/chmod"
	mkdir -m 1777 "$A/new"
	for f in xsigned xunsigned xhashed xtampered xother xtwice xkeyadd \
	    xunlink msigned munsigned mwsigned psigned punsigned; do
		mkprog "$A/$f" 4211
	done
	for f in xsigned xtampered xother xtwice xkeyadd xunlink msigned \
	    mwsigned psigned; do
		case $f in
		xother|xkeyadd) sign "$A/$f" other ;;
		*) sign "$A/$f" ;;
		esac
	done
	hashlabel "$A/xhashed"
	printf 'tampered\n' >>"$A/xtampered"
	mkf "$A/wsigned" 4212; sign "$A/wsigned"
	mkf "$A/rsigned" 4212; sign "$A/rsigned"
}

appraise_probes() {
	xattr_of=$A/good probe read-hashed-good $OP read "$A/good"
	xattr_of=$A/bad probe read-hashed-bad $OP read "$A/bad"
	xattr_of=$A/unlabelled probe read-unlabelled $OP read "$A/unlabelled"
	probe read-signed $OP read "$A/signed"
	probe read-signed-unknown-key $OP read "$A/otherkey"
	xattr_of=$A/write probe write-hashed $OP open "$A/write" wronly w
	xattr_of=$A/write probe read-after-write $OP read "$A/write"
	xattr_of=$A/wronly probe open-wronly-unlabelled \
		$OP open "$A/wronly" wronly w
	xattr_of=$A/trunc probe open-trunc-unlabelled \
		$OP open "$A/trunc" wronly,trunc w
	xattr_of=$A/trunc-hashed probe open-trunc-hashed \
		$OP open "$A/trunc-hashed" wronly,trunc w
	xattr_of=$A/new/f probe create-new-file \
		$OP -u 4210 open "$A/new/f" wronly,creat w
	xattr_of=$A/new/f probe read-new-file $OP read "$A/new/f"
	xattr_of=$A/new/t probe tmpfile-linked \
		$OP -u 4210 tmpfile "$A/new" "$A/new/t"
	xattr_of=$A/new/t probe read-tmpfile-linked $OP read "$A/new/t"
	probe chmod-hashed chmod_then_read "$A/chmod"
	probe rename-unlabelled rename_then_read "$A/renamed" "$A/renamed2"
	probe exec-signed $OP exec "$A/xsigned"
	probe exec-unsigned $OP exec "$A/xunsigned"
	probe exec-hash-under-imasig $OP exec "$A/xhashed"
	probe exec-tampered $OP exec "$A/xtampered"
	probe exec-unknown-key $OP exec "$A/xother"
	probe exec-unknown-key-again $OP exec "$A/xother"
	probe exec-before-key-add $OP exec "$A/xkeyadd"
	probe mmap-exec-signed $OP mmap "$A/msigned"
	probe mmap-exec-unsigned $OP mmap "$A/munsigned"
	probe mmap-exec-mapped-writable $OP mmap-writable "$A/mwsigned"
	probe mprotect-exec-signed $OP mprotect "$A/psigned"
	probe mprotect-exec-unsigned $OP mprotect "$A/punsigned"
	probe read-signed-imasig $OP read "$A/rsigned"
	probe open-write-signed $OP open "$A/wsigned" wronly w
}

setup_measure() {
	M=$D/m
	mkdir -p "$M"
	for f in read rdwr wronly append trunc direct write-then-read chmod \
	    rename xattr-ima xattr-user rmxattr sha512 tomtou writers; do
		mkf "$M/$f" 4201
	done
	mkf "$M/notcovered" 0
	mkf "$M/chown" 0
	mkf "$M/write" 4203
	mkf "$M/trunc-write" 4203
	mkf "$M/evmsig" 4208
	hashlabel "$M/evmsig"
	setfattr -n security.evm -v "0x0502$(printf '%0512d' 0)" "$M/evmsig" ||
		fail "setfattr security.evm"
	mkf "$M/audit" 4204
	mkf "$M/ng" 4205
	mkf "$M/uid" 4206
	mkf "$M/dont" 4207
	mkf "$M/bad-discarded" 4299
	hashlabel "$M/rmxattr"
	hashlabel "$M/sha512" sha512
	mkprog "$M/prog" 4202
	mkprog "$M/mapped" 4202
	mkprog "$M/protected" 4202
	dd if=/dev/zero bs=4096 count=2 2>/dev/null | tr '\0' d >>"$M/direct"
	mkdir -m 1777 "$M/tmp"
	XATTR_IMA=$(getfattr -n security.ima -e hex --absolute-names \
		"$M/rmxattr" | sed -n 's/^security.ima=//p')
}

measure_probes() {
	probe read-measured $OP read "$M/read"
	probe read-measured-again $OP read "$M/read"
	probe open-rdwr-measured $OP open "$M/rdwr" rdwr
	probe open-wronly-measured $OP open "$M/wronly" wronly w
	probe open-append-measured $OP open "$M/append" wronly,append w
	probe read-after-append $OP read "$M/append"
	probe open-trunc-measured $OP open "$M/trunc" rdwr,trunc
	probe open-direct-measured $OP open "$M/direct" rdonly,direct r
	probe tmpfile-measured $OP -u 4201 tmpfile "$M/tmp"
	probe tmpfile-linked-measured $OP -u 4201 tmpfile "$M/tmp" "$M/tmp/l"
	probe write-then-read write_then_read "$M/write-then-read"
	probe write-measured-mask-write $OP open "$M/write" wronly w
	probe open-trunc-mask-write $OP open "$M/trunc-write" wronly,trunc w
	probe exec-measured $OP exec "$M/prog"
	probe exec-measured-again $OP exec "$M/prog"
	probe mmap-exec-measured $OP mmap "$M/mapped"
	probe mprotect-exec-measured $OP mprotect "$M/protected"
	probe read-not-covered $OP read "$M/notcovered"
	probe chown-into-rule chown_then_read "$M/chown" 4201
	probe chmod-measured chmod_then_read "$M/chmod"
	probe rename-measured rename_then_read "$M/rename" "$M/renamed"
	probe setxattr-ima-measured xattr_then_read "$M/xattr-ima" \
		security.ima "$XATTR_IMA"
	probe setxattr-user-measured xattr_then_read "$M/xattr-user" \
		user.parity 0x01
	probe removexattr-ima-measured rmxattr_then_read "$M/rmxattr" \
		security.ima
	probe read-sha512-label $OP read "$M/sha512"
	probe template-ima-ng $OP read "$M/ng"
	probe template-evm-sig $OP read "$M/evmsig"
	probe audit-rule $OP read "$M/audit"
	probe audit-rule-again $OP read "$M/audit"
	probe uid-rule-other-uid $OP read "$M/uid"
	probe uid-rule-matching-uid $OP -u 4301 read "$M/uid"
	probe dont-measure-first $OP read "$M/dont"
	probe policy-bad-rules-discarded $OP read "$M/bad-discarded"
	probe violation-tomtou hold_read_then_write "$M/tomtou"
	probe violation-open-writers hold_write_then_read "$M/writers"
	probe violation-not-covered hold_read_then_write "$M/notcovered"
}

setup_loads() {
	L=$D/l
	mkdir -p "$L"
	cp "$SIMA_TESTMOD" "$L/signed.ko"; cp "$SIMA_TESTMOD" "$L/unsigned.ko"
	chown 4213 "$L/signed.ko" "$L/unsigned.ko"
	sign "$L/signed.ko"
	FW=/lib/firmware
	cp "$FW/sima-test.fw" "$FW/parity-signed.fw"
	cp "$FW/sima-test.fw" "$FW/parity-unsigned.fw"
	printf 'parity\n' >>"$FW/parity-signed.fw"
	printf 'unsigned\n' >>"$FW/parity-unsigned.fw"
	chown 4214 "$FW/parity-signed.fw" "$FW/parity-unsigned.fw"
	sign "$FW/parity-signed.fw"
	cp /sima/kexec/vmlinuz "$L/vmlinuz-signed"
	cp /sima/kexec/vmlinuz "$L/vmlinuz-unsigned"
	# the harness's initrd differs per boot; kexec does not parse this one
	printf 'parity initrd\n' >"$L/initrd"
	chown 4215 "$L/vmlinuz-signed" "$L/vmlinuz-unsigned" "$L/initrd"
	sign "$L/vmlinuz-signed"
}

load_probes() {
	probe module-signed modload_unload "$L/signed.ko"
	probe module-unsigned modload_unload "$L/unsigned.ko"
	probe module-init-module $OP init "$SIMA_TESTMOD"
	probe module-not-covered $OP finit "$SIMA_TESTMOD"
	probe firmware-signed firmware parity-signed.fw
	probe firmware-unsigned firmware parity-unsigned.fw
	probe firmware-not-covered firmware sima-test.fw
	probe critical-data critical parity pdata parity-critical-data
	probe critical-data-other-label critical other odata other-data
	rmmod sima_testmod
	probe kexec-signed $OP kexec "$L/vmlinuz-signed" "$L/initrd" \
		"console=ttyS0 parity"
	probe kexec-unsigned $OP kexec "$L/vmlinuz-unsigned" "$L/initrd" \
		"console=ttyS0 parity"
	probe kexec-load-syscall $OP kexec-load
}

xattr_probes() {
	X=$D/x
	mkdir -p "$X"
	for f in good badtype badalgo unpriv rm rmunpriv; do
		mkf "$X/$f" 4220
	done
	probe setxattr-ima-hash $OP setxattr "$X/good" security.ima "$XATTR_IMA"
	probe setxattr-ima-bad-type $OP setxattr "$X/badtype" security.ima 0xff01
	probe setxattr-ima-unknown-algo $OP setxattr "$X/badalgo" \
		security.ima "0x04ff$(printf '%064d' 0)"
	probe setxattr-ima-unprivileged $OP -u 4220 setxattr "$X/unpriv" \
		security.ima "$XATTR_IMA"
	$OP setxattr "$X/rm" security.ima "$XATTR_IMA" >/dev/null
	$OP setxattr "$X/rmunpriv" security.ima "$XATTR_IMA" >/dev/null
	probe removexattr-ima $OP removexattr "$X/rm" security.ima
	probe removexattr-ima-unprivileged $OP -u 4220 removexattr \
		"$X/rmunpriv" security.ima
}

# Policy writes that must fail, before the one that loads tests/parity/
# policy (native IMA refuses everything after that first good write).
policy_probes() {
	probe policy-read-before-load $OP read "$POL"
	probe policy-bad-action $OP policy "$POL" "measurx func=FILE_CHECK
"
	probe policy-bad-func $OP policy "$POL" "measure func=NO_SUCH_CHECK
"
	probe policy-bad-fowner $OP policy "$POL" "measure fowner=abc
"
	probe policy-bad-template $OP policy "$POL" \
		"measure func=FILE_CHECK template=no-such-template
"
	probe policy-bad-keyrings-on-file $OP policy "$POL" \
		"measure func=FILE_CHECK keyrings=x
"
	probe policy-bad-modsig-on-file $OP policy "$POL" \
		"appraise func=FILE_CHECK appraise_type=imasig|modsig
"
	probe policy-bad-second-rule $OP policy "$POL" \
		"measure func=FILE_CHECK fowner=4299
bogus rule
"
	probe policy-missing-path $OP policy "$POL" "/no/such/policy
"
	probe policy-unprivileged $OP -u 4300 policy "$POL" \
		"measure func=FILE_CHECK
"
}

run_group() {	# GROUP
	group=$1
	case $group in
	enforce|fix|log) ;;
	*) fail "unknown group $group" ;;
	esac
	if [ "$SIMA_ENGINE" = native ]; then
		mode=enforce
		for _arg in $(cat /proc/cmdline); do
			case $_arg in ima_appraise=*) mode=${_arg#*=} ;; esac
		done
		[ "$mode" = "$group" ] ||
			fail "native boot with ima_appraise=$mode runs $group"
		grep -q 'integrity_audit=1' /proc/cmdline ||
			fail "native boot without integrity_audit=1"
	fi
	OUT=$SIMA_EXPORT/parity-$SIMA_ENGINE-$group.txt
	: >"$OUT.raw"
	other=
	D=/scratch/parity/$group
	T=$E2E_TMP/$group
	mkdir -p "$D" "$T"

	engine_start ima_template=ima-sig integrity_audit=1 \
		ima_appraise="$group" policy_writable=0 keyring_restrict=all
	LIST=$IMA_FS/ascii_runtime_measurements
	POL=$IMA_FS/policy

	setup_appraise
	if [ "$group" = enforce ]; then
		setup_measure
		setup_loads
	fi
	ring=$(engine_ring) || fail "no _ima keyring"
	if [ "$group" = enforce ]; then
		probe key-add-before-policy keyadd "$ring" "$KEYS/trusted.der"
		policy_probes
	else
		[ "$(keyadd "$ring" "$KEYS/trusted.der")" = keyadd:ok ] ||
			fail "key add"
	fi
	probe policy-load $OP policy "$POL" "$(cat "$PD/policy")"
	probe policy-write-after-load $OP policy "$POL" \
		"measure func=FILE_CHECK
"
	probe policy-read-after-load $OP read "$POL"
	appraise_probes
	if [ "$group" = enforce ]; then
		measure_probes
		xattr_probes
		load_probes
		probe key-add-named-keyring keyadd "$ring" "$KEYS/other.der"
		probe exec-after-key-add $OP exec "$A/xkeyadd"
		other=$(keyctl newring parity_other @u)
		probe key-add-unnamed-keyring keyadd "$other" \
			"$KEYS/other.der"
		probe key-add-user-key keyctl_user "$ring"
		for bank in /sys/class/tpm/tpm0/pcr-*; do
			bank=${bank##*/pcr-}
			probe "replay-$bank" replay "$bank"
		done
		# last: sima forgets its verdicts, evmctl's reads above would
		# see that
		probe exec-signed-key-unlinked unlink_then_exec
	fi
	audit_merge
	rm -f "$OUT.raw"
	cp "$LIST" "$SIMA_EXPORT/list-$SIMA_ENGINE-$group.txt"
	dmesg >"$SIMA_EXPORT/dmesg-$SIMA_ENGINE-$group.txt"
	keyctl clear "$ring" >/dev/null 2>&1
	keyctl unlink "$ring" @u >/dev/null 2>&1
	[ -z "$other" ] || keyctl unlink "$other" @u >/dev/null 2>&1
	engine_stop
	log "$group: $(wc -l <"$OUT") probes"
}

# A signed program runs; then its key leaves the keyring; then again.
unlink_then_exec() {
	$OP exec "$A/xunlink"
	if keyctl unlink "$(cat "$T/key-trusted")" "$ring" >/dev/null 2>&1
	then
		echo unlink:ok
	else
		echo unlink:failed
	fi
	$OP exec "$A/xunlink"
}

keyctl_user() {			# KEYRING
	if keyctl add user parity-user data "$1" >/dev/null 2>&1; then
		echo keyadd:ok
	else
		echo keyadd:failed
	fi
}

[ $# -gt 0 ] || fail "usage: run.sh GROUP..."
for g in "$@"; do
	run_group "$g"
done
pass
