#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install, as root through apt, every Debian 12 package sima's build, VM
# harness and tests need. Installs only what is missing; quiet when nothing is.
set -euo pipefail

pkgs=(
	# module and kernel builds
	build-essential bc bison flex libelf-dev libssl-dev dwarves cpio
	kmod rsync xz-utils
	# VM harness
	qemu-system-x86 swtpm swtpm-tools busybox-static e2fsprogs
	# real tools used in the guest and on the host
	ima-evm-utils keyutils attr tpm2-tools openssl fsverity
	# tests: user-space unit tests and fuzzing, the host-side list renderer
	clang libclang-rt-14-dev python3
)

# Every series of scripts/kernels.sh: the test kernel's source, and the
# metapackages naming Debian's own kernel and headers.
# shellcheck source=scripts/kernels.sh
. "$(dirname "$0")/kernels.sh"
for series in $SIMA_SERIES; do
	kernel_series "$series"
	pkgs+=("$KSRC_PKG" "$KIMAGE_META" "$KHEADERS_META")
done

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages: ${missing[*]}" >&2
	echo "deps: run 'sudo $0' (or as root: make deps)" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
