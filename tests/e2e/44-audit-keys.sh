#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 44-audit-keys: the audit action writes one type 1805 record per file
# version (file= and hash= as upstream) and measures nothing;
# integrity_audit=1 adds a 1804 add_template_measure record per entry;
# KEY_CHECK measures a certificate added to a keyring named by keyrings=
# as an ima-buf entry named after the keyring (the payload as buf), and
# nothing for other keyrings or for non-asymmetric keys.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
echo 1000 >/proc/sys/kernel/printk_ratelimit_burst

### audit rules
sima_load
printf '%s\n' "audit func=FILE_CHECK mask=MAY_READ" >"$SIMA_FS/policy" ||
	fail "policy load failed"
scratch_dir W
echo "audit me" >"$W/a"
mark=$(dmesg_mark)
cat "$W/a" >/dev/null
cat "$W/a" >/dev/null
h=$(sha256sum "$W/a" | cut -d' ' -f1)
n=$(dmesg_since "$mark" | grep "type=1805" | grep -c "file=\"$W/a\" hash=\"sha256:$h\"")
assert_eq "$n" 1 "1805 records for a file read three times"
dmesg_since "$mark" | grep "type=1805" | grep -q " uid=0 .* comm=\"cat\" exe=" ||
	bad "1805 record lacks the task fields"
assert_eq "$(grep -c " $W/a\$" $L)" 0 "audit rule measured the file"
echo "changed" >"$W/a"
h=$(sha256sum "$W/a" | cut -d' ' -f1)
cat "$W/a" >/dev/null
n=$(dmesg_since "$mark" | grep "type=1805" | grep -c "hash=\"sha256:$h\"")
assert_eq "$n" 1 "1805 record after a change"
sima_unload

### integrity_audit=1: every new entry is audited
sima_load integrity_audit=1 ima_policy=tcb
mark=$(dmesg_mark)
echo x >"$W/b"
cat "$W/b" >/dev/null
dmesg_since "$mark" | grep "type=1804" | grep "op=add_template_measure" |
	grep "cause=hash_added" | grep -q "name=\"$W/b\"" ||
	bad "no add_template_measure record with integrity_audit=1"
sima_unload

### KEY_CHECK
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$E2E_TMP/k.pem" \
	-subj /CN=sima-e2e -outform DER -out "$E2E_TMP/c.der" -days 2 \
	>/dev/null 2>&1 || fail "openssl could not make a certificate"
h=$(sha256sum "$E2E_TMP/c.der" | cut -d' ' -f1)
hex=$(od -An -v -tx1 "$E2E_TMP/c.der" | tr -d ' \n')
sima_load
printf '%s\n' "measure func=KEY_CHECK keyrings=sima_e2e_ring|other" \
	>"$SIMA_FS/policy" || fail "policy load failed"
keys0=$(hook_count key_post_create_or_update)
ring=$(keyctl newring sima_e2e_ring @u) || fail "keyctl newring"
other=$(keyctl newring sima_e2e_other @u) || fail "keyctl newring"
keyctl padd asymmetric "" "$ring" <"$E2E_TMP/c.der" >/dev/null ||
	fail "keyctl padd asymmetric"
keyctl padd asymmetric "" "$other" <"$E2E_TMP/c.der" >/dev/null ||
	fail "keyctl padd asymmetric (other ring)"
keyctl add user sima_e2e_user "secret" "$ring" >/dev/null ||
	fail "keyctl add user"
# asymmetric keys only reach the engine
assert_eq "$(($(hook_count key_post_create_or_update) - keys0))" 2 \
	"key_post_create_or_update events"
line=$(grep " sima_e2e_ring " $L)
assert_eq "$(echo "$line" | cut -d' ' -f3)" ima-buf "key template"
assert_eq "$(echo "$line" | cut -d' ' -f4)" "sha256:$h" "key digest"
assert_eq "$(echo "$line" | cut -d' ' -f6)" "$hex" "key buf"
assert_eq "$(grep -c " sima_e2e_other " $L)" 0 "key on an unnamed keyring"
assert_eq "$(grep -c "$(printf secret | od -An -tx1 | tr -d ' \n')" $L)" 0 \
	"user key measured"
keyctl unlink "$ring" @u >/dev/null
keyctl unlink "$other" @u >/dev/null
sima_unload
pass
