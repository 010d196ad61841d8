#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 46-creds-check: an exec is judged twice, as upstream does: BPRM_CHECK
# with the caller's credentials and CREDS_CHECK with bprm->cred. In 6.1
# security_bprm_check() runs before exec computes the set-uid credentials,
# so bprm->cred still has the caller's ids there: a set-uid-root program
# run by nobody matches neither "func=CREDS_CHECK euid=0" nor
# "func=BPRM_CHECK euid=0" upstream, and must not in sima; a program root
# runs matches both; a CREDS_CHECK rule does not measure opens.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
scratch_dir W
chmod 755 "$W"
cp /sima/bin/simatest "$W/suid"
cp /sima/bin/simatest "$W/plain"
echo "# $W" >>"$W/plain"	# another digest: never de-duplicated
chmod 4755 "$W/suid"
chmod 755 "$W/plain"
nobody() { su -s /bin/sh nobody -c "$*"; }

sima_load
echo "measure func=CREDS_CHECK euid=0" >"$SIMA_FS/policy" ||
	fail "policy load failed"
nobody "$W/suid true" || fail "set-uid program did not run"
assert_eq "$(grep -c " $W/suid\$" $L)" 0 "CREDS_CHECK: set-uid program"
cat "$W/plain" >/dev/null
assert_eq "$(grep -c " $W/plain\$" $L)" 0 "CREDS_CHECK: a read"
"$W/plain" true || fail "plain program did not run as root"
assert_eq "$(grep -c " $W/plain\$" $L)" 1 "CREDS_CHECK: root runs plain"
sima_unload

sima_load
echo "measure func=BPRM_CHECK euid=0" >"$SIMA_FS/policy" ||
	fail "policy load failed"
nobody "$W/suid true" || fail "set-uid program did not run"
assert_eq "$(grep -c " $W/suid\$" $L)" 0 "BPRM_CHECK: set-uid program"
"$W/plain" true || fail "plain program did not run as root"
assert_eq "$(grep -c " $W/plain\$" $L)" 1 "BPRM_CHECK: root runs plain"
sima_unload
pass
