#!/usr/bin/env bash
# Writes the Debian package's changelog.gz (Debian's changelog format, gzip -9n) from CHANGELOG.md:
# one entry per released version, newest first; the Unreleased section is left out.
# Usage: debian-changelog.sh CHANGELOG.md PACKAGE MAINTAINER OUT.gz
# CHANGELOG.md's format is described at its top: `## VERSION - YYYY-MM-DD` headings, each followed
# by `- ` items whose continuation lines are indented by two spaces. Anything else inside a
# released version, a bad date, or a line of changes that would pass 80 columns stops the build.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 CHANGELOG.md PACKAGE MAINTAINER OUT.gz" >&2; exit 2; }
changelog=$1
package=$2
maintainer=$3
out=$4

# awk turns each released version into "@@ VERSION DATE" and its items into changelog lines;
# the dates become RFC 5322 dates here, where GNU date does it.
parsed=$(awk -v file="$changelog" '
  function fail(message) {
    printf "%s:%d: %s\n", file, NR, message > "/dev/stderr"; bad = 1; exit 1
  }
  /^## / {
    if ($0 == "## Unreleased") { released = 0; next }
    if ($0 !~ /^## [0-9][0-9A-Za-z.+~]* - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/)
      fail("a version heading is `## VERSION - YYYY-MM-DD` or `## Unreleased`")
    released = 1; print "@@ " $2 " " $4; items = 0; next
  }
  !released { next }
  /^$/ { next }
  /^- /  { print "  * " substr($0, 3); items++; next }
  /^  [^ ]/ && items { print "    " substr($0, 3); next }
  { fail("a released version holds `- ` items and their indented continuation lines only") }
  END { if (!bad && NR == 0) fail("empty") }
' "$changelog")
[ -n "$parsed" ] || { echo "$changelog: no released version" >&2; exit 1; }

text=$(
  first=1
  while IFS= read -r line; do
    if [[ $line == "@@ "* ]]; then
      read -r _ version day <<<"$line"
      date=$(LC_ALL=C date -u -R -d "$day") || { echo "$changelog: bad date $day" >&2; exit 1; }
      [ $first = 1 ] || printf '\n -- %s  %s\n\n' "$maintainer" "$previous_date"
      printf '%s (%s) unstable; urgency=medium\n\n' "$package" "$version"
      previous_date=$date
      first=0
    else
      printf '%s\n' "$line"
    fi
  done <<<"$parsed"
  printf '\n -- %s  %s\n' "$maintainer" "$previous_date"
)
too_long=$(awk '/^  / && length > 80 { print "  " $0 }' <<<"$text")
if [ -n "$too_long" ]; then
  printf '%s: these changelog lines pass 80 columns:\n%s\n' "$changelog" "$too_long" >&2
  exit 1
fi
printf '%s\n' "$text" | gzip -9n >"$out.tmp"
mv "$out.tmp" "$out"
