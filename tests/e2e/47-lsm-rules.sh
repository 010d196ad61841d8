#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 47-lsm-rules: obj_*/subj_* conditions go to the active LSM, as upstream.
# A label the LSM does not accept is refused (EINVAL) while the boot
# policy is active, and accepted but inactive (never matching, left out of
# the read-back) once a custom policy is. Where AppArmor is the active LSM
# (the distro kernel), subj_role= matches the task's profile: unconfined
# tasks match subj_role=unconfined.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
L=$SIMA_FS/ascii_runtime_measurements
lsms=$(cat $SIMA_SECFS/lsm 2>/dev/null)
label=$(cat /proc/self/attr/apparmor/current 2>/dev/null)
scratch_dir W

# The test kernel's SELinux has no policy loaded and AppArmor accepts only
# subj_role=: obj_type= is unknown to both.
sima_load
if printf '%s\n' "measure func=FILE_CHECK obj_type=sima_e2e_t" >"$P" 2>/dev/null; then
	bad "unknown LSM label accepted while the boot policy is active"
fi
echo "measure func=FILE_CHECK mask=MAY_READ fsname=ext4 uid=1" >"$P" ||
	fail "policy load failed"
printf '%s\n' "measure func=FILE_CHECK mask=MAY_READ obj_type=sima_e2e_t" \
	>"$P" || bad "unknown LSM label refused once a custom policy is active"
# as upstream, a rule with an inactive label is left out of the read-back
assert_eq "$(cat "$P")" "measure func=FILE_CHECK mask=MAY_READ fsname=ext4 uid=1 " \
	"read-back with a rule with an inactive label"
echo data >"$W/inactive"
cat "$W/inactive" >/dev/null
assert_eq "$(grep -c " $W/inactive\$" $L)" 0 "inactive label matched"
sima_unload

case ",$lsms," in
*,apparmor,*) ;;
*) log "AppArmor not active ($lsms): subj_role matching not tested"; pass ;;
esac
[ "$label" = unconfined ] || skip "shell runs confined: '$label'"

sima_load
printf '%s\n' "measure func=FILE_CHECK mask=MAY_READ subj_role=unconfined fsname=ext4" \
	>"$P" || fail "subj_role=unconfined refused"
# no such profile: refused by AppArmor, so only inactive in a custom policy
printf '%s\n' "measure func=FILE_CHECK mask=MAY_READ subj_role=sima_e2e_profile fsname=tmpfs" \
	>"$P" || fail "subj_role=sima_e2e_profile refused in a custom policy"
assert_eq "$(cat "$P")" \
	"measure func=FILE_CHECK mask=MAY_READ fsname=ext4 subj_role=unconfined " \
	"subj_role read-back"
echo data >"$W/confined"
cat "$W/confined" >/dev/null
assert_eq "$(grep -c " $W/confined\$" $L)" 1 "subj_role=unconfined"
echo data >/tmp/e2e-lsm
cat /tmp/e2e-lsm >/dev/null
assert_eq "$(grep -c " /tmp/e2e-lsm\$" $L)" 0 "subj_role=sima_e2e_profile"
sima_unload
pass
