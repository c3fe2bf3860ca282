#!/usr/bin/env bash
# man renders each committed page with every groff warning on, and says nothing on stderr; the
# pages have their sections.
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

for page in iotc-jobs iotc-jobs-emulator; do
  MANWIDTH=80 man --warnings -l "$REPO/docs/$page.1" >"$WORK/$page.txt" 2>"$WORK/$page.err"
  expect "$page.1 renders without warnings" "" "$(cat "$WORK/$page.err")"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
    expect "$page.1 has $section" "$section" "$(grep -x "$section" "$WORK/$page.txt" || true)"
  done
done
for section in COMMANDS ENVIRONMENT FILES; do
  expect "iotc-jobs.1 has $section" "$section" "$(grep -x "$section" "$WORK/iotc-jobs.txt" || true)"
done
# Every command has its own part, and the exit-code table is there.
for command in $(program_commands); do
  expect "iotc-jobs.1 documents $command" "   $command" \
    "$(grep -x "   $command" "$WORK/iotc-jobs.txt" || true)"
done
# ...and so has every command of a family ("schedule create"), named in the synopsis too.
for family in schedule group; do
  for command in $(program_commands "$family"); do
    expect "iotc-jobs.1 documents $family $command" "   $family $command" \
      "$(grep -x "   $family $command" "$WORK/iotc-jobs.txt" || true)"
    expect "iotc-jobs.1's synopsis has $family $command" "1" \
      "$(sed -n '/^SYNOPSIS$/,/^DESCRIPTION$/p' "$WORK/iotc-jobs.txt" |
        grep -c "iotc-jobs $family $command " || true)"
  done
done
expect "iotc-jobs.1 lists exit code 130" "130" "$(grep -oE '^ +130 ' "$WORK/iotc-jobs.txt" | tr -d ' ')"
finish
