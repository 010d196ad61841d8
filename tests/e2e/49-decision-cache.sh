#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 49-decision-cache: each CPU reuses its last policy decision when an
# access has the same facts (src/policy/policy.c,
# sima_policy_untouched()). One task
# pinned to one CPU (simatest open-seq) makes two accesses back to back
# that differ in exactly one fact a rule tests -- uid, gid, mask,
# filesystem, file owner, file group, or the policy itself (a load in
# between) -- and the second must be decided on its own facts: measured
# when its rule says so, not when only the first's did.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

L=$SIMA_FS/ascii_runtime_measurements
P=$SIMA_FS/policy
NOBODY=65534

measured() { awk -v n="$1" '$5 == n { f = 1 } END { exit !f }' $L; }
want() {	# yes|no FILE WHY
	if measured "$2"; then
		[ "$1" = yes ] || bad "$3: $2 measured"
	else
		[ "$1" = no ] || bad "$3: $2 not measured"
	fi
}
only() {	# POLICY-LINE: a fresh sima with that one rule
	sima_load
	echo "$1" >$P || fail "policy '$1' refused"
}
oseq() { simatest open-seq "$@" || bad "open-seq $* failed"; }

scratch_dir W
tmp_dir T
for f in d1 d2 u1 u2 v1 v2 g1 g2 m1 m2 s2 o1 o2 f1 f2 p1; do
	mk_file "$W/$f"
	chmod 666 "$W/$f"
done
mk_file "$T/s1"
chmod 644 "$T/s1"
chown 1000 "$W/o2"
chgrp 1000 "$W/f2"

### the same facts twice: a decision to measure is reused as one
only "measure func=FILE_CHECK uid=0"
oseq "r:$W/d1" "r:$W/d2"
want yes "$W/d1" "uid=0, read by root"
want yes "$W/d2" "uid=0, read by root right after another"
sima_unload

### uid: root's decision is not nobody's, either way
only "measure func=FILE_CHECK uid=0"
oseq "r:$W/u1" "uid:$NOBODY" "r:$W/u2"
want yes "$W/u1" "uid=0, read by root"
want no "$W/u2" "uid=0, read by nobody right after root"
sima_unload
only "measure func=FILE_CHECK uid=$NOBODY"
oseq "r:$W/v1" "uid:$NOBODY" "r:$W/v2"
want no "$W/v1" "uid=$NOBODY, read by root"
want yes "$W/v2" "uid=$NOBODY, read by nobody right after root"
sima_unload

### gid
only "measure func=FILE_CHECK gid=$NOBODY"
oseq "r:$W/g1" "gid:$NOBODY" "r:$W/g2"
want no "$W/g1" "gid=$NOBODY, read with gid 0"
want yes "$W/g2" "gid=$NOBODY, read with gid $NOBODY right after"
sima_unload

### mask
only "measure func=FILE_CHECK mask=MAY_WRITE"
oseq "r:$W/m1" "w:$W/m2"
want no "$W/m1" "mask=MAY_WRITE, read"
want yes "$W/m2" "mask=MAY_WRITE, written right after a read"
sima_unload

### filesystem: tmpfs, then ext4
only "measure func=FILE_CHECK fsmagic=0xef53"
oseq "r:$T/s1" "r:$W/s2"
want no "$T/s1" "fsmagic=ext4, a tmpfs file"
want yes "$W/s2" "fsmagic=ext4, an ext4 file right after a tmpfs one"
sima_unload

### file owner and group
only "measure func=FILE_CHECK fowner=1000"
oseq "r:$W/o1" "r:$W/o2"
want no "$W/o1" "fowner=1000, a root file"
want yes "$W/o2" "fowner=1000, its file right after a root file"
sima_unload
only "measure func=FILE_CHECK fgroup=1000"
oseq "r:$W/f1" "r:$W/f2"
want no "$W/f1" "fgroup=1000, a root file"
want yes "$W/f2" "fgroup=1000, its file right after a root file"
sima_unload

### a policy load between two identical accesses
only "measure func=FILE_CHECK uid=4242"
oseq "pol:$P" "r:$W/p1" "rule:measure func=FILE_CHECK uid=0" load "r:$W/p1"
want yes "$W/p1" "read again right after a load that measures it"
sima_unload

pass
