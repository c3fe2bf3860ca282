#!/usr/bin/env bash
# Lists the cases of each Catch2 binary given and fails on a name that ctest cannot run by name:
# one holding ';' (CMake cuts the name there) or starting with '-' (Catch2 reads it as an option).
set -euo pipefail
bad=0
checked=0
for binary in "$@"; do
  while IFS= read -r name; do
    checked=$((checked + 1))
    case $name in
      *\;* | -*)
        echo "$(basename "$binary"): '$name': rename it (no ';', no leading '-')" >&2
        bad=1
        ;;
    esac
  done < <("$binary" --list-test-names-only)
done
[ "$checked" -gt 0 ] || { echo "no test names listed" >&2; exit 1; }
echo "$checked test names checked in $# binaries"
exit "$bad"
