#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 57-appraise-order: when appraisal decides, as upstream, in enforce mode:
#   - an open(O_TRUNC) is judged before the truncation: refused, the file
#     keeps every byte; allowed for a good hash label, which the last
#     close rewrites for the new content;
#   - an O_TMPFILE open gets no FILE_CHECK (nothing measured at the open)
#     and its inode is a new file, labelled with its hash at the close;
#   - an executable mapping of a file mapped writable elsewhere is refused
#     (EACCES, type 1800 op=mmap_file cause=mmapped_writers);
#   - a failed appraisal is not cached: each refusal writes its record,
#     and the file runs once its signer's key is in the keyring.
# The same script runs under native IMA (sima_engine=native, distro
# kernel) in a boot of its own, where every outcome must be the same.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

K=$E2E_TMP
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst
mk_cert "$K" k
mk_cert "$K" late

scratch_dir W
own() {	# UID FILE...
	_u=$1
	shift
	chown "$_u" "$@" || fail "chown $*"
}
sign() {	# KEY FILE
	evmctl ima_sign --key "$K/$1.pem" -a sha256 "$2" >/dev/null 2>&1 ||
		fail "evmctl ima_sign $2"
}
label() {	# FILE: its security.ima, in hex
	getfattr -n security.ima -e hex "$1" 2>/dev/null |
		sed -n 's/^security.ima=0x//p'
}
hash_label() {	# FILE: the sha256 hash label of its contents
	echo "0404$(sha256sum "$1" | cut -d' ' -f1)"
}
records() {	# MARK OP CAUSE FILE: type 1800 records since MARK
	dmesg_since "$1" | grep "type=1800" | grep "op=$2" |
		grep "cause=$3" | grep -c "name=\"$4\""
}

# the files, labelled before any rule exists
printf 'signed data\n' >"$W/signed"; sign k "$W/signed"
printf 'hashed data\n' >"$W/hashed"
evmctl ima_hash -a sha256 "$W/hashed" >/dev/null 2>&1 || fail "ima_hash"
printf 'tampered data\n' >"$W/tampered"
evmctl ima_hash -a sha256 "$W/tampered" >/dev/null 2>&1 || fail "ima_hash"
printf 'changed\n' >>"$W/tampered"
own 4246 "$W/signed"
own 4247 "$W/hashed" "$W/tampered"
for f in signed hashed tampered; do
	cp "$W/$f" "$K/$f.pristine"	# root's: no rule covers the copy
done
cp /sima/bin/simatest "$W/mapped"
evmctl ima_hash -a sha256 "$W/mapped" >/dev/null 2>&1 || fail "ima_hash"
own 4248 "$W/mapped"
cp /sima/bin/simatest "$W/late"
echo "# late" >>"$W/late"
sign late "$W/late"
own 4249 "$W/late"
mkdir "$W/tmp" && chmod 1777 "$W/tmp"

engine_start
keyctl padd asymmetric "" "$RING" <"$K/k.der" >/dev/null || fail "padd k"
printf '%s\n' "appraise func=FILE_CHECK fowner=4246 appraise_type=imasig" \
	"appraise func=FILE_CHECK fowner=4247" \
	"appraise func=MMAP_CHECK fowner=4248" \
	"appraise func=BPRM_CHECK fowner=4249 appraise_type=imasig" \
	"measure func=FILE_CHECK fowner=4250" \
	"appraise func=FILE_CHECK fowner=4250" >"$IMA_FS/policy" ||
	fail "policy load"

# ---- O_TRUNC --------------------------------------------------------------
m=$(dmesg_mark)
if (echo x >"$W/signed") 2>/dev/null; then
	bad "O_TRUNC open of a signed file allowed"
fi
cmp -s "$W/signed" "$K/signed.pristine" ||
	bad "refused O_TRUNC open changed the signed file ($(wc -c <"$W/signed") bytes)"
if (echo x >"$W/tampered") 2>/dev/null; then
	bad "O_TRUNC open of a file failing appraisal allowed"
fi
assert_eq "$(records "$m" appraise_data invalid-hash "$W/tampered")" 1 \
	"appraise_data records of the refused O_TRUNC open"
chown 0 "$W/tampered"	# out of the rule's reach, to be read
cmp -s "$W/tampered" "$K/tampered.pristine" ||
	bad "refused O_TRUNC open changed the file ($(wc -c <"$W/tampered") bytes)"
(echo rewritten >"$W/hashed") 2>/dev/null ||
	bad "O_TRUNC open of a well-labelled file refused"
assert_eq "$(cat "$W/hashed")" rewritten "content after the > overwrite"
assert_eq "$(label "$W/hashed")" "$(hash_label "$W/hashed")" \
	"label after the last close"
cat "$W/hashed" >/dev/null 2>&1 || bad "the relabelled file is refused"

# ---- O_TMPFILE ------------------------------------------------------------
before=$(grep -c . "$IMA_FS/ascii_runtime_measurements")
simatest tmpfile-link "$W/tmp" linked 4250 ||
	bad "O_TMPFILE open, write and link refused"
after=$(grep -c . "$IMA_FS/ascii_runtime_measurements")
assert_eq "$after" "$before" "entries measured by the O_TMPFILE open"
assert_eq "$(label "$W/tmp/linked")" "$(hash_label "$W/tmp/linked")" \
	"label of the O_TMPFILE file after its close"
cat "$W/tmp/linked" >/dev/null 2>&1 || bad "the O_TMPFILE file is refused"

# ---- mmapped_writers ------------------------------------------------------
simatest mmap-exec "$W/mapped" || bad "executable mapping refused"
m=$(dmesg_mark)
simatest --expect-errno EACCES mmap-exec-beside-writer "$W/mapped" ||
	bad "executable mapping beside a writable one not refused with EACCES"
assert_eq "$(records "$m" mmap_file mmapped_writers "$W/mapped")" 1 \
	"mmapped_writers records"
simatest mmap-exec "$W/mapped" ||
	bad "executable mapping refused once the writable one is gone"

# ---- failures are not cached ----------------------------------------------
m=$(dmesg_mark)
"$W/late" true 2>/dev/null && bad "program signed by an unknown key ran"
"$W/late" true 2>/dev/null && bad "program signed by an unknown key ran"
assert_eq "$(records "$m" appraise_data invalid-signature "$W/late")" 2 \
	"one record per refusal"
keyctl padd asymmetric "" "$RING" <"$K/late.der" >/dev/null ||
	fail "padd late"
"$W/late" true || bad "refused after its signer's key was added"

pass
