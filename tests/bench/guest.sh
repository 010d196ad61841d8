#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# bench/guest.sh - the guest half of "make bench" (busybox ash, POSIX sh).
#
#   sh guest.sh [EXEC_ITERATIONS [OPEN_ITERATIONS [RUNS]]]
#
# Times a few single-threaded operations with simabench under each
# integrity engine, all in this one boot, in this order:
#
#   none        native IMA built in but without a policy, no sima
#   sima-empty  sima loaded, empty policy (the cost of the hooks alone)
#   sima        sima loaded with ima_policy=tcb
#   none-again  sima unloaded again: shows the drift within the boot
#   native      native IMA with the rules sima printed for tcb, written
#               to its policy file (write-once on Debian's kernel: last)
#
# and writes a table of medians and ratios to $SIMA_EXPORT/results.txt
# (raw figures in raw.txt).  Timing never fails the script; it fails only
# when something did not run: a load, an unload, the policy write, a
# benchmark, or a measurement the benchmark relies on that is missing
# (or present where nothing should be measured).

set -u
EXEC_N=${1:-1000}
OPEN_N=${2:-20000}
RUNS=${3:-5}

BIN=/sima/bin
KO=/sima/sima.ko
SECFS=/sys/kernel/security
SIMA_LIST=$SECFS/sima/ascii_runtime_measurements
IMA_POLICY=$SECFS/ima/policy
IMA_LIST=$SECFS/ima/ascii_runtime_measurements
OUT=${SIMA_EXPORT:-/export}
RAW=$OUT/raw.txt
RES=$OUT/results.txt
NOBODY=65534

# Work files.  Made before any engine runs, so neither engine saw them
# created; each is used by one benchmark only.
#   prog       ext4, 0755: root execs it; tcb measures it (BPRM_CHECK,
#              MMAP_CHECK), the warm-up does that before timing starts
#   root-read  ext4: root reads it; tcb measures it (FILE_CHECK uid=0)
#   user-read  ext4: uid 65534 reads it; no tcb rule measures that
#   tmpfs-read tmpfs: root reads it; tcb says dont_measure fsmagic=tmpfs
W=/scratch/bench
T=/tmp/bench

fail() {
	echo "bench: FAIL: $*" >&2
	exit 1
}

say() {
	echo "bench: $*"
}

# name  simabench arguments
BENCHES="warm-exec:-w 50 -n $EXEC_N exec $W/prog
open-tmpfs:-w 1000 -n $OPEN_N open $T/tmpfs-read
open-user:-u $NOBODY -w 1000 -n $OPEN_N open $W/user-read
open-measured:-w 1000 -n $OPEN_N open $W/root-read"

run_phase() {	# PHASE
	say "phase $1"
	echo "$BENCHES" | while IFS=: read -r name args; do
		# shellcheck disable=SC2086 # word splitting wanted
		r=$("$BIN/simabench" -r "$RUNS" $args) ||
			fail "$1: simabench $args failed"
		echo "$1 $name $r" >>"$RAW"
		say "  $name: $r (median min max ns/op)"
	done || exit 1
}

# Does list FILE record PATH?  (path is the last field of ima-ng lines)
in_list() {	# LIST PATH
	awk -v p="$2" '$NF == p { f = 1 } END { exit !f }' "$1"
}

check_measured() {	# ENGINE LIST
	for f in "$W/prog" "$W/root-read"; do
		in_list "$2" "$f" || fail "$1 did not measure $f"
	done
	for f in "$W/user-read" "$T/tmpfs-read"; do
		! in_list "$2" "$f" || fail "$1 measured $f (no rule should)"
	done
}

sima_unload() {
	rmmod sima || fail "rmmod sima failed"
	! grep -q '^sima ' /proc/modules || fail "sima still loaded"
}

[ "${SIMA_KERNEL:-}" = distro ] ||
	fail "needs the distro kernel (native IMA to compare with)"
[ -d "$SECFS/integrity/ima" ] || fail "no native IMA in this kernel"
[ -f "$KO" ] || fail "$KO missing"
for f in simabench simabench-nop; do
	[ -x "$BIN/$f" ] || fail "$BIN/$f missing"
done
grep -q '^sima ' /proc/modules && fail "sima already loaded"
[ "$(awk 'END { print NR }' "$IMA_LIST")" -le 1 ] ||
	fail "native IMA already has a policy (list has more than boot_aggregate)"
grep -q " /scratch ext4 " /proc/mounts || fail "/scratch (ext4) not mounted"

# Address-space randomisation gives each simabench process its own layout,
# and with it the page tables every fork copies: that alone shifted
# warm-exec by up to 3% between phases.  Off for the whole boot.
echo 0 >/proc/sys/kernel/randomize_va_space || fail "cannot turn ASLR off"

mkdir -p "$W" "$T" "$OUT" || fail "cannot create work directories"
: >"$RAW"
cp "$BIN/simabench-nop" "$W/prog" || fail "cannot copy simabench-nop"
chmod 755 "$W/prog" || fail "cannot chmod $W/prog"
for f in "$W/root-read" "$W/user-read" "$T/tmpfs-read"; do
	head -c 4096 /dev/zero >"$f" || fail "cannot create $f"
	chmod 644 "$f" || fail "cannot chmod $f"
done
sync

say "kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPU(s)," \
	"exec x$EXEC_N, open x$OPEN_N, $RUNS runs"

run_phase none

insmod "$KO" || fail "insmod $KO failed"
[ -z "$(cat "$SECFS/sima/policy")" ] ||
	fail "sima loaded with a non-empty policy"
run_phase sima-empty
sima_unload

insmod "$KO" ima_policy=tcb || fail "insmod $KO ima_policy=tcb failed"
cat "$SECFS/sima/policy" >"$OUT/policy.txt" || fail "cannot read sima's policy"
grep -q 'func=BPRM_CHECK' "$OUT/policy.txt" || fail "sima's tcb policy is empty"
run_phase sima
check_measured sima "$SIMA_LIST"
cp "$SIMA_LIST" "$OUT/sima-measurements.txt"
sima_unload

# Appraisal: what a verdict costs, cached and not, per security.ima kind.
APPRAISE_N=$((EXEC_N / 5))
# Self-signed keys: the keyring's trust is not what is timed here.
insmod "$KO" keyring_restrict=all || fail "insmod $KO failed"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/ima.key" \
	-subj /CN=sima-bench -outform DER -out "$T/ima.der" -days 2 \
	-addext subjectKeyIdentifier=hash >/dev/null 2>&1 || fail "openssl"
keyctl padd asymmetric "" %:.ima <"$T/ima.der" >/dev/null || fail "keyctl padd"
# kind: how the program is labelled. ECDSA only where the kernel has it
# (Debian's 6.1 does not).
KINDS="rsa rsa512 hash"
if grep -q "^name *: ecdsa-nist-p256" /proc/crypto; then
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
		-nodes -keyout "$T/ec.key" -subj /CN=sima-bench-ec -outform DER \
		-out "$T/ec.der" -days 2 -addext subjectKeyIdentifier=hash \
		>/dev/null 2>&1 || fail "openssl ec"
	keyctl padd asymmetric "" %:.ima <"$T/ec.der" >/dev/null ||
		fail "keyctl padd ec"
	KINDS="$KINDS ec"
fi
for kind in $KINDS; do
	cp "$W/prog" "$W/prog-$kind" || fail "cannot copy $W/prog"
	case $kind in
	rsa) evmctl ima_sign --key "$T/ima.key" -a sha256 "$W/prog-$kind" ;;
	rsa512) evmctl ima_sign --key "$T/ima.key" -a sha512 "$W/prog-$kind" ;;
	ec) evmctl ima_sign --key "$T/ec.key" -a sha256 "$W/prog-$kind" ;;
	hash) evmctl ima_hash -a sha256 "$W/prog-$kind" ;;
	esac >/dev/null 2>&1 || fail "evmctl: cannot label prog-$kind"
done
echo "appraise func=BPRM_CHECK fsname=ext4" >"$SECFS/sima/policy" ||
	fail "appraise policy refused"
say "phase appraise"
for kind in $KINDS; do
	for op in exec exec-relabel relabel; do
		n=$EXEC_N
		[ $op = exec ] || n=$APPRAISE_N
		r=$("$BIN/simabench" -r "$RUNS" -w 5 -n "$n" $op "$W/prog-$kind") ||
			fail "appraise: simabench $op $kind failed"
		echo "appraise $kind-$op $r" >>"$RAW"
		say "  $kind $op: $r"
	done
done
sima_unload

run_phase none-again

# The very rules sima runs for tcb, in upstream's canonical form.
cat "$OUT/policy.txt" >"$IMA_POLICY" || fail "writing native IMA's policy failed"
run_phase native
check_measured "native IMA" "$IMA_LIST"
cp "$IMA_LIST" "$OUT/native-measurements.txt"
dmesg >"$OUT/dmesg.txt"

# The table: medians, ratios to "none", spread = (max - min) / median of
# the runs, drift = none-again / none.
awk -v exec_n="$EXEC_N" -v open_n="$OPEN_N" -v runs="$RUNS" \
	-v kver="$(uname -r)" '
$1 == "appraise" { next }
{
	med[$1, $2] = $3
	spread[$1, $2] = ($5 - $4) / $3 * 100
	if (!($2 in seen)) {
		seen[$2] = 1
		names[++n] = $2
	}
	if (spread[$1, $2] > maxspread)
		maxspread = spread[$1, $2]
}
function r(a, b) { return sprintf("%.3fx", med[a] / med[b]) }
END {
	printf "sima benchmark, kernel %s, one boot; median ns/op of %d runs\n", kver, runs
	printf "(warm-exec x%d, open x%d per run; ratio to \"none\" in brackets)\n\n", exec_n, open_n
	printf "%-14s %10s %22s %22s %22s %12s %9s\n", "benchmark", "none",
		"sima-empty", "sima (tcb)", "native IMA (tcb)", "sima/native", "drift"
	for (i = 1; i <= n; i++) {
		b = names[i]
		printf "%-14s %10.1f %10.1f (%s) %10.1f (%s) %10.1f (%s) %11s %9s\n", b,
			med["none", b],
			med["sima-empty", b], r("sima-empty" SUBSEP b, "none" SUBSEP b),
			med["sima", b], r("sima" SUBSEP b, "none" SUBSEP b),
			med["native", b], r("native" SUBSEP b, "none" SUBSEP b),
			r("sima" SUBSEP b, "native" SUBSEP b),
			r("none-again" SUBSEP b, "none" SUBSEP b)
	}
	printf "\nlargest run-to-run spread within a phase: %.2f%%\n", maxspread
}' "$RAW" >"$RES" || fail "cannot build the table"
cat >>"$RES" <<EOF

warm-exec      fork + execve + waitpid of a 9 KiB static no-libc program on
               ext4, run by root: measured by tcb (BPRM_CHECK, MMAP_CHECK),
               already measured in the warm-up
open-tmpfs     open(O_RDONLY) + close by root of a tmpfs file: no rule
               measures it (tcb: dont_measure fsmagic=0x1021994)
open-user      open(O_RDONLY) + close by uid $NOBODY of an ext4 file: no rule
               measures it (tcb's FILE_CHECK rules need uid=0 or euid=0)
open-measured  open(O_RDONLY) + close by root of an ext4 file tcb measures
               (FILE_CHECK uid=0), already measured: the cached-hit path
none           no sima; native IMA built in but without a policy
sima-empty     sima loaded with an empty policy: hooks and dispatch only
drift          none-again / none: sima unloaded again, same boot
EOF
awk -v kinds="$KINDS" '$1 == "appraise" { m[$2] = $3 }
$1 == "none" && $2 == "warm-exec" { none = $3 }
END {
	printf "\nappraisal (enforce, appraise func=BPRM_CHECK fsname=ext4), ns per exec:\n"
	printf "%-22s %12s %14s %12s %20s\n", "security.ima", "cached hit",
		"miss+relabel", "relabel", "miss cost (hit->miss)"
	label["rsa"] = "RSA-2048 sig, sha256"
	label["rsa512"] = "RSA-2048 sig, sha512"
	label["ec"] = "ECDSA P-256 sig"
	label["hash"] = "sha256 digest-ng"
	nk = split(kinds, k, " ")
	for (i = 1; i <= nk; i++) {
		hit = m[k[i] "-exec"]; miss = m[k[i] "-exec-relabel"]
		rl = m[k[i] "-relabel"]
		printf "%-22s %12.1f %14.1f %12.1f %20.1f\n", label[k[i]], hit,
			miss, rl, miss - rl - hit
	}
	if (kinds !~ /ec/)
		printf "(no ECDSA in this kernel: not measured)\n"
	printf "(warm exec without any engine: %.1f; cached hit / none = %.3fx)\n",
		none, m["rsa-exec"] / none
}' "$RAW" >>"$RES" || fail "cannot build the appraisal table"
echo
cat "$RES"
