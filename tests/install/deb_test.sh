#!/usr/bin/env bash
# CPack builds a .deb whose dependencies come from the binaries (dpkg-shlibdeps) and whose files
# sit where Debian expects them, zsh's included.
# Usage: deb_test.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || {
  cat "$out/cpack.log"
  exit 1
}
deb=$(find "$out" -maxdepth 1 -name 'iotc-jobs_*.deb')
check "one .deb" test -f "$deb"
dpkg-deb --info "$deb"
depends=$(dpkg-deb --field "$deb" Depends)
for library in libc6 libstdc++6 libcurl4 libfmt9 libsqlite3-0 libcpp-httplib0.11; do
  check "Depends names $library" grep -qxF -- "$library" <<<"$(tr ',' '\n' <<<"$depends" | awk '{print $1}')"
done
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for file in ./usr/bin/iotc-jobs ./usr/bin/iotc-jobs-emulator ./usr/share/man/man1/iotc-jobs.1 \
  ./usr/share/man/man1/iotc-jobs-emulator.1 ./usr/share/bash-completion/completions/iotc-jobs \
  ./usr/share/zsh/vendor-completions/_iotc-jobs \
  ./usr/share/fish/vendor_completions.d/iotc-jobs.fish ./usr/share/doc/iotc-jobs/guide.md; do
  check "the package has $file" grep -qx -- "$file" <<<"$contents"
done
dpkg-deb --extract "$deb" "$out/root"
check "the packaged iotc-jobs runs" "$out/root/usr/bin/iotc-jobs" --version

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
