#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the kernel's checkpatch.pl --strict over every C file of the project.
# User-space files (tests/unit, tests/fuzz, tests/e2e/helpers, tests/bench,
# tests/parity) may use libc types, so PREFER_KERNEL_TYPES is ignored there
# only. A series' hook table (src/kernel/SERIES/hooks.c) names its wrappers
# after the kernel functions they wrap, whatever their case
# (bzImage64_load): CAMELCASE is ignored there only.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${SIMA_CACHE:-$HOME/.cache/sima}
cp_dir=$cache/checkpatch
if [ ! -x "$cp_dir/scripts/checkpatch.pl" ]; then
	mkdir -p "$cp_dir"
	tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$cp_dir" \
		--strip-components=1 linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
fi

cd "$top"
cp=(perl "$cp_dir/scripts/checkpatch.pl" --no-tree --strict --terse
    --show-types --file)
# A module build emits .mod.c files: not ours.
kernel=$(git ls-files -co --exclude-standard -- '*.c' '*.h' |
	 grep -v -E '^tests/(unit|fuzz|e2e/helpers|bench|parity)/|\.mod\.c$' |
	 grep -v -E '^src/kernel/[0-9.]+/hooks\.c$' || true)
series=$(git ls-files -co --exclude-standard -- 'src/kernel/*/hooks.c' |
	 grep -E '^src/kernel/[0-9.]+/hooks\.c$' || true)
user=$(git ls-files -co --exclude-standard -- 'tests/unit/*.[ch]' \
       'tests/fuzz/*.[ch]' 'tests/e2e/helpers/*.[ch]' 'tests/bench/*.[ch]' \
       'tests/parity/*.[ch]' || true)

rc=0
# shellcheck disable=SC2086
[ -z "$kernel" ] || "${cp[@]}" $kernel || rc=1
# shellcheck disable=SC2086
[ -z "$series" ] || "${cp[@]}" --ignore CAMELCASE $series || rc=1
# shellcheck disable=SC2086
[ -z "$user" ] || "${cp[@]}" --ignore PREFER_KERNEL_TYPES $user || rc=1
exit $rc
