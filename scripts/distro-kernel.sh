#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print shell-evalable facts about Debian's distro kernel of a series, the
# one the series' metapackages point at (scripts/kernels.sh: 6.1 is
# linux-image-amd64 / linux-headers-amd64, 6.12 linux-image-6.12-amd64 /
# linux-headers-6.12-amd64), not the running kernel: the host may run
# anything.
#
#   DISTRO_KVER=6.1.0-56-amd64              uname -r of that kernel
#   DISTRO_PKGVER=6.1.192-2                 Debian package version
#   DISTRO_VMLINUZ=/boot/vmlinuz-6.1.0-56-amd64
#   DISTRO_KDIR=/usr/src/linux-headers-6.1.0-56-amd64   (out-of-tree builds)
#   DISTRO_MODDIR=/lib/modules/6.1.0-56-amd64
#
# Usage: eval "$(scripts/distro-kernel.sh [SERIES])"   (default 6.1)
# Fails with a message on stderr if a package or file is missing, or if the
# metapackages point at a kernel of another series.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernels.sh"
series=${1:-6.1}
kernel_series "$series"

die() {
	echo "distro-kernel: $*" >&2
	exit 1
}

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# "linux-image-6.1.0-56-amd64 (= 6.1.192-2)" -> "linux-image-6.1.0-56-amd64"
dep_of() {
	local meta=$1 prefix=$2 deps dep
	installed "$meta" || die "package $meta is not installed (apt-get install $KIMAGE_META $KHEADERS_META, or scripts/deps.sh)"
	deps=$(dpkg-query -W -f='${Depends}' "$meta")
	for dep in ${deps//,/ }; do
		case "$dep" in
		"$prefix"-*) echo "$dep"; return 0 ;;
		esac
	done
	die "$meta does not depend on any $prefix-* package (Depends: $deps)"
}

img=$(dep_of "$KIMAGE_META" linux-image)
kver=${img#linux-image-}
case "$kver" in
"$series".*) ;;
*) die "$KIMAGE_META points at $img, not a $series kernel" ;;
esac
installed "$img" || die "package $img (wanted by $KIMAGE_META) is not installed"
pkgver=$(dpkg-query -W -f='${Version}' "$img")

hdr=$(dep_of "$KHEADERS_META" linux-headers)
[ "${hdr#linux-headers-}" = "$kver" ] ||
	die "$KHEADERS_META points at $hdr but $KIMAGE_META at $img"
installed "$hdr" || die "package $hdr (wanted by $KHEADERS_META) is not installed"

vmlinuz=/boot/vmlinuz-$kver
kdir=/usr/src/linux-headers-$kver
moddir=/lib/modules/$kver
[ -r "$vmlinuz" ] || die "$vmlinuz missing or unreadable (reinstall $img)"
[ -f "$moddir/modules.dep" ] || die "$moddir/modules.dep missing (reinstall $img)"
[ -f "$kdir/Makefile" ] || die "$kdir/Makefile missing (reinstall $hdr)"

printf 'DISTRO_KVER=%s\n' "$kver"
printf 'DISTRO_PKGVER=%s\n' "$pkgver"
printf 'DISTRO_VMLINUZ=%s\n' "$vmlinuz"
printf 'DISTRO_KDIR=%s\n' "$kdir"
printf 'DISTRO_MODDIR=%s\n' "$moddir"
