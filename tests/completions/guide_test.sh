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

# The guide's "Choose the devices" walkthrough runs as shown against a fresh emulator.
printf 'SharedAccessSignature sr=demo&sig=demo&skn=operator&se=1' >"$WORK/groups-token"
"$EMULATOR" --listen 127.0.0.1:0 --token-file "$WORK/groups-token" --time-scale 200 \
  >"$WORK/groups-emulator.out" 2>/dev/null &
groups_emulator=$!
until [ -s "$WORK/groups-emulator.out" ]; do sleep 0.1; done
walk=$(PATH="$(dirname "$IOTC_JOBS"):$PATH" IOTC_BASE_URL=$(head -n1 "$WORK/groups-emulator.out") \
  IOTC_API_TOKEN=$(cat "$WORK/groups-token") sh "$REPO/docs/examples/groups/choose-devices.sh" 2>&1) ||
  echo "$walk"
kill "$groups_emulator"
expect "the guide's choose-the-devices walkthrough ends with the group deleted" \
  "Deleted device group" "$(tail -n1 <<<"$walk" | cut -c1-20)"

# The guide shows each script whole, in a ```sh block that starts with its #! line.
shown=$(sed -n '/^#!\/bin\/sh$/,/^```$/p' "$REPO/docs/guide.md" | sed '/^```$/d')
expected=$(cat "$REPO/docs/examples/groups/choose-devices.sh" \
  "$REPO/docs/examples/deploy/set-temperature.sh" \
  "$REPO/docs/examples/ci/test-against-emulator.sh")
expect "the guide shows the example scripts as they are" "$expected" "$shown"
finish
