#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 83-exhaustion: outsized input is refused or absorbed, never fatal.
#   - a 1 MiB write with no newline is refused (EINVAL), the policy is
#     unchanged and the next transaction works
#   - a 5000-rule policy file loads and reads back, and 300 one-rule
#     transactions append; exec and open still work
#   - flooding the list with 3000 new measurements: every one is counted,
#     the ASCII list has one line per entry, and unload frees it all
#     (85-leaks checks the memory)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

P=$SIMA_FS/policy
scratch_dir W

sima_load
echo "measure func=BPRM_CHECK" >"$P" || fail "first policy load"
before=$(cat "$P")

head -c 1048576 /dev/zero | tr '\0' 'a' >"$E2E_TMP/huge"
if cat "$E2E_TMP/huge" >"$P" 2>"$E2E_TMP/err"; then
	bad "a 1 MiB line was accepted"
fi
grep -q 'Invalid argument' "$E2E_TMP/err" ||
	bad "1 MiB line: not EINVAL: $(cat "$E2E_TMP/err")"
assert_eq "$(cat "$P")" "$before" "policy after the refused write"

i=0
while [ $i -lt 5000 ]; do
	echo "dont_measure fowner=$((100000 + i))"
	i=$((i + 1))
done >"$E2E_TMP/big"
# by path: a write is parsed rule by rule, so cat would split a rule at
# its buffer's end, with upstream as with sima
echo "$E2E_TMP/big" >"$P" || fail "5000-rule policy file refused"
i=0
while [ $i -lt 300 ]; do
	echo "dont_measure fowner=$((200000 + i))" >"$P" ||
		fail "append $i refused"
	i=$((i + 1))
done
assert_eq "$(grep -c . "$P")" 5301 "rules read back"
simatest exec /sima/bin/simatest true || bad "exec with 5301 rules"
simatest open-read /sima/bin/simatest || bad "open with 5301 rules"
sima_unload

sima_load
echo "measure func=FILE_CHECK mask=MAY_READ fowner=4246" >"$P" ||
	fail "policy load"
n0=$(cat "$SIMA_FS/runtime_measurements_count")
i=0
while [ $i -lt 3000 ]; do
	echo "$i" >"$W/f$i"
	i=$((i + 1))
done
chown 4246 "$W"/f*
cat "$W"/f* >/dev/null
n1=$(cat "$SIMA_FS/runtime_measurements_count")
# "0".."2999" are 3000 distinct contents, so 3000 distinct entries
assert_eq $((n1 - n0)) 3000 "entries added by 3000 new files"
assert_eq "$(grep -c . "$SIMA_FS/ascii_runtime_measurements")" "$n1" \
	"ASCII lines vs the count"
sima_unload
pass
