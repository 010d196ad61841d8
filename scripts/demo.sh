#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make demo: install what is missing, build the test kernel (cached) and
# sima, boot it under QEMU with a fresh swtpm and show sima at work.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/deps.sh
scripts/build.sh test
V=1 qemu/run --kernel test -- tests/demo/guest.sh
