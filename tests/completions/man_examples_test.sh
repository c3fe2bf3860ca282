#!/usr/bin/env bash
# The man page's EXAMPLES run as printed: each block, in bash, against the real emulator (jobs
# finishing in well under a second), with a job.json in the working directory. Every iotc-jobs
# it runs must end 0 or 6 (a job with failed devices, which the demo groups have): never a usage
# error, a failure or "not found".
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

EMULATOR_OPTIONS=(--time-scale 1000)
# shellcheck disable=SC2119 # no jobs to make beforehand: the examples make theirs
start_emulator_with_jobs
export IOTC_BASE_URL=$BASE_URL
mkdir -p "$WORK/examples"
cat >"$WORK/examples/job.json" <<'JOB'
{"displayName": "Nightly", "group": "Thermostats",
 "data": [{"type": "property", "target": "dtmi:modelDefinition:zomtmdxh:eqod32zbyl",
           "path": "targetTemperature", "value": 21}]}
JOB

# The blocks between .nf and .fi of the EXAMPLES section, unescaped, separated by a NUL.
sed -n '/^\.SH "EXAMPLES"/,/^\.SH /p' "$REPO/docs/iotc-jobs.1" |
  awk '/^\.nf$/ {inside = 1; next} /^\.fi$/ {inside = 0; printf "%c", 0; next} inside' |
  sed -e 's/\\-/-/g' -e 's/\\e/\\/g' >"$WORK/blocks"

blocks=0
while IFS= read -r -d '' block; do
  blocks=$((blocks + 1))
  # Each iotc-jobs the block runs notes its exit status and arguments.
  # shellcheck disable=SC2016 # expanded by the bash that runs the block
  wrapper='iotc-jobs() { command iotc-jobs "$@"; local rc=$?; echo "$rc $*" >>"$CODES"; return $rc; }'
  if ! output=$(cd "$WORK/examples" && CODES="$WORK/codes" bash -c "$wrapper"$'\n'"$block" 2>&1); then
    : # a block's own status is its last command's; the codes below are what count
  fi
  expect "example $blocks runs without a shell error" "" \
    "$(grep -E 'command not found|syntax error|No such file' <<<"$output" || true)"
done <"$WORK/blocks"

expect "the EXAMPLES section has its three blocks" 3 "$blocks"
runs=$(wc -l <"$WORK/codes")
expect "the examples run iotc-jobs at least 5 times" yes "$([ "$runs" -ge 5 ] && echo yes || echo "$runs")"
expect "every iotc-jobs of the examples ends 0 or 6" "" "$(grep -Ev '^(0|6) ' "$WORK/codes" || true)"
finish
