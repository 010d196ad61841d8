#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once) the sima test kernel of a series from Debian's linux-source
# package with the qemu/kernel.config fragment (plus the series' addition,
# see scripts/kernels.sh), and prepare it for out-of-tree module builds.
# The result lives outside the clone, keyed on the source version, the
# fragments and the make variables: $SIMA_CACHE/kernels/<key>/{bzImage,build/}.
# Prints that directory.
#   scripts/kernel-test.sh [SERIES]     (default 6.1)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernels.sh"
series=${1:-6.1}
kernel_series "$series"
cache=${SIMA_CACHE:-$HOME/.cache/sima}
tarball=$KSRC_TARBALL
frags=("$top/qemu/kernel.config")
[ -z "$KFRAG_ADD" ] || frags+=("$top/qemu/$KFRAG_ADD")
read -r -a makevars <<<"$KMAKE_VARS"
log() { echo "kernel-test: $*" >&2; }

[ -f "$tarball" ] || { log "$tarball missing (run scripts/deps.sh)"; exit 1; }

srcver=$(dpkg-query -W -f='${Version}' "$KSRC_PKG")
# Bump RECIPE when a change to this script must rebuild the kernel. The
# series is in the source version; 6.1 hashes exactly what it always did.
RECIPE=1
key=$( (echo "$srcver $RECIPE"; cat "${frags[@]}"
	[ -z "$KMAKE_VARS" ] || echo "make $KMAKE_VARS") | sha256sum | cut -c1-16)
dir=$cache/kernels/$key

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
log "extracting $KSRC_PKG $srcver into $dir"
tar -xJf "$tarball" -C "$dir"
mv "$dir/$KSRC_PKG" "$dir/build"
cd "$dir/build"

# Options the fragments name must exist in this tree: a "not set" line for
# a vanished option would otherwise pass unnoticed. The series' addition
# lists the ones it knows are gone ("# retired: CONFIG_X ...").
missing=0
retired=$(sed -n 's/^# retired: \(CONFIG_[A-Z0-9_]*\).*/\1/p' "${frags[@]}")
while read -r opt; do
	grep -rqE "^[[:space:]]*(menu)?config ${opt#CONFIG_}[[:space:]]*$" \
		--include='Kconfig*' . && continue
	grep -qxF "$opt" <<<"$retired" && continue
	log "option unknown to $KSRC_PKG: $opt"
	missing=1
done < <(grep -ohE '^(# )?CONFIG_[A-Z0-9_]+' "${frags[@]}" | sed 's/^# //' | sort -u)
[ $missing -eq 0 ] || { log "config fragment names unknown options"; exit 1; }

make -s x86_64_defconfig >&2
make -s kvm_guest.config >&2
scripts/kconfig/merge_config.sh -m .config "${frags[@]}" >/dev/null
make -s olddefconfig >&2

# merge_config silently drops options whose dependencies are unmet.
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
done < <(cat "${frags[@]}")
[ $missing -eq 0 ] || { log "config fragment not honoured"; exit 1; }

jobs=$(nproc)
log "building $series bzImage with -j$jobs${KMAKE_VARS:+ $KMAKE_VARS} (6.1: about 10-25 minutes on 2 idle cores); log: $dir/build.log"
log "  load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
make -j"$jobs" "${makevars[@]}" bzImage >"$dir/build.log" 2>&1 &
pid=$!
while kill -0 $pid 2>/dev/null; do
	sleep 30
	n=$(grep -c '^  CC ' "$dir/build.log" || true)
	log "  $(( ($(date +%s) - start) / 60 )) min, $n objects compiled, load $(cut -d' ' -f1 /proc/loadavg)"
done
if ! wait $pid; then
	tail -30 "$dir/build.log" >&2
	log "kernel build failed"
	exit 1
fi
make -j"$jobs" "${makevars[@]}" modules_prepare >>"$dir/build.log" 2>&1
cp vmlinux.symvers Module.symvers
cp arch/x86/boot/bzImage "$dir/bzImage"
# Drop objects out-of-tree builds do not need: keeps the cache small.
find . -name '*.o' ! -path './scripts/*' ! -path './tools/*' -delete
rm -f vmlinux.o
touch "$dir/done"
log "done in $(( ($(date +%s) - start) / 60 )) min: $dir"
echo "$dir"
