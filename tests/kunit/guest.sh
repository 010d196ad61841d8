#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of the KUnit run: loading sima_kunit.ko runs its suites; their
# KTAP results are exported for scripts/ktap.sh to judge on the host.
set -e
insmod /sima/sima_kunit.ko
mkdir -p "$SIMA_EXPORT/kunit"
for d in /sys/kernel/debug/kunit/sima_*; do
	cp "$d/results" "$SIMA_EXPORT/kunit/$(basename "$d").ktap"
done
rmmod sima_kunit
