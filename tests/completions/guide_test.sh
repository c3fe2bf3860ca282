#!/usr/bin/env bash
# The user guide's CI recipe works: its pipeline test passes against the real emulator, and the
# scripts the guide shows are the ones in docs/examples/ that this test runs.
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

PATH="$(dirname "$EMULATOR"):$PATH"
cp -r "$REPO/docs/examples/." "$WORK/project"
output=$(cd "$WORK/project" && RUN_ID=guide sh ci/test-against-emulator.sh 2>&1) || {
  echo "$output"
  expect "the CI recipe's pipeline test passes" passed failed
}
expect "the CI recipe's pipeline test passes" "pipeline test passed" "$(tail -n1 <<<"$output")"

# The guide shows each script whole, in a ```sh block that starts with its #! line.
shown=$(sed -n '/^#!\/bin\/sh$/,/^```$/p' "$REPO/docs/guide.md" | sed '/^```$/d')
expected=$(cat "$REPO/docs/examples/deploy/set-temperature.sh" \
  "$REPO/docs/examples/ci/test-against-emulator.sh")
expect "the guide shows the example scripts as they are" "$expected" "$shown"
finish
