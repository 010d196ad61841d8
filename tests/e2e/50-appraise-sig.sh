#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 50-appraise-sig: enforce mode with evmctl-signed files. RSA (sha1,
# sha256, sha384, sha512) and ECDSA (P-256 and P-384, where the kernel has
# ECDSA) keys from openssl are imported into sima's .ima keyring with
# keyctl; evmctl ima_sign labels programs.
# Signed programs run; unsigned, tampered, wrongly signed and hash-only
# programs (under imasig) are refused with EACCES and a type 1800
# appraise_data record naming the cause; modifying a signed program invalidates its cached verdict;
# opening a signed file for write is refused; malformed signatures are
# refused without harm; a key id or digest written to the blacklist file
# fails appraisal from then on, cached verdicts included, and so does a
# key unlinked or revoked, or its keyring cleared.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
K=$E2E_TMP
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst

mk_cert "$K" rsa -newkey rsa:2048
mk_cert "$K" ec -newkey ec -pkeyopt ec_paramgen_curve:prime256v1
mk_cert "$K" ec384 -newkey ec -pkeyopt ec_paramgen_curve:secp384r1
mk_cert "$K" other -newkey rsa:2048

scratch_dir W
prog() {	# NAME: a fresh copy of a static program
	cp /sima/bin/simatest "$W/$1"
	echo "# $1" >>"$W/$1"	# distinct contents, distinct digests
	chmod 755 "$W/$1"
}
sign() {	# KEY FILE [ALGO]
	evmctl ima_sign --key "$K/$1.pem" -a "${3:-sha256}" "$2" \
		>/dev/null 2>&1 || fail "evmctl ima_sign $1 $2 ${3:-}"
}
runs() { "$W/$1" true 2>/dev/null; }
refused() {	# NAME CAUSE
	_m=$(dmesg_mark)
	if runs "$1"; then
		bad "$1 ran"
		return
	fi
	dmesg_since "$_m" | grep "type=1800" | grep "op=appraise_data" |
		grep "cause=$2" | grep -q "name=\"$W/$1\"" ||
		bad "$1: no appraise_data record with cause=$2"
}

prog rsa-signed; sign rsa "$W/rsa-signed"
prog ec-signed; sign ec "$W/ec-signed"
prog ec384-signed; sign ec384 "$W/ec384-signed" sha384
for a in sha1 sha384 sha512; do
	prog "rsa-$a"; sign rsa "$W/rsa-$a" $a
done
prog other-signed; sign other "$W/other-signed"
prog unsigned
prog tampered; sign rsa "$W/tampered"; echo x >>"$W/tampered"
prog hashed; evmctl ima_hash -a sha256 "$W/hashed" >/dev/null 2>&1
prog truncated; sign rsa "$W/truncated"
v=$(getfattr -n security.ima -e hex "$W/truncated" 2>/dev/null |
	sed -n 's/^security.ima=0x//p')
setfattr -n security.ima -v "0x$(echo "$v" | cut -c1-40)" "$W/truncated" ||
	fail "setfattr truncated"
prog badsize
setfattr -n security.ima -v 0x030204aabbccddffff00 "$W/badsize" ||
	fail "setfattr badsize"

sima_load_ca
ring=$(sima_keyring)
[ -n "$ring" ] || fail "no .ima keyring"
keyctl padd asymmetric "" "$ring" <"$K/rsa.der" >/dev/null || fail "padd rsa"
# Debian's kernel has no ECDSA (CONFIG_CRYPTO_ECDSA unset): native IMA
# cannot check such signatures there either. (The certificates themselves
# load: the test CA signed them with RSA.)
have_ec=1
if ! grep -q ecdsa /proc/crypto; then
	log "no ECDSA in this kernel: ECDSA signatures not tested"
	have_ec=0
fi
for c in ec ec384; do
	[ $have_ec = 0 ] || evmctl import "$K/$c.der" "$ring" >/dev/null 2>&1 ||
		fail "evmctl import $c"
done
echo "appraise func=BPRM_CHECK fsname=ext4" >$P || fail "policy load failed"

runs rsa-signed || bad "RSA-signed program refused"
[ $have_ec = 0 ] || runs ec-signed || bad "ECDSA-signed program refused"
[ $have_ec = 0 ] || runs ec384-signed ||
	bad "ECDSA P-384 signed program refused"
for a in sha1 sha384 sha512; do
	runs "rsa-$a" || bad "RSA/$a-signed program refused"
done
runs hashed || bad "hash-labelled program refused without imasig"
refused unsigned missing-hash
refused tampered invalid-signature
refused other-signed invalid-signature
refused truncated invalid-signature
refused badsize invalid-signature

# a cached verdict does not survive a change
runs rsa-signed || bad "RSA-signed program refused the second time"
cp "$W/rsa-signed" "$W/rsa-copy"
sign rsa "$W/rsa-copy"
runs rsa-copy || bad "re-signed copy refused"
echo y >>"$W/rsa-copy"
refused rsa-copy invalid-signature
sima_unload

# imasig: a signature is required
sima_load_ca
keyctl padd asymmetric "" "$(keyctl id %:.ima)" <"$K/rsa.der" >/dev/null
printf '%s\n' "appraise func=BPRM_CHECK fsname=ext4 appraise_type=imasig" \
	"appraise func=FILE_CHECK mask=MAY_WRITE fsname=ext4" >$P ||
	fail "policy load failed"
runs rsa-signed || bad "RSA-signed program refused under imasig"
refused hashed IMA-signature-required
refused unsigned IMA-signature-required
# a signed file is not opened for write
simatest --expect-errno EACCES open-write "$W/rsa-signed" ||
	bad "signed file opened for write"
echo data >"$W/plain"
simatest open-write "$W/plain" 2>/dev/null ||
	bad "unsigned file refused for write"
sima_unload

# mprotect(PROT_EXEC) of a file mapping an appraise rule covers is
# refused (EPERM), signed or not: the file cannot be checked there
sima_load_ca
keyctl padd asymmetric "" "$(keyctl id %:.ima)" <"$K/rsa.der" >/dev/null
echo "appraise func=MMAP_CHECK fsname=ext4" >$P || fail "policy load failed"
mark=$(dmesg_mark)
simatest --expect-errno EPERM mprotect-exec "$W/rsa-signed" ||
	bad "mprotect to exec of an appraised file allowed"
dmesg_since "$mark" | grep "type=1800" | grep -q "cause=failed-mprotect" ||
	bad "no failed-mprotect audit record"
simatest mmap-exec "$W/rsa-signed" || bad "signed file refused for mmap exec"
simatest --expect-errno EACCES mmap-exec "$W/unsigned" ||
	bad "unsigned file mapped executable"
sima_unload

# revocation: a blacklisted key or file digest fails however valid, and
# makes cached verdicts stale
BL=$SIMA_FS/blacklist
sima_load_ca
keyctl padd asymmetric "" "$(keyctl id %:.ima)" <"$K/rsa.der" >/dev/null
echo "appraise func=BPRM_CHECK fsname=ext4" >$P || fail "policy load failed"
runs rsa-signed || bad "RSA-signed program refused before revocation"
runs hashed || bad "hash-labelled program refused before revocation"
keyid=$(getfattr -n security.ima -e hex "$W/rsa-signed" 2>/dev/null |
	sed -n 's/^security.ima=0x030204\(........\).*/\1/p')
echo "key:$keyid" >$BL || bad "blacklisting key $keyid failed"
refused rsa-signed invalid-signature
echo "sha256:$(sha256sum "$W/hashed" | cut -d' ' -f1)" >$BL ||
	bad "blacklisting a digest failed"
refused hashed blacklisted-hash
assert_eq "$(wc -l <$BL)" 2 "blacklist entries"
grep -qx "key:$keyid" $BL || bad "key entry not read back"
mark=$(dmesg_mark)
if echo "key:xyz" >$BL 2>/dev/null; then
	bad "bad blacklist line accepted"
fi
dmesg_since "$mark" | grep -q "blacklist: line 1: " ||
	bad "bad blacklist line not named in dmesg"
if su -s /bin/sh nobody -c "cat $BL" >/dev/null 2>&1; then
	bad "nobody read the blacklist"
fi
sima_unload

# a key leaving the keyring takes its cached verdicts with it: unlinked,
# revoked, moved away, or the keyring cleared. Only a possessor may
# revoke: the key goes into the user keyring first, then is linked into
# .ima.
for how in unlink revoke clear move; do
	sima_load_ca
	ring=$(keyctl id %:.ima)
	key=$(keyctl padd asymmetric "" @u <"$K/rsa.der") ||
		fail "padd rsa ($how)"
	keyctl link "$key" "$ring" || fail "keyctl link ($how)"
	echo "appraise func=BPRM_CHECK fsname=ext4" >$P ||
		fail "policy load failed"
	runs rsa-signed || bad "RSA-signed program refused before $how"
	w0=$(hook_count key_withdrawn)
	case $how in
	unlink) keyctl unlink "$key" "$ring" >/dev/null ;;
	revoke) keyctl revoke "$key" ;;
	clear) keyctl clear "$ring" ;;
	move) keyctl move "$key" "$ring" "$(keyctl newring sima-e2e @u)" ;;
	esac || fail "keyctl $how"
	assert_eq "$(($(hook_count key_withdrawn) - w0))" 1 "$how: key_withdrawn events"
	refused rsa-signed invalid-signature
	sima_unload
	keyctl unlink "$key" @u >/dev/null 2>&1
done

# the key leaves with the keyring: after a reload, nothing is trusted
sima_load_ca
echo "appraise func=BPRM_CHECK fsname=ext4" >$P || fail "policy load failed"
refused rsa-signed invalid-signature
sima_unload
pass
