#!/usr/bin/env bash
# The .deb that CPack built (deb_build.sh) has its dependencies from the binaries
# (dpkg-shlibdeps), its files where Debian expects them, zsh's included, and lintian, Debian's own
# checker, reports no error and no warning on it.
# Usage: deb_test.sh DEB_DIR
set -euo pipefail
deb_dir=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

deb=$(find "$deb_dir" -maxdepth 1 -name 'iotc-jobs_*.deb')
check "one .deb" test -f "$deb"
dpkg-deb --info "$deb"
depends=$(dpkg-deb --field "$deb" Depends)
for library in libc6 libstdc++6 libcurl4 libfmt9 libsqlite3-0 libcpp-httplib0.11; do
  check "Depends names $library" grep -qxF -- "$library" <<<"$(tr ',' '\n' <<<"$depends" | awk '{print $1}')"
done
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for file in ./usr/bin/iotc-jobs ./usr/bin/iotc-jobs-emulator ./usr/share/man/man1/iotc-jobs.1.gz \
  ./usr/share/man/man1/iotc-jobs-emulator.1.gz ./usr/share/bash-completion/completions/iotc-jobs \
  ./usr/share/zsh/vendor-completions/_iotc-jobs \
  ./usr/share/fish/vendor_completions.d/iotc-jobs.fish ./usr/share/doc/iotc-jobs/guide.md \
  ./usr/share/doc/iotc-jobs/copyright ./usr/share/doc/iotc-jobs/changelog.gz; do
  check "the package has $file" grep -qx -- "$file" <<<"$contents"
done
dpkg-deb --extract "$deb" "$out/root"
check "the packaged iotc-jobs runs" "$out/root/usr/bin/iotc-jobs" --version
check "the copyright file is machine-readable and names the MIT (Expat) license" \
  grep -qx 'License: Expat' "$out/root/usr/share/doc/iotc-jobs/copyright"
check "the copyright file names its format" grep -qx \
  'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  "$out/root/usr/share/doc/iotc-jobs/copyright"
gzip -dc "$out/root/usr/share/doc/iotc-jobs/changelog.gz" >"$out/changelog"
check "changelog.gz parses as a Debian changelog" dpkg-parsechangelog -l "$out/changelog"
description=$(dpkg-deb --field "$deb" Description)
check "the description fits in 80 columns" test -z "$(awk 'length > 80' <<<"$description")"

# lintian: any error or warning fails; info and pedantic tags are listed, to read, not to fail on.
if command -v lintian >/dev/null; then
  echo "lintian --fail-on error,warning --display-info --pedantic $(basename "$deb"):"
  if lintian --fail-on error,warning --display-info --pedantic "$deb" >"$out/lintian.log" 2>&1; then
    echo "ok: lintian reports no error and no warning"
  else
    echo "FAIL: lintian reports errors or warnings"
    failures=$((failures + 1))
  fi
  sed 's/^/  /' "$out/lintian.log"
else
  echo "FAIL: lintian is not installed (apt-get install lintian; scripts/test installs it)"
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
