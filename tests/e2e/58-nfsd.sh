#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 58-nfsd: knfsd opens files for its clients with FILE_CHECK, as upstream.
# The guest exports a scratch directory over NFSv4.2 to itself (kernel
# caches filled by hand: no mountd, no rpcbind) and reads it back through
# a loopback mount. A file a measure rule covers gets an entry under its
# path on the server, from knfsd's open; a file an appraise rule refuses
# cannot be opened by the client, and the record names the server's path.
# Kernels without NFSD (the test kernel) skip. Runs under native IMA too
# (sima_engine=native), in a boot of its own.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

modprobe nfsd 2>/dev/null && modprobe nfsv4 2>/dev/null ||
	skip "no NFSD in this kernel"
echo 10000 >/proc/sys/kernel/printk_ratelimit_burst

scratch_dir W
E=$W/export
M=$E2E_TMP/mnt
mkdir -p "$E" "$M"
echo measured >"$E/measured"
chown 4251 "$E/measured"
echo unlabelled >"$E/refused"
chown 4252 "$E/refused"

engine_start
printf '%s\n' "measure func=FILE_CHECK fowner=4251" \
	"appraise func=FILE_CHECK fowner=4252" >"$IMA_FS/policy" ||
	fail "policy load"

# the server: fsid=0 export of $E to 127.0.0.1, rw, no_root_squash
ip link set lo up
mkdir -p /proc/fs/nfsd
mount -t nfsd nfsd /proc/fs/nfsd || fail "mount nfsd"
echo "-3 +4" >/proc/fs/nfsd/versions
echo 10 >/proc/fs/nfsd/nfsv4leasetime
echo 10 >/proc/fs/nfsd/nfsv4gracetime
echo "nfsd 127.0.0.1 2147483647 e2e" >/proc/net/rpc/auth.unix.ip/channel
# flags 9218: NFSEXP_FSID | NFSEXP_NOSUBTREECHECK | NFSEXP_INSECURE_PORT
echo "e2e $E 2147483647 9218 65534 65534 0" \
	>/proc/net/rpc/nfsd.export/channel
echo "e2e 1 \\x00000000 2147483647 $E" >/proc/net/rpc/nfsd.fh/channel
echo 2 >/proc/fs/nfsd/threads
mount -t nfs4 -o vers=4.2,addr=127.0.0.1,clientaddr=127.0.0.1 \
	127.0.0.1:/ "$M" || fail "NFS mount"

entries() {	# PATH: list entries naming PATH (any template)
	awk -v p="$1" '$5 == p' "$IMA_FS/ascii_runtime_measurements" | grep -c .
}

assert_eq "$(cat "$M/measured")" measured "contents read over NFS"
assert_eq "$(entries "$E/measured")" 1 "entries of knfsd's open"
m=$(dmesg_mark)
if cat "$M/refused" >/dev/null 2>&1; then
	bad "a file appraisal refuses was read over NFS"
fi
dmesg_since "$m" | grep "type=1800" | grep "op=appraise_data" |
	grep -q "name=\"$E/refused\"" ||
	bad "no appraise_data record for knfsd's open of $E/refused"

umount "$M" || bad "umount"
echo 0 >/proc/fs/nfsd/threads
engine_stop
pass
