#!/usr/bin/env bash
# Checks a bootstrap binary against what provided.al2023 and our size budget allow:
#   - the highest GLIBC_ symbol version it needs (objdump -T): at most 2.34,
#     the glibc of Amazon Linux 2023;
#   - its stripped size: at most 25 MB (25,000,000 bytes);
#   - its zipped size (bootstrap alone, or the package given with --zip): at most 8 MB.
#
# usage: scripts/check-binary.sh [--host-build] [--zip PACKAGE.zip] BINARY
#
# --host-build  the binary was linked on this build machine, not in the Amazon
#               Linux image. Binaries linked on Debian 12 need GLIBC_2.35 (hypotf
#               from the static Swift runtime), so the glibc line then reports
#               "exceeds Lambda's 2.34 - expected for a host build" instead of
#               failing, as long as the version is one this host provides. The
#               binary is still NOT deployable; the Dockerfile runs this script
#               without --host-build, where 2.35 fails the image build. Sizes are
#               enforced in both modes.
set -euo pipefail

LAMBDA_GLIBC="2.34"
MAX_STRIPPED_BYTES=25000000
MAX_ZIP_BYTES=8000000

host_build=0
package=""
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --host-build) host_build=1 ;;
    --zip) shift; package="${1:?--zip needs a file}" ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) binary="$1" ;;
  esac
  shift
done
[ -n "$binary" ] || { echo "usage: $0 [--host-build] [--zip PACKAGE.zip] BINARY" >&2; exit 2; }
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

# ---- glibc
symbols="$(objdump -T "$binary" 2>/dev/null || true)"
required="$(grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' <<<"$symbols" | sed 's/GLIBC_//' | sort -uV | tail -n1 || true)"
echo "binary: $binary"
if [ -z "$required" ]; then
  echo "glibc_required=none (no versioned glibc symbols: a fully static binary?)"
else
  echo "glibc_required=$required (Lambda provided.al2023 has $LAMBDA_GLIBC)"
  if ! version_le "$required" "$LAMBDA_GLIBC"; then
    newer="$(awk -v max="$LAMBDA_GLIBC" '
      match($0, /GLIBC_[0-9.]+/) {
        v = substr($0, RSTART + 6, RLENGTH - 6); split(v, a, "."); split(max, b, ".")
        if (a[1] > b[1] || (a[1] == b[1] && a[2] > b[2])) print $NF "@GLIBC_" v
      }' <<<"$symbols" | sort -u | tr '\n' ' ')"
    echo "symbols newer than $LAMBDA_GLIBC: $newer"
    host_glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
    if [ "$host_build" = 1 ] && [ -n "$host_glibc" ] && version_le "$required" "$host_glibc"; then
      echo "glibc: exceeds Lambda's $LAMBDA_GLIBC - expected for a host build (this machine has glibc $host_glibc)."
      echo "       NOT DEPLOYABLE: build the Lambda zip with 'make package' (Amazon Linux image), which enforces $LAMBDA_GLIBC."
    else
      fail "needs glibc $required, newer than Lambda's $LAMBDA_GLIBC"
    fi
  fi
fi
needed="$(objdump -p "$binary" 2>/dev/null | awk '/NEEDED/ {print $2}' | tr '\n' ' ')"
echo "shared_libraries=${needed:-none}"

# ---- stripped size
stripped="$work/bootstrap"
strip -o "$stripped" "$binary"
stripped_bytes="$(wc -c <"$stripped" | tr -d ' ')"
if cmp -s "$stripped" "$binary"; then note="already stripped"; else note="stripped copy; the file itself is $(wc -c <"$binary" | tr -d ' ') bytes"; fi
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
echo "check-binary: ok$([ "$host_build" = 1 ] && echo ' (host build: sizes checked, glibc reported)')"
