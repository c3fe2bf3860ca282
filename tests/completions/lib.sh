# Shared by the completion tests: assertions and a throwaway emulator with one job in it.
# shellcheck shell=bash
# Arguments of every test: REPO IOTC_JOBS IOTC_JOBS_EMULATOR.

set -euo pipefail
# shellcheck disable=SC2034 # used by the tests that source this file
REPO=$1
IOTC_JOBS=$2
EMULATOR=$3
# The scripts run the program by the name on the line, as a user's shell would.
PATH="$(dirname "$IOTC_JOBS"):$PATH"
export PATH
WORK=$(mktemp -d)
EMULATOR_PID=
cleanup() {
  if [ -n "$EMULATOR_PID" ]; then kill "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
FAILURES=0

# expect NAME EXPECTED ACTUAL: the candidates, sorted and space-separated, must be EXPECTED.
expect() {
  if [ "$2" == "$3" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1"
    echo "  expected: [$2]"
    echo "  actual:   [$3]"
    FAILURES=$((FAILURES + 1))
  fi
}

# Sorted, space-separated words from standard input, one a line.
words() { sort | tr '\n' ' ' | sed 's/ $//'; }

# The commands as the program lists them in its --help (its command table), sorted and
# space-separated, so that no test keeps a copy of the list.
program_commands() {
  local names
  names=$("$IOTC_JOBS" --help | sed -n '/^Subcommands:$/,/^$/p' |
    sed -n 's/^  \([a-z][a-z-]*\)[ ,].*/\1/p' | words)
  if [ -z "$names" ]; then
    echo "iotc-jobs --help lists no commands" >&2
    exit 1
  fi
  echo "$names"
}

# Those of the program's commands that start with PREFIX.
program_commands_starting() {
  program_commands | tr ' ' '\n' | { grep "^$1" || true; } | words
}

# Starts the emulator on a free port with a token (and EMULATOR_OPTIONS), and creates the jobs
# named in $@ on the demo app. Sets BASE_URL and exports IOTC_API_TOKEN.
EMULATOR_OPTIONS=()
start_emulator_with_jobs() {
  export IOTC_API_TOKEN="SharedAccessSignature sr=completion-test&sig=x&skn=t&se=1"
  "$EMULATOR" --listen 127.0.0.1:0 --token "$IOTC_API_TOKEN" "${EMULATOR_OPTIONS[@]}" \
    >"$WORK/emulator.out" 2>/dev/null &
  EMULATOR_PID=$!
  local tries=0
  until [ -s "$WORK/emulator.out" ]; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || { echo "the emulator did not start" >&2; exit 1; }
    sleep 0.1
  done
  BASE_URL=$(head -n1 "$WORK/emulator.out")
  local id
  for id in "$@"; do
    "$IOTC_JOBS" --base-url "$BASE_URL" -q create "$id" --group Thermostats \
      --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --set targetTemperature=56 >/dev/null
  done
}

# Puts a stand-in for the program first on PATH that prints, as `list -o tsv --columns id` would,
# the job ids a hostile service sent: commands in $(...) and backticks, a newline-split id, and
# one valid id. Then cds to $WORK, where a command that ran would leave a file named pwned*.
# shellcheck disable=SC2016 # the ids must stay unexpanded: they are the attack
HOSTILE_IDS=('$(touch${IFS}pwned1)' '`touch${IFS}pwned2`' 'a;touch${IFS}pwned3' 'good-1'
  "$(printf 'x%.0s' {1..256})")
use_hostile_service() {
  mkdir -p "$WORK/hostile"
  {
    echo '#!/bin/sh'
    printf "printf '%%s\\n'"
    printf " '%s'" "${HOSTILE_IDS[@]}"
    echo
  } >"$WORK/hostile/iotc-jobs"
  chmod +x "$WORK/hostile/iotc-jobs"
  PATH="$WORK/hostile:$PATH"
  cd "$WORK"
}

# The files a hostile id would have created, if any ran.
pwned_files() { find "$WORK" -maxdepth 1 -name 'pwned*' -printf '%f\n' | words; }

finish() {
  if [ "$FAILURES" -ne 0 ]; then
    echo "$FAILURES check(s) failed"
    exit 1
  fi
}
