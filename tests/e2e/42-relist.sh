#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 42-relist: a list holding every builtin template (ima, ima-ng, ima-ngv2,
# ima-sig with a signature, ima-sigv2, ima-buf, ima-modsig, evm-sig), a
# custom format and a violation, exported with its ASCII rendering. make
# check then re-renders the binary list on the host with an independent
# renderer (tests/host/relist.py, checked against upstream's golden lists)
# and compares it with sima's ASCII list, byte for byte.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

S=$SIMA_FS
out=$SIMA_EXPORT/relist
scratch_dir W
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$E2E_TMP/k.pem" \
	-subj /CN=sima-relist -outform DER -out "$E2E_TMP/k.der" -days 2 \
	>/dev/null 2>&1 || fail "openssl"
i=0
for t in ima ima-ngv2 ima-sig ima-sigv2 ima-modsig evm-sig ima-ng; do
	i=$((i + 1))
	echo "content $i" >"$W/f$i"
	chown $i "$W/f$i"
	rules="${rules}measure func=FILE_CHECK mask=MAY_READ fsname=ext4 fowner=$i template=$t
"
done
evmctl ima_sign --key "$E2E_TMP/k.pem" -a sha256 "$W/f3" >/dev/null 2>&1 ||
	fail "evmctl ima_sign"
echo "content 8" >"$W/f8"	# the default template: a custom format
echo data >"$W/writer"

sima_load ima_template_fmt='d-ng|n-ng|sig|iuid|igid|imode' pcr=14
printf '%s' "$rules" "measure func=FILE_CHECK mask=MAY_READ fsname=ext4
" >$S/policy || fail "policy load failed"
echo "measure func=KEY_CHECK keyrings=sima_relist" >$S/policy ||
	fail "policy append failed"
for n in 1 2 3 4 5 6 7 8; do cat "$W/f$n" >/dev/null; done
exec 3>>"$W/writer"
cat "$W/writer" >/dev/null	# open_writers violation
exec 3>&-
ring=$(keyctl newring sima_relist @u) || fail "keyctl newring"
keyctl padd asymmetric "" "$ring" <"$E2E_TMP/k.der" >/dev/null ||
	fail "keyctl padd"
keyctl unlink "$ring" @u >/dev/null

for t in ima ima-ng ima-ngv2 ima-sig ima-sigv2 ima-buf ima-modsig evm-sig \
	'd-ng|n-ng|sig|iuid|igid|imode'; do
	cut -d' ' -f3 $S/ascii_runtime_measurements | grep -qxF "$t" ||
		bad "no $t entry"
done
assert_eq "$(cat $S/violations)" 1 "violations"
mkdir -p "$out"
cp $S/binary_runtime_measurements $S/ascii_runtime_measurements "$out/" ||
	fail "export failed"
sima_unload
pass
