#!/usr/bin/env bash
# Checks a bootstrap binary against what provided.al2023 and our size budget allow:
#   - the highest GLIBC_ symbol version it needs (objdump -T): at most 2.34,
#     the glibc of Amazon Linux 2023;
#   - the highest GLIBCXX_ version: at most 3.4.29 (AL2023's GCC 11 libstdc++);
#   - its stripped size: at most 25 MB (25,000,000 bytes);
#   - its zipped size (bootstrap alone, or the package given with --zip): at most 8 MB.
# Every check is strict wherever the binary was linked (Amazon Linux image or
# this Debian host): a binary that fails here does not start on Lambda.
#
# usage: scripts/check-binary.sh [--zip PACKAGE.zip] BINARY
# Needs objdump, strip (binutils), zip and coreutils; nothing else.
set -euo pipefail

LAMBDA_GLIBC="2.34"
LAMBDA_GLIBCXX="3.4.29"
MAX_STRIPPED_BYTES=25000000
MAX_ZIP_BYTES=8000000

package=""
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --zip) shift; package="${1:?--zip needs a file}" ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) binary="$1" ;;
  esac
  shift
done
[ -n "$binary" ] || { echo "usage: $0 [--zip PACKAGE.zip] BINARY" >&2; exit 2; }
[ -f "$binary" ] || { echo "no such binary: $binary" >&2; exit 2; }
for tool in objdump strip zip; do
  command -v "$tool" >/dev/null || { echo "$tool is required (binutils, zip)" >&2; exit 2; }
done

# version_le A B: true when version A <= version B.
version_le() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$1" ]; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

symbols="$(objdump -T "$binary" 2>/dev/null || true)"
echo "binary: $binary"

# check_ceiling PREFIX LIMIT LABEL: the highest PREFIX_x.y version referenced
# must be <= LIMIT; the symbols above it are listed when it is not.
check_ceiling() {
  local prefix="$1" limit="$2" label="$3" required newer
  required="$(grep -oE "\b${prefix}_[0-9]+(\.[0-9]+)+" <<<"$symbols" | sed "s/${prefix}_//" | sort -uV | tail -n1 || true)"
  if [ -z "$required" ]; then
    echo "${label}_required=none (limit $limit)"
    return
  fi
  echo "${label}_required=$required (limit $limit)"
  if ! version_le "$required" "$limit"; then
    newer="$(grep -oE "\b${prefix}_[0-9]+(\.[0-9]+)+\)?[[:space:]]+[^[:space:]]+$" <<<"$symbols" \
      | awk -v p="${prefix}_" '{ v = $1; gsub(/[()]/, "", v); sub(p, "", v); print v, $NF }' \
      | while read -r version name; do version_le "$version" "$limit" || echo "${name}@${prefix}_${version}"; done \
      | sort -u | tr '\n' ' ')"
    echo "symbols newer than ${prefix}_$limit: $newer"
    fail "needs ${prefix}_$required, newer than Lambda's $limit"
  fi
}
check_ceiling GLIBC "$LAMBDA_GLIBC" glibc
check_ceiling GLIBCXX "$LAMBDA_GLIBCXX" glibcxx
needed="$(objdump -p "$binary" 2>/dev/null | awk '/NEEDED/ {print $2}' | tr '\n' ' ')"
echo "shared_libraries=${needed:-none}"

# ---- stripped size
stripped="$work/bootstrap"
strip -o "$stripped" "$binary"
stripped_bytes="$(wc -c <"$stripped" | tr -d ' ')"
binary_bytes="$(wc -c <"$binary" | tr -d ' ')"
# cksum (coreutils), not cmp: diffutils is not in every build image.
if [ "$(cksum <"$stripped")" = "$(cksum <"$binary")" ]; then note="already stripped"; else note="stripped copy; the file itself is $binary_bytes bytes"; fi
echo "stripped_bytes=$stripped_bytes ($note; limit $MAX_STRIPPED_BYTES)"
[ "$stripped_bytes" -le "$MAX_STRIPPED_BYTES" ] || fail "stripped binary is $stripped_bytes bytes, over $MAX_STRIPPED_BYTES"

# ---- zipped size
if [ -n "$package" ]; then
  [ -f "$package" ] || { echo "no such package: $package" >&2; exit 2; }
  zip_file="$package"
  zip_note="package $package"
else
  (cd "$work" && zip -q -9 bootstrap.zip bootstrap)
  zip_file="$work/bootstrap.zip"
  zip_note="bootstrap alone, zip -9"
fi
zip_bytes="$(wc -c <"$zip_file" | tr -d ' ')"
echo "zip_bytes=$zip_bytes ($zip_note; limit $MAX_ZIP_BYTES)"
[ "$zip_bytes" -le "$MAX_ZIP_BYTES" ] || fail "zip is $zip_bytes bytes, over $MAX_ZIP_BYTES"

if [ "$failures" -gt 0 ]; then
  echo "check-binary: $failures check(s) failed"
  exit 1
fi
echo "check-binary: ok"
