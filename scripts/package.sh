#!/usr/bin/env bash
# The Lambda zip built on this machine, without Docker (x86_64 only):
#   release build (--static-swift-stdlib) -> strip -> strict check-binary.sh
#   (GLIBC <= 2.34, GLIBCXX <= 3.4.29, size budget) -> deterministic zip with
#   bootstrap at the root -> dist/coaching-lambda.zip, dist/coaching-lambda.arch,
#   dist/check-binary.txt, and dist/lambda/bootstrap (the zip unzipped: the
#   template's CodeUri).
#
# usage: scripts/package.sh [ARCH]      ARCH defaults to x86_64; arm64 is refused.
#
# The binary stays within Amazon Linux 2023's glibc because bootstrap links the
# CGlibcCompat target (Sources/CGlibcCompat/hypotf.c). arm64 needs an arm64 Swift
# SDK, which this machine does not have: build it with Docker (make package-docker).
set -euo pipefail
cd "$(dirname "$0")/.."

arch="${1:-x86_64}"
SWIFT="${SWIFT:-swift}"
case "$arch" in
  x86_64) ;;
  arm64)
    echo "package: ARCH=arm64 cannot be built on this path: there is no arm64 Swift SDK (cross-compilation)" >&2
    echo "  on this machine. Build arm64 in the Amazon Linux image instead: make package-docker ARCH=arm64" >&2
    echo "  (on an x86_64 host that needs QEMU/binfmt emulation and is slow; see docs/DEPLOY.md)." >&2
    exit 2 ;;
  *) echo "package: ARCH must be x86_64 (or arm64 through Docker), not '$arch'" >&2; exit 2 ;;
esac
if [ "$(uname -m)" != "x86_64" ]; then
  echo "package: this path builds for the host, which is $(uname -m), not x86_64; use make package-docker" >&2
  exit 2
fi
for tool in zip unzip objdump strip sha256sum; do
  command -v "$tool" >/dev/null || { echo "package: $tool is required (zip, unzip, binutils, coreutils)" >&2; exit 2; }
done

"$SWIFT" build -c release --static-swift-stdlib --product bootstrap
built="$("$SWIFT" build -c release --static-swift-stdlib --product bootstrap --show-bin-path)/bootstrap"

mkdir -p dist
work="$(mktemp -d "$PWD/dist/.package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir "$work/root"
# Fixed mode, owner-independent; strip into place.
install -m 0755 "$built" "$work/root/bootstrap"
strip "$work/root/bootstrap"
report="$work/check-binary.txt"
# Fails (and so fails this script) on any ceiling or size over its limit.
scripts/check-binary.sh "$work/root/bootstrap" | tee "$report"

# make_zip OUT: the same bootstrap gives the same bytes. Fixed mtime (zip keeps
# DOS local time, hence TZ=UTC), no extra fields (-X: no uid/gid or extended
# timestamps), no directory entries (-D), one file at the root, fixed mode.
make_zip() {
  TZ=UTC touch -h -d "1980-01-01 00:00:00" "$work/root/bootstrap"
  rm -f "$1"
  (cd "$work/root" && TZ=UTC zip -q -9 -X -D "$1" bootstrap)
}
make_zip "$work/first.zip"
make_zip "$work/second.zip"
first="$(sha256sum <"$work/first.zip" | cut -d' ' -f1)"
second="$(sha256sum <"$work/second.zip" | cut -d' ' -f1)"
[ "$first" = "$second" ] || { echo "package: two zips of the same binary differ ($first, $second)" >&2; exit 1; }
[ "$(unzip -Z1 "$work/first.zip")" = "bootstrap" ] || { echo "package: the zip must hold bootstrap alone, at its root" >&2; exit 1; }
scripts/check-binary.sh --zip "$work/first.zip" "$work/root/bootstrap" | grep -E '^(zip_bytes|check-binary)' | tee -a "$report"
echo "zip_sha256=$first (deterministic: two zips of this binary are identical)" | tee -a "$report"

mv "$work/first.zip" dist/coaching-lambda.zip
echo "$arch" >dist/coaching-lambda.arch
mv "$report" dist/check-binary.txt
# template.yaml's CodeUri: what `sam deploy` zips when `sam build` was not run.
rm -rf dist/lambda
mkdir -p dist/lambda
unzip -q dist/coaching-lambda.zip -d dist/lambda
echo "dist/coaching-lambda.zip ($arch, built on this host); deploy with: sam deploy --parameter-overrides Architecture=$arch ..."
