#!/usr/bin/env bash
# Writes the Debian package's copyright file in Debian's machine-readable format (DEP-5,
# https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/) from LICENSE, so that the
# license text and its copyright line are written once.
# Usage: debian-copyright.sh LICENSE PACKAGE OUT
# LICENSE is the MIT license: a title line, "Copyright (c) YEAR HOLDER", then the text. DEP-5 calls
# this license "Expat" (its name for "MIT" is ambiguous between several licenses).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 LICENSE PACKAGE OUT" >&2; exit 2; }
license=$1
package=$2
out=$3

grep -qx 'MIT License' "$license" || { echo "$license: not the MIT license" >&2; exit 1; }
notice=$(grep -m1 -E '^Copyright \(c\) [0-9]{4}(-[0-9]{4})? .+$' "$license") || {
  echo "$license: no \"Copyright (c) YEAR HOLDER\" line" >&2
  exit 1
}
copyright=${notice#Copyright (c) }

{
  printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n'
  printf 'Upstream-Name: %s\n' "$package"
  printf 'Comment: %s is distributed under the MIT license, which this format calls Expat.\n' \
    "$package"
  printf '\nFiles: *\nCopyright: %s\nLicense: Expat\n' "$copyright"
  # The text after the copyright line, one space in front and " ." for each empty line.
  awk 'found && !started && /^$/ { next }
       found { started = 1; print ($0 == "" ? " ." : " " $0) }
       /^Copyright \(c\) / { found = 1 }' "$license"
} >"$out.tmp"
mv "$out.tmp" "$out"
