#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once) the sima test kernel from Debian's linux-source-6.1 with the
# qemu/kernel.config fragment, and prepare it for out-of-tree module builds.
# The result lives outside the clone, keyed on the fragment and the source
# version: $SIMA_CACHE/kernels/<key>/{bzImage,build/}. Prints that directory.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SIMA_CACHE:-$HOME/.cache/sima}
tarball=/usr/src/linux-source-6.1.tar.xz
frag=$top/qemu/kernel.config

[ -f "$tarball" ] || { echo "kernel-test: $tarball missing (run scripts/deps.sh)" >&2; exit 1; }

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
# Bump RECIPE when a change to this script must rebuild the kernel.
RECIPE=1
key=$( (echo "$srcver $RECIPE"; cat "$frag") | sha256sum | cut -c1-16)
dir=$cache/kernels/$key
log() { echo "kernel-test: $*" >&2; }

if [ -f "$dir/done" ]; then
	echo "$dir"
	exit 0
fi

# One builder at a time; a second caller waits for the first.
mkdir -p "$cache/kernels"
exec 9>"$cache/kernels/.lock"
flock 9
if [ -f "$dir/done" ]; then
	echo "$dir"
	exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
log "extracting linux-source $srcver into $dir"
tar -xJf "$tarball" -C "$dir"
mv "$dir"/linux-source-6.1 "$dir/build"
cd "$dir/build"

make -s x86_64_defconfig >&2
make -s kvm_guest.config >&2
scripts/kconfig/merge_config.sh -m .config "$frag" >/dev/null
make -s olddefconfig >&2

# merge_config silently drops options whose dependencies are unmet.
missing=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" .config || { log "option not set: $line"; missing=1; }
		;;
	"# CONFIG_"*" is not set")
		opt=${line#\# }; opt=${opt%% *}
		! grep -q "^$opt=" .config || { log "option still set: $opt"; missing=1; }
		;;
	esac
done <"$frag"
[ $missing -eq 0 ] || { log "config fragment not honoured"; exit 1; }

jobs=$(nproc)
log "building bzImage with -j$jobs (about 10-25 minutes on 2 cores); log: $dir/build.log"
start=$(date +%s)
make -j"$jobs" bzImage >"$dir/build.log" 2>&1 &
pid=$!
while kill -0 $pid 2>/dev/null; do
	sleep 30
	n=$(grep -c '^  CC ' "$dir/build.log" || true)
	log "  $(( ($(date +%s) - start) / 60 )) min, $n objects compiled"
done
if ! wait $pid; then
	tail -30 "$dir/build.log" >&2
	log "kernel build failed"
	exit 1
fi
make -j"$jobs" modules_prepare >>"$dir/build.log" 2>&1
cp vmlinux.symvers Module.symvers
cp arch/x86/boot/bzImage "$dir/bzImage"
# Drop objects out-of-tree builds do not need: keeps the cache small.
find . -name '*.o' ! -path './scripts/*' ! -path './tools/*' -delete
rm -f vmlinux.o
touch "$dir/done"
log "done in $(( ($(date +%s) - start) / 60 )) min: $dir"
echo "$dir"
