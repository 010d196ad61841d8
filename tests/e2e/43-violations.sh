#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 43-violations: ToMToU and open_writers as upstream IMA reports them. A
# file measured for a reader and then opened for write while still read
# (ToMToU), and a file measured while a writer has it open (open_writers),
# each add an entry with a zero digest, extend the PCR with 0xff.., count
# in violations and write a type 1804 audit record; they are never
# de-duplicated. Writes after the readers are gone, and reads with no
# writer, are not violations. evmctl still replays the list. Every bank
# gets 0xff.. as wide as its digest.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
V=$SIMA_FS/violations
tpm=/sys/class/tpm/tpm0
want_pcr=13
zero=0000000000000000000000000000000000000000000000000000000000000000

[ -e $tpm/pcr-sha256/0 ] || skip "no TPM with a sha256 bank"
[ "$(cat $tpm/pcr-sha256/$want_pcr)" = "$zero" ] ||
	fail "PCR $want_pcr was extended before the test"
# kauditd prints records to the log when no audit daemon runs, rate limited
echo 1000 >/proc/sys/kernel/printk_ratelimit_burst

entries() {	# PATH: its list lines
	grep " $1\$" $L
}
zero_entries() {	# PATH: violation lines of PATH
	entries "$1" | grep -c " sha256:$zero "
}

sima_load pcr=$want_pcr
# not tmpfs, sysfs, securityfs: the PCR and list reads below stay out
printf '%s\n' "dont_measure fsmagic=0x01021994" \
	"dont_measure fsmagic=0x62656572" "dont_measure fsmagic=0x73636673" \
	"measure func=FILE_CHECK mask=MAY_READ" >"$SIMA_FS/policy" ||
	fail "policy load failed"
scratch_dir W

# open_writers: a reader has a file measured while a writer has it open
echo data >"$W/ow"
mark=$(dmesg_mark)
exec 3>>"$W/ow"
cat "$W/ow" >/dev/null
assert_eq "$(cat $V)" 1 "violations after open_writers"
assert_eq "$(zero_entries "$W/ow")" 1 "open_writers entries"
# never de-duplicated
cat "$W/ow" >/dev/null
assert_eq "$(zero_entries "$W/ow")" 2 "open_writers entries, second read"
exec 3>&-
dmesg_since "$mark" | grep "type=1804" | grep "op=invalid_pcr" |
	grep "cause=open_writers" | grep -q "name=\"$W/ow\"" ||
	bad "no 1804 open_writers audit record"
dmesg_since "$mark" | grep "cause=open_writers" | grep -q "ino=$(stat -c %i "$W/ow") res=1" ||
	bad "open_writers record lacks ino/res: $(dmesg_since "$mark" | grep open_writers)"

# ToMToU: a writer opens a file measured for a reader still reading it
echo data >"$W/tt"
mark=$(dmesg_mark)
exec 4<"$W/tt"
assert_eq "$(entries "$W/tt" | grep -vc " sha256:$zero ")" 1 \
	"measured for the reader"
# Two writes in a row: the second, decided like the first, is one too.
echo more >>"$W/tt"
echo more >>"$W/tt"
assert_eq "$(zero_entries "$W/tt")" 2 "ToMToU entries"
exec 4<&-
dmesg_since "$mark" | grep "type=1804" | grep "cause=ToMToU" |
	grep -q "name=\"$W/tt\"" || bad "no 1804 ToMToU audit record"
assert_eq "$(cat $V)" 4 "violations after ToMToU"

# no violation: the reader is gone before the write, no writer at reads
echo data >"$W/ok"
cat "$W/ok" >/dev/null
echo more >>"$W/ok"
cat "$W/ok" >/dev/null
assert_eq "$(zero_entries "$W/ok")" 0 "violation without overlap"
# a writer on a file no rule measures is no violation either (tmpfs)
echo data >/tmp/e2e-violation-tmp
exec 5<>/tmp/e2e-violation-tmp
cat /tmp/e2e-violation-tmp >/dev/null
exec 5<&-
assert_eq "$(cat $V)" 4 "violations after the clean cases"

assert_eq "$(cat $SIMA_FS/runtime_measurements_count)" "$(wc -l <$L)" \
	"runtime_measurements_count"
# The PCR holds 0xff.. for each violation: evmctl replays the list when
# told to extend violations that way, and only then.
cp $SIMA_FS/binary_runtime_measurements "$E2E_TMP/list"
for bank in sha1 sha256; do
	_i=0
	while [ $_i -lt 24 ]; do
		printf 'PCR-%02d: %s\n' $_i "$(cat $tpm/pcr-$bank/$_i)"
		_i=$((_i + 1))
	done >"$E2E_TMP/pcrs"
	evmctl ima_measurement --ignore-violations --pcrs "$bank,$E2E_TMP/pcrs" \
		"$E2E_TMP/list" >"$E2E_TMP/out" 2>&1 ||
		{ cat "$E2E_TMP/out"; bad "evmctl: $bank does not replay"; }
	if evmctl ima_measurement --pcrs "$bank,$E2E_TMP/pcrs" \
		"$E2E_TMP/list" >"$E2E_TMP/out" 2>&1; then
		bad "evmctl: $bank replays with violations as zeros"
	fi
done
sima_unload

# A violation extends every bank with 0xff.. over the whole digest width
# of its algorithm (sha384 and sha512 banks included, even where the
# kernel cannot compute that hash), as upstream. Measurements go to PCR
# 15 here, so that the violation alone moves PCR 14. make check boots
# the distro kernel once with module_blacklist=sha512_generic,sha512_ssse3
# for this: banks the kernel knows but cannot compute.
hex2bin() {	# HEX: the bytes
	# shellcheck disable=SC2059 # the format is the data
	printf "$(echo "$1" | sed 's/../\\x&/g')"
}
grep -q '^name *: sha384$' /proc/crypto ||
	log "no sha384 in the crypto API: its bank gets padded SHA-1 digests"
sima_load pcr=14
printf '%s\n' "dont_measure fsmagic=0x01021994" \
	"dont_measure fsmagic=0x62656572" "dont_measure fsmagic=0x73636673" \
	"measure func=FILE_CHECK mask=MAY_READ pcr=15" >"$SIMA_FS/policy" ||
	fail "policy load failed"
echo data >"$W/banks"
for b in $tpm/pcr-*; do
	cat "$b/14" >"$E2E_TMP/before-${b##*-}"
done
exec 3>>"$W/banks"
cat "$W/banks" >/dev/null
exec 3>&-
assert_eq "$(cat $SIMA_FS/violations)" 1 "violations, banks case"
for b in $tpm/pcr-*; do
	algo=${b##*-}
	before=$(cat "$E2E_TMP/before-$algo")
	ones=$(echo "$before" | tr 0-9A-Fa-f f)
	want=$({ hex2bin "$before"; hex2bin "$ones"; } |
		openssl dgst -"$algo" -r | cut -d' ' -f1)
	assert_eq "$(tr A-F a-f <"$b/14")" "$want" "$algo bank after a violation"
done
sima_unload
pass
