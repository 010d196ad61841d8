#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once) the cached base initramfs for the sima QEMU harness and print
# its path. The base holds what does not change between test runs: busybox
# with all applet links, host tools with their shared libraries, and for the
# distro kernel the modules needed to reach the virtio disk and ext4 (plus a
# few hash/loop modules the tests ask for) with a modules.dep made by depmod.
# /init, sima's modules, the tests and the guest script are NOT in here:
# qemu/run appends them per run as a second cpio archive.
#
# Usage: qemu/initramfs.sh FLAVOUR ...   (flavours: scripts/kernels.sh)
#        qemu/initramfs.sh TEST-FLAVOUR KVER [KBUILD]
#               test kernels: all built in; KBUILD's modules.builtin makes
#               modprobe of a built-in driver succeed
#        qemu/initramfs.sh DISTRO-FLAVOUR [KVER]
#               Debian kernels, default: the one scripts/distro-kernel.sh
#               names for the flavour's series
# Output: $SIMA_CACHE/initramfs/<key>/base.cpio.gz (SIMA_CACHE defaults to
# ~/.cache/sima); <key> hashes this script, the flavour, the kernel version,
# and path/size/mtime of every file copied in, so a tool upgrade rebuilds it.
# Compressed distro modules (.ko.xz, 6.12) are stored decompressed: busybox
# modprobe and the guest's boot time both prefer plain .ko.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SIMA_CACHE:-$HOME/.cache/sima}/initramfs
self=$top/qemu/initramfs.sh

log() { echo "initramfs: $*" >&2; }
die() { log "$*"; exit 1; }

. "$top/scripts/kernels.sh"
usage="usage: $0 TEST-FLAVOUR KVER [KBUILD] | DISTRO-FLAVOUR [KVER]"
kernel_flavour "${1:-}" || die "$usage"
flavour=$KFLAVOUR
kver=${2:-}
moddir=
case "$KKIND" in
test)
	[ -n "$kver" ] || die "$usage"
	moddir=${3:-}
	;;
distro)
	eval "$("$top/scripts/distro-kernel.sh" "$KSERIES")"
	kver=${kver:-$DISTRO_KVER}
	moddir=/lib/modules/$kver
	[ -f "$moddir/modules.dep" ] || die "$moddir/modules.dep missing"
	;;
esac

# Host tools: name -> destination directory in the guest.
tools=(
	/usr/bin/evmctl:usr/bin
	/usr/bin/keyctl:usr/bin
	/usr/bin/getfattr:usr/bin
	/usr/bin/setfattr:usr/bin
	/usr/bin/openssl:usr/bin
	/usr/bin/tpm2:usr/bin
	/usr/bin/kmod:bin
	/usr/bin/bash:bin
	/usr/bin/fsverity:usr/bin
	/usr/sbin/mke2fs:usr/sbin
)
optional_tools=(/usr/sbin/getcap:usr/sbin /usr/sbin/setcap:usr/sbin /usr/sbin/getpcaps:usr/sbin)
# tpm2-tools: every tpm2_* is a symlink to the one tpm2 binary.
tpm2_links=(tpm2_pcrread tpm2_pcrextend tpm2_pcrreset tpm2_getcap tpm2_eventlog
	tpm2_getrandom tpm2_startup tpm2_selftest tpm2_quote tpm2_checkquote
	tpm2_createprimary tpm2_create tpm2_load tpm2_evictcontrol tpm2_flushcontext
	tpm2_readpublic tpm2_nvdefine tpm2_nvread tpm2_nvwrite tpm2_nvundefine
	tpm2_clear tpm2_hash tpm2_print)
kmod_links=(sbin/modprobe sbin/insmod sbin/rmmod sbin/lsmod sbin/depmod sbin/modinfo)
# Loaded dynamically, so ldd does not list them.
dlopen_libs=(
	/usr/lib/x86_64-linux-gnu/libtss2-tcti-device.so.0
	/usr/lib/x86_64-linux-gnu/ossl-modules/legacy.so
)
data_files=(/etc/ssl/openssl.cnf)
# Distro kernel modules (their dependencies and softdeps come along), by
# names both series know; a built-in one (6.12: virtio_pci, sha512_generic,
# sha3_generic) just needs modules.builtin.
# /init loads the first group at boot; the rest load on demand through
# request_module() (kernel -> /sbin/modprobe) or from a test.
boot_modules=(virtio_pci virtio_blk ext4 loop)
extra_modules=(overlay sha512_generic sha3_generic rmd160 wp512 streebog_generic
	xxhash_generic nfsd nfsv4)

for t in "${tools[@]}"; do
	[ -x "${t%%:*}" ] || die "${t%%:*} missing (apt-get install ima-evm-utils keyutils attr openssl tpm2-tools kmod fsverity e2fsprogs)"
done
[ -x /bin/busybox ] || die "/bin/busybox missing (apt-get install busybox-static)"
ldd /bin/busybox >/dev/null 2>&1 && die "/bin/busybox is dynamic; install busybox-static"

# Everything copied from the host, for the cache key and the copy step.
host_files=(/bin/busybox)
for t in "${tools[@]}"; do host_files+=("${t%%:*}"); done
for t in "${optional_tools[@]}"; do [ -x "${t%%:*}" ] && host_files+=("${t%%:*}"); done
host_files+=("${dlopen_libs[@]}" "${data_files[@]}")

libs_of() {
	# "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" and
	# "/lib64/ld-linux-x86-64.so.2 (0x...)"
	{ ldd "$1" 2>/dev/null || true; } | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
}
mapfile -t libs < <(for f in "${host_files[@]}"; do libs_of "$f"; done | sort -u)
host_files+=("${libs[@]}")

modfiles=()
builtin_files=()
for f in modules.builtin modules.builtin.modinfo modules.order modules.softdep; do
	[ -n "$moddir" ] && [ -f "$moddir/$f" ] && builtin_files+=("$moddir/$f")
done
if [ "$KKIND" = distro ]; then
	# modprobe --show-depends prints "insmod /path.ko" lines, softdeps
	# included, and "builtin NAME" for built-in ones.
	deps=
	for m in "${boot_modules[@]}" "${extra_modules[@]}"; do
		deps+=$(modprobe -S "$kver" -d / --show-depends "$m") ||
			die "module $m not found for $kver"
		deps+=$'\n'
	done
	mapfile -t modfiles < <(awk '$1 == "insmod" { sub("^//*", "/", $2); print $2 }' <<<"$deps" | sort -u)
fi

key=$( {
	echo "flavour=$flavour kver=$kver"
	cat "$self"
	for f in "${host_files[@]}" "${modfiles[@]}" "${builtin_files[@]}"; do
		stat -L -c '%n %s %Y' "$f"
	done
} | sha256sum | cut -c1-16)
dir=$cache/$key
out=$dir/base.cpio.gz

if [ -f "$dir/done" ]; then
	echo "$out"
	exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ -f "$dir/done" ]; then
	echo "$out"
	exit 0
fi

log "building base initramfs for $flavour $kver -> $dir"
rm -rf "$dir"
mkdir -p "$dir"
stage=$dir/root
mkdir -p "$stage"
cd "$stage"
mkdir -p bin sbin usr/bin usr/sbin lib lib64 usr/lib etc root tmp proc sys dev run \
	mnt export scratch sima lib/firmware etc/sima
chmod 1777 tmp

# busybox: the binary plus a link for every applet at its canonical place.
cp /bin/busybox bin/busybox
while IFS= read -r applet; do
	case "$applet" in
	*/*) [ -e "$applet" ] || ln -s /bin/busybox "$applet" ;;
	esac
done < <(/bin/busybox --list-full)

# A host tool replaces any busybox applet of the same name, wherever the
# applet link sits in PATH.
install_tool() {
	local src=$1 destdir=$2 name=${3:-$(basename "$1")} d
	for d in bin sbin usr/bin usr/sbin; do
		rm -f "$d/$name"
	done
	cp -L "$src" "$destdir/$name"
}
link_tool() {
	local target=$1 link=$2 d
	for d in bin sbin usr/bin usr/sbin; do
		rm -f "$d/$(basename "$link")"
	done
	ln -s "$target" "$link"
}

for t in "${tools[@]}" "${optional_tools[@]}"; do
	[ -x "${t%%:*}" ] || continue
	install_tool "${t%%:*}" "${t#*:}"
done
for l in "${tpm2_links[@]}"; do link_tool tpm2 "usr/bin/$l"; done
for l in "${kmod_links[@]}"; do link_tool /bin/kmod "$l"; done

for f in "${libs[@]}" "${dlopen_libs[@]}" "${data_files[@]}"; do
	mkdir -p "./$(dirname "$f")"
	cp -L "$f" "./$f"
done
mkdir -p usr/lib/ssl
ln -s /etc/ssl/openssl.cnf usr/lib/ssl/openssl.cnf
# Let ld.so find dlopen()ed libraries fast, as on the host.
printf '%s\n' /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu >etc/ld.so.conf
ldconfig -r "$stage"

cat >etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/sh
EOF
cat >etc/group <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
echo sima >etc/hostname
mknod -m 600 dev/console c 5 1
mknod -m 666 dev/null c 1 3

# Facts /init and qemu/kernel-smoke.sh read.
echo "$flavour" >etc/sima/flavour
echo "$kver" >etc/sima/kver
: >etc/sima/modules
: >etc/sima/modules-extra

# Modules: the distro ones, and for both kernels modules.builtin so that
# modprobe of a built-in driver succeeds; sima's own .ko stay in /sima.
mkdir -p "lib/modules/$kver"
for f in "${modfiles[@]}"; do
	rel=${f#"$moddir"/}
	mkdir -p "lib/modules/$kver/$(dirname "$rel")"
	case "$rel" in
	*.ko.xz) xz -dc "$f" >"lib/modules/$kver/${rel%.xz}" ;;
	*) cp "$f" "lib/modules/$kver/$rel" ;;
	esac
done
for f in "${builtin_files[@]}"; do
	cp "$f" "lib/modules/$kver/"
done
depmod -b "$stage" "$kver"
if [ "$KKIND" = distro ]; then
	printf '%s\n' "${boot_modules[@]}" >etc/sima/modules
	printf '%s\n' "${extra_modules[@]}" >etc/sima/modules-extra
fi

find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0 | gzip -6 >"$dir/base.cpio.gz.tmp"
mv "$dir/base.cpio.gz.tmp" "$out"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort) >"$dir/manifest"
cd "$dir"
rm -rf "$stage"
touch "$dir/done"
log "done: $(du -h "$out" | cut -f1), $(wc -l <"$dir/manifest") entries"
echo "$out"
