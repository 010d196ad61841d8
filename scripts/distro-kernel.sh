#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print shell-evalable facts about Debian's distro kernel, the one the
# linux-image-amd64 / linux-headers-amd64 metapackages point at (not the
# running kernel: the host may run anything):
#
#   DISTRO_KVER=6.1.0-56-amd64              uname -r of that kernel
#   DISTRO_PKGVER=6.1.192-2                 Debian package version
#   DISTRO_VMLINUZ=/boot/vmlinuz-6.1.0-56-amd64
#   DISTRO_KDIR=/usr/src/linux-headers-6.1.0-56-amd64   (out-of-tree builds)
#   DISTRO_MODDIR=/lib/modules/6.1.0-56-amd64
#
# Usage: eval "$(scripts/distro-kernel.sh)"
# Fails with a message on stderr if a package or file is missing.
set -euo pipefail

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
	installed "$meta" || die "package $meta is not installed (apt-get install linux-image-amd64 linux-headers-amd64)"
	deps=$(dpkg-query -W -f='${Depends}' "$meta")
	for dep in ${deps//,/ }; do
		case "$dep" in
		"$prefix"-*) echo "$dep"; return 0 ;;
		esac
	done
	die "$meta does not depend on any $prefix-* package (Depends: $deps)"
}

img=$(dep_of linux-image-amd64 linux-image)
kver=${img#linux-image-}
installed "$img" || die "package $img (wanted by linux-image-amd64) is not installed"
pkgver=$(dpkg-query -W -f='${Version}' "$img")

hdr=$(dep_of linux-headers-amd64 linux-headers)
[ "${hdr#linux-headers-}" = "$kver" ] ||
	die "linux-headers-amd64 points at $hdr but linux-image-amd64 at $img"
installed "$hdr" || die "package $hdr (wanted by linux-headers-amd64) is not installed"

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
