#!/usr/bin/env bash
# The version is written once, in CMake's project(VERSION); everything that shows one must agree
# with it: `--version` of both binaries (built and packaged), the man pages (committed and
# packaged), the package's Version and file name, its changelog.gz, and CHANGELOG.md's newest
# released version.
# Usage: version_test.sh VERSION SOURCE_DIR IOTC_JOBS IOTC_JOBS_EMULATOR DEB_DIR
set -euo pipefail
version=$1
source_dir=$2
jobs=$3
emulator=$4
deb_dir=$5
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
expect() {  # expect NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1"
    echo "  expected: [$2]"
    echo "  actual:   [$3]"
    failures=$((failures + 1))
  fi
}
# The version in a man page's .TH line: its fourth field, "iotc\-jobs 0.1.0", after the name.
th_version() { sed -n 's/\\-/-/g; /^\.TH /{s/.*"'"$2"' \([^"]*\)".*/\1/p;q}' "$1"; }

echo "project(VERSION) is $version"
expect "iotc-jobs --version" "iotc-jobs $version" "$("$jobs" --version)"
expect "iotc-jobs-emulator --version" "iotc-jobs-emulator $version" "$("$emulator" --version)"
expect "docs/iotc-jobs.1" "$version" "$(th_version "$source_dir/docs/iotc-jobs.1" iotc-jobs)"
expect "docs/iotc-jobs-emulator.1" "$version" \
  "$(th_version "$source_dir/docs/iotc-jobs-emulator.1" iotc-jobs-emulator)"
expect "CHANGELOG.md's newest released version" "$version" \
  "$(sed -n 's/^## \([^ ]*\) - [0-9-]*$/\1/p' "$source_dir/CHANGELOG.md" | head -n1)"

deb=$(find "$deb_dir" -maxdepth 1 -name 'iotc-jobs_*.deb')
expect "the package's file name" "iotc-jobs_${version}_$(dpkg --print-architecture).deb" \
  "$(basename "$deb")"
expect "the package's Version" "$version" "$(dpkg-deb --field "$deb" Version)"
dpkg-deb --extract "$deb" "$out"
expect "the packaged iotc-jobs --version" "iotc-jobs $version" \
  "$("$out/usr/bin/iotc-jobs" --version)"
expect "the packaged iotc-jobs-emulator --version" "iotc-jobs-emulator $version" \
  "$("$out/usr/bin/iotc-jobs-emulator" --version)"
for page in iotc-jobs iotc-jobs-emulator; do
  gzip -dc "$out/usr/share/man/man1/$page.1.gz" >"$out/$page.1"
  expect "the packaged $page.1.gz" "$version" "$(th_version "$out/$page.1" "$page")"
done
gzip -dc "$out/usr/share/doc/iotc-jobs/changelog.gz" >"$out/changelog"
expect "the packaged changelog.gz's newest entry" "$version" \
  "$(dpkg-parsechangelog -l "$out/changelog" -S Version)"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
