#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 86-stress: sima under parallel load, in three phases of $secs seconds
# (sima_stress=SECS on the kernel command line; 20 by default, "make
# stress" runs longer).
#
# Workers: exec of a signed and an unsigned program, mmap PROT_EXEC of
# both, writers creating and rewriting files that sha256sum then reads
# (measured), renames, setxattr and chmod, list and policy readers, policy
# appends, a key added to and unlinked from sima's keyring (each unlink
# makes every cached verdict stale), module loads.  Policy: programs owned
# by uid 4242 must carry a valid signature (BPRM_CHECK, MMAP_CHECK), reads
# of files owned by uid 4243 are measured; sima measures into PCR 13.
#
# A: sima loaded throughout.  The unsigned program never runs or maps; the
#    signed one always does; every content version sha256sum read is in
#    the list with its digest; the count file, the ASCII and the binary
#    list agree; the list replays against PCR 13 (evmctl).  The unsigned
#    program counts only while one enforcing sima was loaded throughout.
# B: the same load while sima is unloaded and loaded again 5 times (the
#    securityfs readers and writers pause around each unload).
# C (test kernel): failslab and fail_page_alloc fail 10 % of the
#    allocations of the exec and mmap workers: the unsigned program
#    still never runs or maps.
# Any oops, KASAN, lockdep or UBSAN report fails the test through run.sh.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

secs=20
for arg in $(cat /proc/cmdline); do
	case $arg in sima_stress=*) secs=${arg#sima_stress=} ;; esac
done
P=$SIMA_FS/policy
K=$E2E_TMP
S=$E2E_TMP/state
mkdir -p "$S"
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst

mk_cert "$K" k
mk_cert "$K" o

scratch_dir W
for p in signed unsigned; do
	cp /sima/bin/simatest "$W/$p"
	echo "# $p" >>"$W/$p"
	chmod 755 "$W/$p"
	chown 4242 "$W/$p"
done
evmctl ima_sign --key "$K/k.pem" -a sha256 "$W/signed" >/dev/null 2>&1 ||
	fail "evmctl ima_sign"

policy="appraise func=BPRM_CHECK fowner=4242 appraise_type=imasig
appraise func=MMAP_CHECK fowner=4242 appraise_type=imasig
measure func=FILE_CHECK mask=MAY_READ fowner=4243"

gen=0
load() {
	sima_load_ca pcr=13
	ring=$(sima_keyring)
	keyctl padd asymmetric "" "$ring" <"$K/k.der" >/dev/null ||
		fail "keyctl padd"
	echo "$policy" >"$P" || fail "policy load"
	gen=$((gen + 1))
	echo $gen >"$S/enforcing"
}

# ---- workers: each loops until $S/stop exists --------------------------

# $S/enforcing holds a number that changes with every load of sima and
# its policy, and is absent while sima is being unloaded or loaded: what
# the unsigned program did counts only if the same enforcing sima was
# there before and after.
breach_if() {	# WHAT CMD...
	_w=$1
	shift
	_g1=$(cat "$S/enforcing" 2>/dev/null)
	"$@" >/dev/null 2>&1 || return 0
	_g2=$(cat "$S/enforcing" 2>/dev/null)
	[ -z "$_g1" ] || [ "$_g1" != "$_g2" ] || echo "$_w" >>"$S/breach"
}

w_exec() {	# count runs of the signed program
	n=0
	while [ ! -e "$S/stop" ]; do
		if "$W/signed" true 2>/dev/null; then
			n=$((n + 1))
		else
			echo "signed program refused" >>"$S/exec-refused"
		fi
		breach_if "unsigned program ran" "$W/unsigned" true
	done
	echo $n >"$S/exec-runs"
}

w_mmap() {
	while [ ! -e "$S/stop" ]; do
		simatest mmap-exec "$W/signed" 2>/dev/null ||
			echo "signed mapping refused" >>"$S/mmap-refused"
		breach_if "unsigned program mapped" \
			simatest mmap-exec "$W/unsigned"
	done
}

# writers: new files and new versions of them, each read by sha256sum
w_write() {	# ID
	i=0
	while [ ! -e "$S/stop" ]; do
		f=$W/data-$1-$((i % 16))
		echo "stress $1 $i $(date +%s%N)" >>"$f"
		chown 4243 "$f"
		sha256sum "$f" >>"$S/read-$1" || echo "read $f" >>"$S/errors"
		i=$((i + 1))
	done
}

w_rename() {
	mk_file "$W/ren-a"
	while [ ! -e "$S/stop" ]; do
		mv "$W/ren-a" "$W/ren-b" && mv "$W/ren-b" "$W/ren-a" ||
			echo "rename" >>"$S/errors"
	done
}

w_attr() {
	mk_file "$W/attr"
	chown 4243 "$W/attr"
	while [ ! -e "$S/stop" ]; do
		setfattr -n user.stress -v "$(date +%s%N)" "$W/attr" &&
			chmod 600 "$W/attr" && chmod 644 "$W/attr" &&
			cat "$W/attr" >/dev/null ||
			echo "attr" >>"$S/errors"
	done
}

# Readers and policy writers pause while $S/quiet exists (see unload).
w_readers() {
	while [ ! -e "$S/stop" ]; do
		[ ! -e "$S/quiet" ] || { sleep 0.1; continue; }
		cat "$SIMA_FS/ascii_runtime_measurements" \
			"$SIMA_FS/binary_runtime_measurements" \
			"$SIMA_FS/runtime_measurements_count" "$P" \
			"$SIMA_COUNTS" >/dev/null 2>&1
	done
}

w_policy() {	# appended rules that match nothing in the test
	i=0
	while [ ! -e "$S/stop" ] && [ $i -lt 200 ]; do
		[ ! -e "$S/quiet" ] || { sleep 0.1; continue; }
		echo "measure func=FILE_CHECK fowner=$((50000 + i))" \
			>"$P" 2>/dev/null
		i=$((i + 1))
		sleep 0.2
	done
}

w_keys() {	# every unlink withdraws trust: all verdicts go stale
	while [ ! -e "$S/stop" ]; do
		ring=$(keyctl id %:.ima 2>/dev/null) || { sleep 0.2; continue; }
		k=$(keyctl padd asymmetric "" "$ring" <"$K/o.der" 2>/dev/null) &&
			keyctl unlink "$k" "$ring" >/dev/null 2>&1
		sleep 0.1
	done
}

w_modules() {
	while [ ! -e "$S/stop" ]; do
		insmod "$SIMA_TESTMOD" 2>/dev/null && rmmod sima_testmod
		sleep 0.1
	done
}

# Readers and policy writers pin the module while they hold a file open,
# and an open that races with the start of rmmod makes the kernel warn
# (README, "Known limits"): they pause around the unload.
unload() {
	rm -f "$S/enforcing"
	touch "$S/quiet"
	sleep 0.5
	_i=0
	until rmmod sima 2>/dev/null; do
		_i=$((_i + 1))
		[ $_i -lt 100 ] || fail "rmmod sima kept failing under load"
		sleep 0.1
	done
	_sima_loaded=0
}

run_phase() {	# NAME SECONDS [reload]
	rm -f "$S/stop" "$S/quiet" "$S"/read-* "$S/exec-refused" "$S/mmap-refused"
	w_exec & w_mmap & w_write 1 & w_write 2 & w_rename & w_attr &
	w_readers & w_policy & w_keys & w_modules &
	end=$(($(date +%s) + $2))
	reloads=0
	while [ "$(date +%s)" -lt "$end" ]; do
		if [ "${3:-}" = reload ] && [ $reloads -lt 5 ]; then
			sleep 2
			unload
			load
			rm -f "$S/quiet"
			reloads=$((reloads + 1))
		else
			sleep 1
		fi
	done
	touch "$S/stop"
	wait
	log "$1: $(cat "$S/exec-runs") signed runs," \
		"$(cat "$S"/read-* 2>/dev/null | wc -l) measured reads," \
		"$(cat "$SIMA_FS/runtime_measurements_count") entries," \
		"$reloads reloads"
	[ ! -s "$S/breach" ] || fail "$1: $(sort "$S/breach" | uniq -c)"
	[ ! -s "$S/errors" ] || bad "$1: $(sort "$S/errors" | uniq -c)"
}

# ---- A: steady load -----------------------------------------------------
zero=0000000000000000000000000000000000000000000000000000000000000000
tpm=/sys/class/tpm/tpm0/pcr-sha256
pcr_was_zero=0
[ ! -e $tpm/13 ] || [ "$(cat $tpm/13)" != $zero ] || pcr_was_zero=1

load
run_phase A "$secs"
[ ! -s "$S/exec-refused" ] || bad "A: $(sort "$S/exec-refused" | uniq -c)"
[ ! -s "$S/mmap-refused" ] || bad "A: $(sort "$S/mmap-refused" | uniq -c)"

# every version read is listed, with its digest
L=$E2E_TMP/list
cat "$SIMA_FS/ascii_runtime_measurements" >"$L"
cat "$S"/read-* | sort -u >"$E2E_TMP/reads"
awk '$1 == 13 { sub(/^sha256:/, "", $4); print $4, $5 }' "$L" |
	sort -u >"$E2E_TMP/listed"
missing=$(awk '{ print $1, $2 }' "$E2E_TMP/reads" |
	grep -vxF -f "$E2E_TMP/listed" | head -n 5)
[ -z "$missing" ] || bad "A: reads missing from the list: $missing"
log "A: $(wc -l <"$E2E_TMP/reads") distinct versions read, all listed"

count=$(cat "$SIMA_FS/runtime_measurements_count")
assert_eq "$(wc -l <"$L")" "$count" "A: ASCII lines vs the count"
# binary records: PCR, SHA-1, name length and name, data length and data
nbin=$(od -v -An -tu1 "$SIMA_FS/binary_runtime_measurements" | awk '
	function u32(i) {
		return b[i] + b[i + 1] * 256 + b[i + 2] * 65536 +
			b[i + 3] * 16777216
	}
	{ for (i = 1; i <= NF; i++) b[n++] = $i }
	END {
		while (p < n) {
			p += 24; p += 4 + u32(p); p += 4 + u32(p); c++
		}
		if (p != n)
			exit 1
		print c
	}') || fail "A: the binary list does not parse"
assert_eq "$nbin" "$count" "A: binary records vs the count"

if [ $pcr_was_zero = 1 ]; then
	i=0
	while [ $i -le 23 ]; do
		printf 'PCR-%02d: %s\n' $i "$(cat $tpm/$i)"
		i=$((i + 1))
	done >"$E2E_TMP/pcrs"
	evmctl ima_measurement --ignore-violations \
		--pcrs "sha256,$E2E_TMP/pcrs" \
		"$SIMA_FS/binary_runtime_measurements" >"$E2E_TMP/replay" 2>&1 ||
		bad "A: the list does not replay: $(tail -n 3 "$E2E_TMP/replay")"
	grep -q 'Matched per TPM bank' "$E2E_TMP/replay" ||
		bad "A: replay: $(tail -n 3 "$E2E_TMP/replay")"
else
	log "A: PCR 13 not zero at the start (or no TPM): replay skipped"
fi

# ---- B: reload under load -----------------------------------------------
run_phase B "$secs" reload

# ---- C: allocation failures in the exec and mmap workers -------------------
if [ "$SIMA_KERNEL" = test ]; then
	faults_on 10
	rm -f "$S/stop" "$S/breach"
	(echo 1 >/proc/self/make-it-fail; w_exec) &
	(echo 1 >/proc/self/make-it-fail; w_mmap) &
	sleep "$secs"
	touch "$S/stop"
	wait
	faults_off
	[ ! -s "$S/breach" ] || fail "C: $(sort "$S/breach" | uniq -c)"
	log "C: $(cat "$S/exec-runs") signed runs under failslab;" \
		"$(wc -l <"$S/exec-refused" 2>/dev/null || echo 0) refused"
fi

sima_unload
pass
