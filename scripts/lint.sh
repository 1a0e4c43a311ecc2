#!/usr/bin/env bash
# Deployment lint: cfn-lint on template.yaml, statelint on the state machine,
# and the glibc/size check on a release binary when one has been built.
#
#   scripts/lint.sh              all three
#   scripts/lint.sh --templates  cfn-lint and statelint only
#
# The binary check is the strict one everywhere (GLIBC <= 2.34, GLIBCXX <= 3.4.29,
# 25 MB stripped, 8 MB zipped): bootstrap links CGlibcCompat, so a release
# build on this Debian 12 machine meets Amazon Linux 2023's ceilings.
set -euo pipefail
cd "$(dirname "$0")/.."

templates_only=0
[ "${1:-}" = "--templates" ] && templates_only=1

for tool in cfn-lint statelint; do
  command -v "$tool" >/dev/null || { echo "$tool not found: python3 -m pip install cfn-lint statelint" >&2; exit 1; }
done

echo "== cfn-lint template.yaml"
cfn-lint template.yaml
echo "cfn-lint: clean"

echo "== statelint --ignore=URI orchestrator/*.asl.json"
# --ignore=URI: the Resource/FunctionName values hold ${...} DefinitionSubstitutions.
statelint --ignore=URI orchestrator/*.asl.json
echo "statelint: clean"

[ "$templates_only" = 1 ] && exit 0

binary=.build/release/bootstrap
echo "== binary check ($binary)"
if [ -x "$binary" ]; then
  scripts/check-binary.sh "$binary"
else
  echo "binary check: skipped, no release binary (run 'make release' first; 'make package' always checks the zip it builds)"
fi
