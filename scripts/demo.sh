#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make demo [KERNEL=FLAVOUR]: install what is missing, build the kernel
# (the test kernel by default, cached) and sima, boot it under QEMU with a
# fresh swtpm and show sima at work.
#   scripts/demo.sh [FLAVOUR]   (scripts/kernels.sh: test, distro,
#                                test-6.12, distro-6.12)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
kernel=${1:-test}
scripts/deps.sh
scripts/build.sh "$kernel"
V=1 qemu/run --kernel "$kernel" -- tests/demo/guest.sh
