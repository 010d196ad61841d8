#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 53-keyrings: what sima's IMA keyring trusts, which keys are measured, and
# the platform keyring for kexec images.
# Trust (keyring_restrict=): by default ("trusted") the keyring takes only
# keys a builtin or secondary trusted key signed, or a CA of x509_ca=: a
# self-signed key is refused with ENOKEY, as upstream's trusted .ima
# keyring refuses it, and .sima_ca holds the system keyrings; with
# x509_ca=<root CA>, a key the root signed and a chain through an
# intermediate are taken. keyring_restrict=ca does the same with the CA
# alone; the sealed .sima_ca keyring takes nothing after load. x509=
# loads a certificate at insmod, and a program signed with it runs under
# enforce. keyring_restrict=builtin refuses keys no builtin key signed;
# keyring_restrict=all takes a self-signed key, as Debian's userspace
# "_ima" keyring does, and a "_ima" keyring root filled counts only then;
# a bad keyring_restrict= or an x509= file the restriction refuses fails
# the load.
# Keys present before a KEY_CHECK rule (added to sima's keyring, to other
# keyrings, and x509= at load) are measured when the first policy with
# one arrives, once; later keys as they come.
# Platform keyring (kernels with one: the distro kernel): a kexec kernel
# image whose security.ima a .platform key signed passes
# KEXEC_KERNEL_CHECK appraisal, a program signed so does not pass
# BPRM_CHECK.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

K=$E2E_TMP
cd "$K" || fail "cd $K"
cat >ca.ext <<EOT
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOT
cat >leaf.ext <<EOT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EOT
ossl() { openssl "$@" >/dev/null 2>&1 || fail "openssl $1 $*"; }
ossl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem \
	-subj /CN=sima-root -days 2 -addext basicConstraints=critical,CA:TRUE \
	-addext keyUsage=critical,keyCertSign -addext subjectKeyIdentifier=hash
signed_by() {	# NAME ISSUER EXTFILE
	ossl req -new -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" \
		-subj "/CN=sima-$1"
	ossl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" \
		-CAcreateserial -days 2 -extfile "$3" -out "$1.pem"
}
signed_by inter root ca.ext
signed_by leaf inter leaf.ext
signed_by direct root leaf.ext
signed_by boot root leaf.ext
ossl req -x509 -newkey rsa:2048 -nodes -keyout rogue.key -out rogue.pem \
	-subj /CN=sima-rogue -days 2 -addext subjectKeyIdentifier=hash
for c in root inter leaf direct boot rogue; do
	ossl x509 -in $c.pem -outform DER -out $c.der
done

padd() { keyctl padd asymmetric "" %:.ima <"$1.der" >/dev/null 2>&1; }

sima_load keyring_restrict=ca x509_ca="$K/root.der" x509="$K/boot.der"
padd rogue && bad "self-signed key accepted"
padd leaf && bad "key of an absent intermediate accepted"
padd direct || bad "key signed by the CA refused"
padd inter || bad "intermediate CA refused"
padd leaf || bad "key signed by the intermediate refused"
if keyctl padd asymmetric "" %:.sima_ca <rogue.der >/dev/null 2>&1; then
	bad ".sima_ca took a key after load"
fi
# a program signed with the key loaded at insmod runs
scratch_dir W
cp /sima/bin/simatest "$W/prog"
evmctl ima_sign --key boot.key -a sha256 "$W/prog" >/dev/null 2>&1 ||
	fail "evmctl ima_sign"
cp /sima/bin/simatest "$W/rogue-prog"
evmctl ima_sign --key rogue.key -a sha256 "$W/rogue-prog" >/dev/null 2>&1 ||
	fail "evmctl ima_sign"
echo "appraise func=BPRM_CHECK fsname=ext4" >$SIMA_FS/policy ||
	fail "policy load failed"
"$W/prog" true || bad "program signed with the x509= key refused"
"$W/rogue-prog" true 2>/dev/null && bad "program signed by a rogue key ran"
# a "_ima" keyring that root fills does not count where sima's keyring is
# restricted...
ima_ring=$(keyctl newring _ima @u) || fail "keyctl newring _ima"
keyctl padd asymmetric "" "$ima_ring" <rogue.der >/dev/null ||
	fail "keyctl padd to _ima"
"$W/rogue-prog" true 2>/dev/null &&
	bad "program signed by a key on _ima ran under keyring_restrict=ca"
sima_unload

# ...and does where it is not, as upstream without a trusted keyring
sima_load keyring_restrict=all
padd rogue || bad "keyring_restrict=all refused a self-signed key"
echo "appraise func=BPRM_CHECK fsname=ext4" >$SIMA_FS/policy ||
	fail "policy load failed"
"$W/rogue-prog" true || bad "program signed by a key on _ima refused"
sima_unload
keyctl unlink "$ima_ring" @u >/dev/null

sima_load keyring_restrict=builtin
padd direct && bad "keyring_restrict=builtin accepted a key no builtin key signed"
sima_unload

# the default: trusted kernel keys or x509_ca=, nothing else
mark=$(dmesg_mark)
sima_load
dmesg_since "$mark" | grep -q "keyring_restrict=trusted" ||
	bad "dmesg does not name the default keyring_restrict=trusted"
if keyctl padd asymmetric "" %:.ima <rogue.der >/dev/null 2>"$K/err"; then
	bad "the default keyring took a self-signed key"
else
	grep -q "Required key not available" "$K/err" ||
		bad "self-signed key refused with '$(cat "$K/err")', not ENOKEY"
fi
padd direct && bad "the default keyring took a key of a CA not given"
# .sima_ca holds the builtin and secondary trusted keyrings
ca_ring=$(awk '$9 == ".sima_ca:" { print $1 }' /proc/keys)
[ -n "$ca_ring" ] || bad "no .sima_ca keyring under the default"
linked=$(keyctl rlist "$((0x${ca_ring:-0}))" 2>/dev/null)
for r in .builtin_trusted_keys .secondary_trusted_keys; do
	id=$(awk -v r="$r:" '$9 == r { print $1 }' /proc/keys)
	[ -n "$id" ] || continue
	# shellcheck disable=SC2086
	in_list "$((0x$id))" $linked || bad ".sima_ca does not link $r"
done
sima_unload

sima_load x509_ca="$K/root.der"
padd rogue && bad "self-signed key accepted beside x509_ca="
padd direct || bad "key signed by the x509_ca= CA refused"
padd inter || bad "intermediate CA refused by the default"
padd leaf || bad "key signed by the intermediate refused by the default"
sima_unload

### keys present before a KEY_CHECK rule are measured when it arrives
L=$SIMA_FS/ascii_runtime_measurements
sha() { sha256sum "$1.der" | cut -d' ' -f1; }
entries() {	# KEYRING CERT: list entries of CERT under KEYRING's name
	awk -v n="$1" -v d="sha256:$(sha "$2")" \
		'$5 == n && $4 == d { c++ } END { print c + 0 }' $L
}
sima_load x509_ca="$K/root.der" x509="$K/boot.der"
early=$(keyctl newring sima_e2e_early @u) || fail "keyctl newring"
late=$(keyctl newring sima_e2e_late @u) || fail "keyctl newring"
padd direct || bad "key signed by the CA refused"
keyctl padd asymmetric "" "$early" <rogue.der >/dev/null ||
	fail "keyctl padd to $early"
keyctl padd asymmetric "" "$late" <inter.der >/dev/null ||
	fail "keyctl padd to $late"
echo "dont_measure fsmagic=0x9fa0" >$SIMA_FS/policy ||
	fail "policy load failed"
assert_eq "$(entries .ima boot)" 0 "x509= key measured without a KEY_CHECK rule"
echo "measure func=KEY_CHECK keyrings=.ima|sima_e2e_early" \
	>$SIMA_FS/policy || fail "policy load failed"
assert_eq "$(entries .ima boot)" 1 "x509= key measured on the KEY_CHECK rule"
assert_eq "$(entries .ima direct)" 1 "earlier key on .ima measured"
assert_eq "$(entries sima_e2e_early rogue)" 1 "earlier key on sima_e2e_early measured"
assert_eq "$(entries sima_e2e_late inter)" 0 "key on a keyring no rule names"
echo "measure func=KEY_CHECK keyrings=sima_e2e_late|.ima" \
	>$SIMA_FS/policy || fail "policy load failed"
assert_eq "$(entries sima_e2e_late inter)" 0 \
	"key measured by a later KEY_CHECK rule (only the first takes them)"
assert_eq "$(entries .ima direct)" 1 "key measured twice"
keyctl padd asymmetric "" "$late" <leaf.der >/dev/null ||
	fail "keyctl padd to $late"
assert_eq "$(entries sima_e2e_late leaf)" 1 "key added after the rule measured"
sima_unload
keyctl unlink "$early" @u >/dev/null
keyctl unlink "$late" @u >/dev/null

### the platform keyring signs kexec kernel images, nothing else
if ! grep -q " \.platform: " /proc/keys; then
	log "no .platform keyring on this kernel: skipping the kexec part"
else
	ossl req -x509 -newkey rsa:2048 -nodes -keyout plat.key \
		-out plat.pem -subj /CN=sima-e2e-platform -days 2 \
		-addext subjectKeyIdentifier=hash
	ossl x509 -in plat.pem -outform DER -out plat.der
	cp /sima/kexec/vmlinuz "$W/vmlinuz" || fail "cp vmlinuz"
	cp /sima/kexec/vmlinuz "$W/rogue-vmlinuz" || fail "cp vmlinuz"
	echo >>"$W/rogue-vmlinuz"
	cp /sima/bin/simatest "$W/plat-prog" || fail "cp simatest"
	chown 4243 "$W/plat-prog"
	for f in vmlinuz plat-prog; do
		evmctl ima_sign --key plat.key -a sha256 "$W/$f" >/dev/null 2>&1 ||
			fail "evmctl ima_sign $f"
	done
	evmctl ima_sign --key rogue.key -a sha256 "$W/rogue-vmlinuz" \
		>/dev/null 2>&1 || fail "evmctl ima_sign rogue-vmlinuz"
	kexec_plat() {	# [IMAGE]
		simatest kexec "$W/${1:-vmlinuz}" /sima/kexec/initrd x 2>/dev/null
	}
	kexec_plat || fail "kexec_file_load without sima"
	sima_load x509_ca="$K/root.der"
	printf '%s\n' "appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig" \
		"appraise func=BPRM_CHECK fowner=4243 appraise_type=imasig" \
		>$SIMA_FS/policy || fail "policy load failed"
	testmod_load
	echo "$K/plat.der" >/sys/module/sima_testmod/parameters/platform_cert ||
		fail "cannot put a key on .platform"
	kexec_plat rogue-vmlinuz &&
		bad "kexec image signed by an unknown key loaded"
	kexec_plat || bad "kexec image signed by a .platform key refused"
	"$W/plat-prog" true 2>/dev/null &&
		bad "program signed by a .platform key ran"
	testmod_unload
	kexec_plat && bad "kexec image loaded after its key left .platform"
	sima_unload
fi

for args in keyring_restrict=bogus keyring_restrict=ca "x509=$K/rogue.der" \
	"keyring_restrict=ca x509_ca=$K/root.der x509=$K/rogue.der"; do
	# shellcheck disable=SC2086
	if insmod "$SIMA_KO" $args 2>/dev/null; then
		bad "insmod sima $args succeeded"
		rmmod sima
	fi
done
pass
