#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 55-verity: digest_type=verity and appraise_type=sigv3, as upstream 6.1.
# Files live on a loop-mounted ext4 made with -O verity (4 KiB blocks: 6.1
# needs fs-verity blocks of a page); Debian's fsverity tool enables
# fs-verity on them and computes their digests. One policy (native IMA
# takes one per boot), each case its own fowner:
#	measure func=FILE_CHECK mask=MAY_READ fowner=4250 pcr=12
#		digest_type=verity template=ima-ngv2
#	measure func=FILE_CHECK mask=MAY_READ fowner=4251 pcr=12
#		template=ima-ngv2
#	measure func=BPRM_CHECK fowner=4251 pcr=13 digest_type=verity
#		template=ima-ngv2
#	appraise func=BPRM_CHECK fowner=4252 digest_type=verity
#		appraise_type=sigv3
#	audit func=FILE_CHECK mask=MAY_READ fowner=4253 digest_type=verity
# Checks: a verity file's entry is d-ngv2 "verity:sha256:" with the digest
# "fsverity digest" computes; a file without fs-verity is not measured and
# gets a collect_data record with cause=no-verity-digest; an audit rule
# logs the fs-verity digest; a sigv3 (type 6) signature over upstream's
# ima_file_id passes, and a signature by an unknown key or over another
# digest, a missing one, a type 3 one and a file without fs-verity are
# refused with EACCES and the cause upstream gives.
# Type 6 signatures: ima-evm-utils 1.4 (Debian 12) has no --veritysig, so
# the ima_file_id { 6, HASH_ALGO_SHA256 (4), digest } is hashed with
# sha256sum, "evmctl sign_hash" signs that hash as a v2 signature
# (03 02 ...), and its header becomes 06 03, what evmctl 1.5 writes.
# With sima_engine=native on the distro kernel's command line the same
# cases run against native IMA. One difference is checked: a file measured
# by a plain rule and then by a verity rule (fowner 4251) gets the right
# digest for each from sima; 6.1 keeps one digest per inode and lists the
# content hash as "verity:" for the second rule.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

[ "$SIMA_ENGINE" != native ] || [ "$SIMA_KERNEL" = distro ] ||
	skip "native IMA runs on the distro kernel"
FS=$SIMA_SECFS/ima
[ "$SIMA_ENGINE" = native ] || FS=$SIMA_FS
P=$FS/policy
L=$FS/ascii_runtime_measurements
K=$E2E_TMP
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst
command -v fsverity >/dev/null || fail "no fsverity tool in the guest"
[ -x /usr/sbin/mke2fs ] || fail "no e2fsprogs mke2fs in the guest"

mk_cert "$K" k
mk_cert "$K" other

# ---- a verity-capable ext4 ------------------------------------------------
scratch_dir S
M=$K/mnt
mkdir -p "$M"
dd if=/dev/zero of="$S/verity.img" bs=1M count=0 seek=64 2>/dev/null ||
	fail "cannot create the image"
/usr/sbin/mke2fs -q -F -t ext4 -b 4096 -O verity "$S/verity.img" ||
	fail "mke2fs -O verity failed"
mount -o loop "$S/verity.img" "$M" || fail "cannot mount the verity image"
# shellcheck disable=SC2154 # _rc is set inside the trap
trap '_rc=$?; umount "$M" 2>/dev/null; (exit $_rc); _e2e_cleanup' EXIT
W=$M

prog() {	# NAME OWNER: a program with distinct contents
	cp /sima/bin/simatest "$W/$1" || fail "cp $1"
	echo "# $1" >>"$W/$1"
	chmod 755 "$W/$1"
	chown "$2" "$W/$1"
}
venable() {	# NAME
	fsverity enable "$W/$1" || fail "fsverity enable $1"
}
vdigest() {	# NAME: the fs-verity digest, hex
	fsverity digest --compact "$W/$1" || fail "fsverity digest $1"
}
filehash() {	# NAME: sha256 of the contents
	sha256sum "$W/$1" | cut -c1-64
}
# sigv3 KEY NAME [DIGEST-OF]: a type 6 signature of NAME's fs-verity
# digest (or DIGEST-OF's) by KEY
sigv3() {
	_d=$(vdigest "${3:-$2}")
	_h=$(printf '0604%s' "$_d" | xxd -r -p | sha256sum | cut -c1-64)
	_s=$(echo "$_h  $2" | evmctl sign_hash --key "$K/$1.pem" -a sha256 \
		2>/dev/null | awk '{ print $3 }')
	case $_s in
	030204*) ;;
	*) fail "evmctl sign_hash: '$_s'" ;;
	esac
	setfattr -n security.ima -v "0x0603${_s#0302}" "$W/$2" ||
		fail "setfattr $2"
}
runs() { "$W/$1" true 2>/dev/null; }
# refused NAME OP CAUSE RECORD-NAME: exec fails with EACCES and a type 1800
# record says why
refused() {
	_m=$(dmesg_mark)
	if simatest --expect-errno EACCES exec "$W/$1" true 2>"$K/err"; then
		:
	else
		bad "$1: not refused with EACCES: $(cat "$K/err")"
	fi
	dmesg_since "$_m" | grep "type=1800" | grep "op=$2" |
		grep "cause=$3" | grep -q "name=\"$4\"" ||
		bad "$1: no $2 record with cause=$3"
}
# entry PCR NAME: the d-ngv2 field of NAME's ima-ngv2 entry in PCR
entry() {
	awk -v p="$1" -v n="$W/$2" '$1 == p && $3 == "ima-ngv2" &&
		$5 == n { print $4 }' "$L"
}

# ---- the files --------------------------------------------------------------
prog vmeasured 4250; venable vmeasured
prog plain 4250
prog mixed 4251; venable mixed
prog vaudited 4253; venable vaudited
prog good 4252; venable good; sigv3 k good
prog otherkey 4252; venable otherkey; sigv3 other otherkey
prog wrongdigest 4252; venable wrongdigest; sigv3 k wrongdigest good
prog nosig 4252; venable nosig
prog imasig 4252; venable imasig
evmctl ima_sign --key "$K/k.pem" -a sha256 "$W/imasig" >/dev/null 2>&1 ||
	fail "evmctl ima_sign imasig"
prog noverity 4252; sigv3 k noverity
[ "$(fsverity measure "$W/good" | cut -d' ' -f1)" = "sha256:$(vdigest good)" ] ||
	fail "fsverity measure and fsverity digest disagree"

engine_start
keyctl padd asymmetric "" "$RING" <"$K/k.der" >/dev/null || fail "padd"
printf '%s\n' \
	"measure func=FILE_CHECK mask=MAY_READ fowner=4250 pcr=12 digest_type=verity template=ima-ngv2" \
	"measure func=FILE_CHECK mask=MAY_READ fowner=4251 pcr=12 template=ima-ngv2" \
	"measure func=BPRM_CHECK fowner=4251 pcr=13 digest_type=verity template=ima-ngv2" \
	"appraise func=BPRM_CHECK fowner=4252 digest_type=verity appraise_type=sigv3" \
	"audit func=FILE_CHECK mask=MAY_READ fowner=4253 digest_type=verity" \
	>"$P" || fail "policy load"

# ---- measurement ------------------------------------------------------------
cat "$W/vmeasured" >/dev/null || bad "vmeasured unreadable"
assert_eq "$(entry 12 vmeasured)" "verity:sha256:$(vdigest vmeasured)" \
	"verity file's d-ngv2"
m=$(dmesg_mark)
cat "$W/plain" >/dev/null || bad "a file without fs-verity is unreadable"
assert_eq "$(entry 12 plain)" "" "entry of a file without fs-verity"
dmesg_since "$m" | grep "type=1800" | grep "op=collect_data" |
	grep "cause=no-verity-digest" | grep -q 'name="plain"' ||
	bad "plain: no collect_data record with cause=no-verity-digest"

# one file, a plain rule then a verity rule
cat "$W/mixed" >/dev/null || bad "mixed unreadable"
runs mixed || bad "mixed does not run"
assert_eq "$(entry 12 mixed)" "ima:sha256:$(filehash mixed)" \
	"mixed: plain rule's d-ngv2"
if [ "$SIMA_ENGINE" = native ]; then
	assert_eq "$(entry 13 mixed)" "verity:sha256:$(filehash mixed)" \
		"mixed: 6.1 lists the content hash as verity"
else
	assert_eq "$(entry 13 mixed)" "verity:sha256:$(vdigest mixed)" \
		"mixed: verity rule's d-ngv2"
fi

# ---- audit ------------------------------------------------------------------
m=$(dmesg_mark)
cat "$W/vaudited" >/dev/null || bad "vaudited unreadable"
dmesg_since "$m" | grep "type=1805" |
	grep -q "hash=\"sha256:$(vdigest vaudited)\"" ||
	bad "vaudited: no type 1805 record with its fs-verity digest"

# ---- appraisal --------------------------------------------------------------
runs good || bad "sigv3-signed verity program refused"
runs good || bad "sigv3-signed verity program refused the second time"
refused otherkey appraise_data invalid-verity-signature "$W/otherkey"
refused wrongdigest appraise_data invalid-verity-signature "$W/wrongdigest"
refused nosig appraise_data verity-signature-required "$W/nosig"
refused imasig appraise_data verity-signature-required "$W/imasig"
refused noverity collect_data no-verity-digest noverity

umount "$M" || fail "cannot unmount the verity image"
engine_stop
pass
