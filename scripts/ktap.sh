#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Turn exported KUnit KTAP files into PASS/FAIL/SKIP lines, one per test
# case (parameterised cases count once, failing if any parameter fails).
#   scripts/ktap.sh DIR-WITH-.ktap-FILES
set -euo pipefail

dir=${1:?usage: ktap.sh DIR}
shopt -s nullglob
files=("$dir"/*.ktap)
if [ ${#files[@]} -eq 0 ]; then
	echo "FAIL kunit (no KTAP results exported)"
	exit 0
fi
for f in "${files[@]}"; do
	suite=$(basename "$f" .ktap)
	# Case lines are indented by exactly four spaces in 6.1's debugfs output.
	awk -v suite="$suite" '
		/^    (not )?ok [0-9]+ / {
			line = $0
			sub(/^    /, "", line)
			name = line
			sub(/^(not )?ok [0-9]+ (- )?/, "", name)
			sub(/ #.*/, "", name)
			if (line ~ /^not ok/)
				verdict = "FAIL"
			else if (line ~ /# SKIP/)
				verdict = "SKIP"
			else
				verdict = "PASS"
			printf "%s kunit:%s.%s\n", verdict, suite, name
			n++
		}
		END { if (!n) printf "FAIL kunit:%s (no test cases)\n", suite }
	' "$f"
done
