#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 40-measure: with ima_policy=tcb, programs run and files root reads are
# measured once per content change; boot_aggregate comes first and equals
# the hash of PCRs 0-9 (sha256 bank) and what evmctl ima_boot_aggregate
# computes from the TPM's PCRs; evmctl ima_measurement replays the
# list against the TPM's sha1 and sha256 banks, and rejects a tampered
# list or wrong PCR values; the count file matches the list.
#
# Every load of sima extends its PCR (boot_aggregate first), and the PCR
# keeps that history after unload while the list does not: a reloaded
# sima's list no longer replays. Earlier tests in this boot loaded sima,
# so the replay runs in PCR 15, which nothing else uses.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
B=$SIMA_FS/binary_runtime_measurements
tpm=/sys/class/tpm/tpm0

hex2bin() { printf "$(sed 's/../\\x&/g')"; }

pcrs() {	# BANK FILE: the 24 lines evmctl --pcrs reads
	_i=0
	while [ $_i -lt 24 ]; do
		printf 'PCR-%02d: %s\n' $_i "$(cat $tpm/pcr-$1/$_i)"
		_i=$((_i + 1))
	done >"$2"
}

replays() {	# BANK LIST PCRS
	evmctl ima_measurement --pcrs "$1,$3" "$2" >"$E2E_TMP/evmctl.out" 2>&1
}

[ -e $tpm/pcr-sha256/0 ] || skip "no TPM with a sha256 bank"
# one load (boot_aggregate) extends the default PCR, if nothing did yet
sima_load
sima_unload
mark=$(dmesg_mark)
sima_load
default_pcr=10
[ "$SIMA_KERNEL" = test ] || default_pcr=11
dmesg_since "$mark" | grep -q "into PCR $default_pcr" ||
	bad "dmesg does not announce PCR $default_pcr"
# The load above extended the default PCR: sima must say that its new
# list cannot replay.
dmesg_since "$mark" | grep -q "PCR $default_pcr was already extended" ||
	bad "no warning about the already extended PCR $default_pcr"
sima_unload

want_pcr=15
zero=0000000000000000000000000000000000000000000000000000000000000000
[ "$(cat $tpm/pcr-sha256/$want_pcr)" = "$zero" ] ||
	fail "PCR $want_pcr was extended before the test"
mark=$(dmesg_mark)
sima_load ima_policy=tcb pcr=$want_pcr
! dmesg_since "$mark" | grep -q "already extended" ||
	bad "warning about a PCR nothing extended"

# boot_aggregate: first entry, sha256 of PCRs 0-9
agg=$(i=0; while [ $i -le 9 ]; do cat $tpm/pcr-sha256/$i; i=$((i + 1)); done |
	tr -d '\n' | hex2bin | sha256sum | cut -d' ' -f1)
first=$(head -1 $L)
assert_eq "$(echo "$first" | cut -d' ' -f5)" boot_aggregate "first entry name"
assert_eq "$(echo "$first" | cut -d' ' -f4)" "sha256:$agg" "boot_aggregate"

scratch_dir W
cp /sima/bin/simatest "$W/prog"
echo "first content" >"$W/data"
"$W/prog" exec /bin/true || fail "exec failed"
cat "$W/data" >/dev/null
cat "$W/data" >/dev/null
n=$(grep -c " $W/data\$" $L)
assert_eq "$n" 1 "entries for a file read twice"
assert_eq "$(grep " $W/prog\$" $L | cut -d' ' -f4)" \
	"sha256:$(sha256sum "$W/prog" | cut -d' ' -f1)" "digest of the program"
assert_eq "$(grep " $W/data\$" $L | cut -d' ' -f1)" "$want_pcr" "PCR column"

# re-measured after a change
echo "second content" >"$W/data"
cat "$W/data" >/dev/null
assert_eq "$(grep -c " $W/data\$" $L)" 2 "entries after a write"
assert_eq "$(grep " $W/data\$" $L | tail -1 | cut -d' ' -f4)" \
	"sha256:$(sha256sum "$W/data" | cut -d' ' -f1)" "digest after the write"
# tmpfs is excluded by tcb
echo x >/tmp/e2e-tmpfs-file
cat /tmp/e2e-tmpfs-file >/dev/null
assert_eq "$(grep -c e2e-tmpfs-file $L)" 0 "tmpfs file measured"

assert_eq "$(cat $SIMA_FS/runtime_measurements_count)" "$(wc -l <$L)" \
	"runtime_measurements_count"
assert_eq "$(cat $SIMA_FS/violations)" 0 "violations"

cp $B "$E2E_TMP/list"
cp $B $L "$SIMA_EXPORT/" 2>/dev/null
for bank in sha1 sha256; do
	pcrs $bank "$E2E_TMP/pcrs-$bank"
	replays $bank "$E2E_TMP/list" "$E2E_TMP/pcrs-$bank" ||
		{ cat "$E2E_TMP/evmctl.out"; bad "evmctl: $bank does not replay"; }
done

# evmctl's own boot aggregate, from the same PCR values, is the first entry
assert_eq "$(evmctl ima_boot_aggregate --pcrs "sha256,$E2E_TMP/pcrs-sha256" 2>&1)" \
	"$(head -1 $L | cut -d' ' -f4)" "evmctl ima_boot_aggregate"

# a flipped byte in the last entry's file digest must not replay
size=$(wc -c <"$E2E_TMP/list")
cp "$E2E_TMP/list" "$E2E_TMP/bad"
printf '\377' | dd of="$E2E_TMP/bad" bs=1 seek=$((size - 20)) conv=notrunc \
	2>/dev/null
if replays sha256 "$E2E_TMP/bad" "$E2E_TMP/pcrs-sha256"; then
	bad "evmctl accepted a tampered list"
fi
# nor may the list replay against other PCR values (one hex digit changed;
# sysfs prints upper case, evmctl reads either)
v=$(tr A-F a-f <$tpm/pcr-sha256/$want_pcr)
case $v in
f*) w=0${v#?} ;;
*) w=f${v#?} ;;
esac
sed "s/^PCR-$want_pcr: .*/PCR-$want_pcr: $w/" "$E2E_TMP/pcrs-sha256" \
	>"$E2E_TMP/pcrs-wrong"
if replays sha256 "$E2E_TMP/list" "$E2E_TMP/pcrs-wrong"; then
	bad "evmctl accepted wrong PCR values"
fi

sima_unload

# A device is not a file to hash: an executable mapping of /dev/urandom
# (refused with ENODEV, but only after the mmap hook ran) must neither
# read it forever nor be measured.
sima_load pcr=16
echo "measure func=MMAP_CHECK" >"$SIMA_FS/policy" || fail "policy load failed"
timeout 30 simatest --expect-errno ENODEV mmap-exec /dev/urandom ||
	bad "executable mapping of /dev/urandom hung or misbehaved"
assert_eq "$(grep -c /dev/urandom $L)" 0 "/dev/urandom measured"
sima_unload

# As upstream, a file is hashed with the algorithm its security.ima names.
echo "sha512 content" >"$W/s512"
evmctl ima_hash -a sha512 "$W/s512" >/dev/null 2>&1 ||
	fail "evmctl ima_hash -a sha512"
echo "plain content" >"$W/plain"
sima_load
echo "measure func=FILE_CHECK mask=MAY_READ fsname=ext4" >"$SIMA_FS/policy" ||
	fail "policy load failed"
cat "$W/s512" "$W/plain" >/dev/null
assert_eq "$(grep " $W/s512\$" $L | cut -d' ' -f4)" \
	"sha512:$(sha512sum "$W/s512" | cut -d' ' -f1)" "file with a sha512 xattr"
assert_eq "$(grep " $W/plain\$" $L | cut -d' ' -f4)" \
	"sha256:$(sha256sum "$W/plain" | cut -d' ' -f1)" "file without xattr"
sima_unload
pass
