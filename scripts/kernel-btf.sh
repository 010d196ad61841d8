#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the path of a vmlinux that carries the BTF of a kernel flavour
# (scripts/kernels.sh), for tools such as "pfunct -F btf VMLINUX -f NAME":
#   distro-6.12  /usr/src/linux-headers-<kver>/vmlinux (Debian ships it)
#   distro       extracted once from /boot/vmlinuz-<kver> into
#                $SIMA_CACHE/vmlinux/<kver>-<pkgver>/vmlinux: the compressed
#                payload of the bzImage is the whole vmlinux, .BTF included
#   test*        the test kernel's build/vmlinux, if its fragment turns on
#                CONFIG_DEBUG_INFO_BTF (today it does not: see README.md)
# Fails with a message on stderr when the flavour has no BTF.
#   scripts/kernel-btf.sh FLAVOUR
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernels.sh"
kernel_flavour "${1:?usage: kernel-btf.sh FLAVOUR (one of: $SIMA_FLAVOURS)}"
cache=${SIMA_CACHE:-$HOME/.cache/sima}
die() { echo "kernel-btf: $*" >&2; exit 1; }

has_btf() { readelf -S "$1" 2>/dev/null | grep -q ' \.BTF '; }

# extract VMLINUZ OUT: try every compressed stream whose magic occurs in
# the image until one decompresses to an ELF file with a .BTF section.
extract() {
	local image=$1 out=$2 magic tool off
	for magic in '\x1f\x8b\x08:gzip -dc' '\xfd7zXZ\x00:xz -dc' \
		'\x28\xb5\x2f\xfd:zstd -dcq' 'BZh:bzip2 -dc' \
		'\x5d\x00\x00\x00:xz -dc --format=lzma' '\x02\x21\x4c\x18:lz4 -dc'; do
		tool=${magic#*:}
		command -v "${tool%% *}" >/dev/null || continue
		while read -r off; do
			# Trailing data after the stream makes the tools complain;
			# the output before that is what counts.
			tail -c "+$((off + 1))" "$image" | $tool >"$out" 2>/dev/null || true
			has_btf "$out" && return 0
		done < <(LC_ALL=C grep -obUaP "${magic%%:*}" "$image" | cut -d: -f1)
	done
	rm -f "$out"
	return 1
}

case $KKIND in
distro)
	eval "$("$top/scripts/distro-kernel.sh" "$KSERIES")"
	if has_btf "$DISTRO_KDIR/vmlinux"; then
		echo "$DISTRO_KDIR/vmlinux"
		exit 0
	fi
	dir=$cache/vmlinux/$DISTRO_KVER-$DISTRO_PKGVER
	if [ ! -f "$dir/vmlinux" ]; then
		mkdir -p "$dir"
		extract "$DISTRO_VMLINUZ" "$dir/vmlinux.tmp" ||
			die "no vmlinux with .BTF found in $DISTRO_VMLINUZ"
		mv "$dir/vmlinux.tmp" "$dir/vmlinux"
	fi
	echo "$dir/vmlinux"
	;;
test)
	frags=("$top/qemu/kernel.config")
	[ -z "$KFRAG_ADD" ] || frags+=("$top/qemu/$KFRAG_ADD")
	grep -qx 'CONFIG_DEBUG_INFO_BTF=y' "${frags[@]}" ||
		die "$KFLAVOUR: the test kernel is built without BTF" \
			"(qemu/kernel.config: CONFIG_DEBUG_INFO_NONE; BTF needs DWARF" \
			"debug info and pahole at build time)"
	kdir=$("$top/scripts/kernel-test.sh" "$KSERIES")
	has_btf "$kdir/build/vmlinux" || die "$kdir/build/vmlinux has no .BTF"
	echo "$kdir/build/vmlinux"
	;;
esac
