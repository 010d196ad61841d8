#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 54-modsig: kernel modules carrying an appended PKCS#7 signature, as
# scripts/sign-file makes them (here with openssl cms), under
# appraise_type=imasig|modsig in enforce mode: signed by an IMA key loads,
# a wrong key, tampered data, a signature over other data or no signature
# is refused (EACCES, audit cause), a rule without modsig ignores it, a
# security.ima signature still works, and a signature whose data digest is on the kernel's
# .blacklist keyring is refused under appraise_flag=check_blacklist,
# with a "blacklisted-hash" entry. ima-modsig entries carry the signed
# data's digest and the raw signature.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
L=$SIMA_FS/ascii_runtime_measurements
K=$E2E_TMP
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst
mk_cert "$K" good
mk_cert "$K" wrong

# modsig_sign KEY IN OUT [SIGNED]: IN with a signature appended, as
# sign-file does; with SIGNED, a signature of that file instead, made with
# signed attributes (whose message digest then cannot match IN)
modsig_sign() {
	if [ -n "${4:-}" ]; then
		openssl cms -sign -binary -nocerts -nosmimecap -md sha256 \
			-signer "$K/$1.crt" -inkey "$K/$1.pem" -in "$4" \
			-outform DER -out "$K/sig.p7s" || fail "openssl cms -sign"
	else
		openssl cms -sign -binary -noattr -nocerts -nosmimecap \
			-md sha256 -signer "$K/$1.crt" -inkey "$K/$1.pem" \
			-in "$2" -outform DER -out "$K/sig.p7s" ||
			fail "openssl cms -sign"
	fi
	_n=$(stat -c %s "$K/sig.p7s")
	{
		cat "$2" "$K/sig.p7s"
		printf '\000\000\002\000\000\000\000\000'
		for _s in 24 16 8 0; do
			# shellcheck disable=SC2059
			printf "\\$(printf %03o $(((_n >> _s) & 255)))"
		done
		printf '~Module signature appended~\n'
	} >"$3"
}
hex() { od -An -v -tx1 "$1" | tr -d ' \n'; }
finit_refused() {	# MODULE WHY CAUSE
	mark=$(dmesg_mark)
	simatest --expect-errno EACCES finit "$1" || bad "$2: loaded"
	! is_loaded sima_testmod || rmmod sima_testmod
	dmesg_since "$mark" | grep "type=1800" | grep "op=appraise_data" |
		grep -q "cause=$3" || bad "$2: no appraise_data cause=$3"
}

scratch_dir W
# simatest unloads a module by its file name: keep sima_testmod.ko
for d in good wrong tampered plain xattr black baddigest; do
	mkdir "$W/$d"
done
M=sima_testmod.ko
modsig_sign good "$SIMA_TESTMOD" "$W/good/$M"
cp "$K/sig.p7s" "$K/good.p7s"
modsig_sign wrong "$SIMA_TESTMOD" "$W/wrong/$M"
echo other >"$K/other.data"
modsig_sign good "$SIMA_TESTMOD" "$W/baddigest/$M" "$K/other.data"
cp "$W/good/$M" "$W/tampered/$M"
# one byte of the signed data (in the ELF header padding) changed
printf 'X' | dd of="$W/tampered/$M" bs=1 seek=9 conv=notrunc 2>/dev/null
cp "$SIMA_TESTMOD" "$W/plain/$M"
cp "$SIMA_TESTMOD" "$W/xattr/$M"
evmctl ima_sign --key "$K/good.pem" -a sha256 "$W/xattr/$M" >/dev/null 2>&1 ||
	fail "evmctl ima_sign"
# data of its own (the module and one byte) for the blacklist, never loaded
{ cat "$SIMA_TESTMOD"; printf 'B'; } >"$K/black.data"
modsig_sign good "$K/black.data" "$W/black/$M"

### imasig|modsig in enforce mode
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/good.der" >/dev/null ||
	fail "keyctl padd"
echo "appraise func=MODULE_CHECK appraise_type=imasig|modsig" >$P ||
	fail "imasig|modsig rule refused"
assert_eq "$(cat $P)" "appraise func=MODULE_CHECK appraise_type=imasig|modsig " \
	"policy read-back"
simatest finit "$W/good/$M" || bad "module signed by the IMA key refused"
finit_refused "$W/wrong/$M" "signed by another key" invalid-signature
finit_refused "$W/tampered/$M" "tampered after signing" invalid-signature
finit_refused "$W/plain/$M" "unsigned" IMA-signature-required
# a signature the kernel cannot digest the data for is still one, and bad
finit_refused "$W/baddigest/$M" "signed attributes over other data" \
	invalid-signature
simatest finit "$W/xattr/$M" || bad "security.ima signature refused"
sima_unload

### a rule without modsig does not look at it
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/good.der" >/dev/null
echo "appraise func=MODULE_CHECK appraise_type=imasig" >$P ||
	fail "policy load failed"
finit_refused "$W/good/$M" "modsig under imasig alone" IMA-signature-required
sima_unload

### ima-modsig entries
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/good.der" >/dev/null
printf '%s\n' "measure func=MODULE_CHECK template=ima-modsig" \
	"appraise func=MODULE_CHECK appraise_type=imasig|modsig" >$P ||
	fail "policy load failed"
simatest finit "$W/good/$M" || bad "signed module refused (measured)"
line=$(grep " $W/good/$M " $L)
[ -n "$line" ] || bad "no entry for $W/good/$M"
ddata=$(sha256sum "$SIMA_TESTMOD" | cut -d' ' -f1)
dfile=$(sha256sum "$W/good/$M" | cut -d' ' -f1)
assert_eq "$(echo "$line" | cut -d' ' -f3)" ima-modsig "template name"
assert_eq "$(echo "$line" | cut -d' ' -f4)" "sha256:$dfile" "d-ng: whole file"
assert_eq "$(echo "$line" | cut -d' ' -f7)" "sha256:$ddata" \
	"d-modsig: the signed data"
assert_eq "$(echo "$line" | cut -d' ' -f8)" "$(hex "$K/good.p7s")" \
	"modsig: the raw PKCS#7 message"
sima_unload

### check_blacklist: the signed data's digest on .blacklist
testmod_load
sha256sum "$K/black.data" | cut -d' ' -f1 \
	>/sys/module/sima_testmod/parameters/blacklist_bin ||
	fail "cannot blacklist a hash"
testmod_unload
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/good.der" >/dev/null
printf '%s\n' "measure func=MODULE_CHECK" \
	"appraise func=MODULE_CHECK appraise_type=imasig|modsig appraise_flag=check_blacklist" \
	>$P || fail "check_blacklist rule refused"
simatest --expect-errno EACCES finit "$W/black/$M" ||
	bad "blacklisted modsig not refused"
assert_eq "$(grep -c " blacklisted-hash " $L)" 1 "blacklisted-hash entries"
assert_eq "$(grep " blacklisted-hash " $L | cut -d' ' -f6)" \
	"$(sha256sum "$K/black.data" | cut -d' ' -f1)" \
	"blacklisted-hash buf: the digest"
simatest finit "$W/good/$M" || bad "signed module refused by check_blacklist"
sima_unload
sima_load_ca
keyctl padd asymmetric "" %:.ima <"$K/good.der" >/dev/null
echo "appraise func=MODULE_CHECK appraise_type=imasig|modsig" >$P
# without the flag the signature is good: the loader, not sima, refuses
simatest --expect-errno EACCES finit "$W/black/$M" 2>/dev/null &&
	bad "blacklist applied without check_blacklist"
sima_unload
pass
