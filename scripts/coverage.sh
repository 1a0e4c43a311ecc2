#!/usr/bin/env bash
# Line coverage of Sources/ from the last `swift test --enable-code-coverage`,
# one line per module and the total (test files and dependencies excluded).
set -euo pipefail
cd "$(dirname "$0")/.."

bin_path="$(swift build --show-bin-path)"
profile="$bin_path/codecov/default.profdata"
bundle="$(ls -d "$bin_path"/*PackageTests.xctest 2>/dev/null | head -n 1)"
if [ ! -f "$profile" ] || [ -z "$bundle" ]; then
  echo "coverage: no profile; run 'swift test --enable-code-coverage' first" >&2
  exit 1
fi
llvm_cov="$(dirname "$(command -v swift)")/llvm-cov"
"$llvm_cov" report "$bundle" -instr-profile="$profile" -ignore-filename-regex='\.build/|/Tests/' \
  | python3 -c '
import sys
modules = {}
total = None
for line in sys.stdin:
    parts = line.split()
    if len(parts) < 10 or not parts[1].isdigit():
        continue
    lines, missed = int(parts[7]), int(parts[8])
    if parts[0] == "TOTAL":
        total = (lines, missed)
        continue
    module = parts[0].split("/")[0]
    count = modules.setdefault(module, [0, 0])
    count[0] += lines
    count[1] += missed
print("line coverage of Sources/ (llvm-cov, test files excluded)")
for module, (lines, missed) in sorted(modules.items()):
    print(f"  {module:<20} {100 * (lines - missed) / lines:6.2f}%  ({lines - missed}/{lines} lines)")
if total:
    lines, missed = total
    label = "TOTAL"
    print(f"  {label:<20} {100 * (lines - missed) / lines:6.2f}%  ({lines - missed}/{lines} lines)")
'
