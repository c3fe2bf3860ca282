#!/usr/bin/env bash
# Builds the Debian package with CPack into OUT_DIR, emptied first: the .deb that the package
# tests (lintian, the versions, the install on this machine) then read.
# Usage: deb_build.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log"
  exit 1
fi
# CPack leaves its staging tree beside the package; only the .deb is wanted.
rm -rf "$out/_CPack_Packages"
deb=$(find "$out" -maxdepth 1 -name 'iotc-jobs_*.deb')
if [ -z "$deb" ] || [ "$(wc -l <<<"$deb")" -ne 1 ]; then
  echo "FAIL: not one .deb in $out"
  exit 1
fi
echo "ok: built $deb"
