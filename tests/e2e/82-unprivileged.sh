#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 82-unprivileged: an unprivileged user can neither read nor write any of
# sima's securityfs files, nor write any module parameter, with sima
# unlocked or locked: every attempt fails and changes nothing.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

as_nobody() {	# CMD: run CMD through sh as user nobody
	su -s /bin/sh nobody -c "$1" 2>/dev/null
}

sima_load
files=$(find "$SIMA_FS" -type f)
[ -n "$files" ] || fail "no files under $SIMA_FS"
n=0
for f in $files; do
	as_nobody "cat $f >/dev/null" && bad "nobody read $f"
	as_nobody "echo x >$f" && bad "nobody wrote $f"
	n=$((n + 1))
done
count=$(cat "$SIMA_FS/runtime_measurements_count")
for p in /sys/module/sima/parameters/*; do
	v=$(cat "$p")
	as_nobody "echo 1 >$p" && bad "nobody wrote $p"
	assert_eq "$(cat "$p")" "$v" "$p after nobody's write"
	n=$((n + 1))
done
assert_eq "$(cat "$SIMA_FS/policy")" "" "policy after nobody's writes"
assert_eq "$(cat "$SIMA_FS/runtime_measurements_count")" "$count" \
	"list length after nobody's attempts"
log "$n files and parameters refused to user nobody"
sima_unload
pass
