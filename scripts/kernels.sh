# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh disable=SC2034 # the variables are for the sourcing script
# The kernel flavours sima is built and tested on, in one place. Sourced (by
# bash scripts and, through sh, the Makefile): keep it POSIX sh.
#
#   flavour      alias        kind    series  kernel
#   test         test-6.1     test    6.1     debug kernel from linux-source-6.1
#   distro       distro-6.1   distro  6.1     Debian's linux-image-amd64
#   test-6.12                 test    6.12    debug kernel from linux-source-6.12
#   distro-6.12               distro  6.12    Debian's linux-image-6.12-amd64
#
# "test" and "distro" keep their names (build/test, build/distro, ...) from
# before there was a second series.

SIMA_FLAVOURS="test distro test-6.12 distro-6.12"
SIMA_SERIES="6.1 6.12"

# kernel_flavour NAME: resolve a flavour or an alias into KFLAVOUR (the
# canonical name, also the build/ directory), KKIND (test|distro) and
# KSERIES, then the series facts (kernel_series). Fails on an unknown name.
kernel_flavour() {
	case "$1" in
	test | test-6.1) KFLAVOUR=test KKIND=test KSERIES=6.1 ;;
	distro | distro-6.1) KFLAVOUR=distro KKIND=distro KSERIES=6.1 ;;
	test-6.12) KFLAVOUR=test-6.12 KKIND=test KSERIES=6.12 ;;
	distro-6.12) KFLAVOUR=distro-6.12 KKIND=distro KSERIES=6.12 ;;
	*)
		echo "unknown kernel flavour '$1' (one of: $SIMA_FLAVOURS test-6.1 distro-6.1)" >&2
		return 1
		;;
	esac
	kernel_series "$KSERIES"
}

# kernel_series SERIES: the Debian packages of a series.
#   KSRC_PKG, KSRC_TARBALL  source the test kernel is built from
#   KIMAGE_META, KHEADERS_META  metapackages naming the distro kernel
#   KFRAG_ADD  qemu/ fragment merged after qemu/kernel.config (empty: none)
#   KMAKE_VARS  extra make variables for the test kernel build (empty: none)
kernel_series() {
	KFRAG_ADD=
	KMAKE_VARS=
	case "$1" in
	6.1)
		KIMAGE_META=linux-image-amd64
		KHEADERS_META=linux-headers-amd64
		;;
	6.12)
		KIMAGE_META=linux-image-6.12-amd64
		KHEADERS_META=linux-headers-6.12-amd64
		KFRAG_ADD=kernel-6.12.config
		# 6.12 lost UBSAN_SANITIZE_ALL: UBSAN instruments every
		# object unless the object or its directory opts out. This
		# opts the whole kernel out, as 6.1 without SANITIZE_ALL did;
		# sima's Kbuild still opts its own objects in.
		KMAKE_VARS=UBSAN_SANITIZE=n
		;;
	*)
		echo "unknown kernel series '$1' (one of: 6.1 6.12)" >&2
		return 1
		;;
	esac
	KSRC_PKG=linux-source-$1
	KSRC_TARBALL=/usr/src/$KSRC_PKG.tar.xz
}
