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
TAB=$'\t'

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
# space-separated, so that no test keeps a copy of the list; with FAMILY, that family's
# subcommands (iotc-jobs FAMILY --help).
program_commands() {
  local names
  names=$("$IOTC_JOBS" "$@" --help | sed -n '/^Subcommands:$/,/^$/p' |
    sed -n 's/^  \([a-z][a-z-]*\)[ ,].*/\1/p' | words)
  if [ -z "$names" ]; then
    echo "iotc-jobs $* --help lists no commands" >&2
    exit 1
  fi
  echo "$names"
}

# Those of the program's commands (or FAMILY's subcommands) that start with PREFIX.
program_commands_starting() {
  program_commands "${@:2}" | tr ' ' '\n' | { grep "^$1" || true; } | words
}

# Starts the emulator on a free port with a token (and EMULATOR_OPTIONS), and creates the jobs
# whose ids are $@ on the demo app, each named "Job ID". Sets BASE_URL and exports IOTC_API_TOKEN.
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
    "$IOTC_JOBS" --base-url "$BASE_URL" -q create "$id" --name "Job $id" --group Thermostats \
      --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --set targetTemperature=56 >/dev/null
  done
}

# Creates the device groups whose ids are $@ on the emulator's app (which has five of its own),
# each named "Group ID".
add_groups() {
  local id
  for id in "$@"; do
    "$IOTC_JOBS" --base-url "$BASE_URL" -q group create "$id" --name "Group $id" \
      --filter 'SELECT * FROM devices' >/dev/null
  done
}

# Creates the scheduled jobs whose ids are $@ on the emulator's app, each named "Schedule ID" and
# to run once in an hour.
add_schedules() {
  local id
  for id in "$@"; do
    "$IOTC_JOBS" --base-url "$BASE_URL" -q schedule create "$id" --name "Schedule $id" \
      --group Thermostats \
      --target dtmi:modelDefinition:zomtmdxh:eqod32zbyl --set targetTemperature=56 \
      --start now+1h >/dev/null
  done
}

# The ids that `iotc-jobs LIST-COMMAND... -o tsv --columns id` prints for the emulator's app,
# sorted and space-separated: what a lookup of every id must offer.
service_ids() {
  "$IOTC_JOBS" --base-url "$BASE_URL" "$@" -o tsv --columns id | words
}

# Puts a stand-in for the program first on PATH that prints, as `list -o tsv --columns id` (or
# `group list ...`, `schedule list ...`) would, the ids a hostile service sent: commands in $(...)
# and backticks, an id past 255 characters, terminal escapes, a carriage return, a tab, and one
# valid id: good-1 for jobs, good-group for groups, good-schedule for scheduled jobs. Asked for
# `--columns id,displayName`, it adds a name to each line: the valid id's is hostile too
# (HOSTILE_NAMES), and one more line has a valid id and a name with a tab, which makes it a line
# of three fields. Then cds to $WORK, where a command that ran would leave a file named pwned*.
# shellcheck disable=SC2016 # the ids must stay unexpanded: they are the attack
HOSTILE_IDS=('$(touch${IFS}pwned1)' '`touch${IFS}pwned2`' 'a;touch${IFS}pwned3'
  "$(printf 'x%.0s' {1..256})" $'\e[31mred\e[0m' $'\e]0;title\a' $'cr\r' $'tab\tid')
# The valid ids' names, by kind: escapes, a command and 10,000 characters for the job; backticks,
# a prompt escape, a colon, a backslash and a carriage return for the group; a screen clear for
# the scheduled job.
# shellcheck disable=SC2016 # the names must stay unexpanded too
declare -A HOSTILE_NAMES=(
  [job]=$'\e[31mred\e[0m\e]0;title\a$(touch${IFS}pwned4)'"$(printf 'x%.0s' {1..10000})"
  [group]=$'`touch${IFS}pwned5` %F{red}a:b\\c\rd'
  [schedule]=$'schedule\e[2J name'
)
use_hostile_service() {
  mkdir -p "$WORK/hostile"
  {
    echo '#!/bin/sh'
    printf "job_name='%s' group_name='%s' schedule_name='%s'\n" "${HOSTILE_NAMES[job]}" \
      "${HOSTILE_NAMES[group]}" "${HOSTILE_NAMES[schedule]}"
    cat <<'STAND_IN'
case " $* " in
  *" group list "*) good=good-group name=$group_name ;;
  *" schedule list "*) good=good-schedule name=$schedule_name ;;
  *) good=good-1 name=$job_name ;;
esac
case " $* " in *" id,displayName "*) ;; *) name= ;; esac
STAND_IN
    printf 'for id in'
    printf " '%s'" "${HOSTILE_IDS[@]}"
    echo '; do'
    cat <<'STAND_IN'
  if [ -n "$name" ]; then printf '%s\tA name\n' "$id"; else printf '%s\n' "$id"; fi
done
if [ -z "$name" ]; then printf '%s\n' "$good"; exit 0; fi
printf '%s\t%s\n' "$good" "$name"
printf 'tabbed-name\tTab\there\n'
STAND_IN
  } >"$WORK/hostile/iotc-jobs"
  chmod +x "$WORK/hostile/iotc-jobs"
  PATH="$WORK/hostile:$PATH"
  cd "$WORK"
}

# The files a hostile id would have created, if any ran.
pwned_files() { find "$WORK" -maxdepth 1 -name 'pwned*' -printf '%f\n' | words; }

# The checks below are every shell's: each test defines complete_line LINE for its shell.

# The families: their subcommands, then each subcommand's options and values.
check_family_commands() {
  expect "schedule's subcommands" "$(program_commands schedule)" \
    "$(complete_line 'iotc-jobs schedule ')"
  expect "group's subcommands" "$(program_commands group)" "$(complete_line 'iotc-jobs group ')"
  expect "group's subcommands by its other name" "$(program_commands group)" \
    "$(complete_line 'iotc-jobs groups ')"
  expect "a family's subcommand by prefix" "$(program_commands_starting de group)" \
    "$(complete_line 'iotc-jobs -o json group de')"
  expect "a family's subcommand's options" "--every" \
    "$(complete_line 'iotc-jobs schedule create --ev')"
  expect "a family's subcommand's option values" "daily monthly once weekly" \
    "$(complete_line 'iotc-jobs schedule update nightly-1 --every ')"
  expect "a family's subcommand's own options only" "--filter" \
    "$(complete_line 'iotc-jobs group update g-1 --fi')"
}

# With the emulator started and IOTC_BASE_URL set: group and scheduled job ids from the service.
check_group_and_schedule_ids() {
  add_groups lab-a lab-b
  add_schedules nightly-s1 weekly-s1
  expect "group ids from the service" "$(service_ids group list)" \
    "$(complete_line "iotc-jobs --base-url $BASE_URL group show ")"
  expect "group ids by prefix" "lab-a lab-b" "$(complete_line "iotc-jobs group devices la")"
  expect "group ids by the family's other name" "lab-a lab-b" \
    "$(complete_line "iotc-jobs groups delete la")"
  expect "create -g offers group ids" "lab-a lab-b" "$(complete_line "iotc-jobs create -g la")"
  expect "schedule ids from the service" "nightly-s1 weekly-s1" \
    "$(complete_line "iotc-jobs --base-url=$BASE_URL schedule runs ")"
  expect "schedule ids by prefix" "weekly-s1" "$(complete_line "iotc-jobs schedule update w")"
  expect "list --schedule offers schedule ids" "nightly-s1" \
    "$(complete_line "iotc-jobs list --schedule n")"
  expect "a new group's id offers nothing" "" "$(complete_line "iotc-jobs group create la")"
}

# With use_hostile_service: only the valid group and scheduled job ids are offered.
check_hostile_group_and_schedule_ids() {
  expect "only valid group ids from a hostile service" "good-group" \
    "$(complete_line "iotc-jobs group show ")"
  expect "only valid group ids for create -g" "good-group" "$(complete_line "iotc-jobs create -g ")"
  expect "only valid schedule ids from a hostile service" "good-schedule" \
    "$(complete_line "iotc-jobs schedule runs ")"
  expect "only valid schedule ids for list --schedule" "good-schedule" \
    "$(complete_line "iotc-jobs list --schedule ")"
}

# The lines "ID<TAB>NAME" that `iotc-jobs LIST-COMMAND... -o tsv --columns id,displayName` prints
# for the emulator's app, sorted: what zsh and fish show for a lookup of every id.
service_ids_and_names() {
  "$IOTC_JOBS" --base-url "$BASE_URL" "$@" -o tsv --columns id,displayName | sort
}

# The checks of the shells that describe ids (zsh, fish): each test defines described_line LINE,
# which prints the candidates for LINE as "ID<TAB>DESCRIPTION" (or "ID"), sorted.

# With the emulator started and IOTC_BASE_URL set: ids come with their names.
check_names_from_the_service() {
  expect "group ids with their names" "$(service_ids_and_names group list)" \
    "$(described_line "iotc-jobs group show ")"
  expect "a new group's name" "lab-a${TAB}Group lab-a" \
    "$(described_line "iotc-jobs create -g lab-a")"
  expect "scheduled job ids with their names" "$(service_ids_and_names schedule list)" \
    "$(described_line "iotc-jobs schedule runs ")"
  expect "job ids with their names" "$(service_ids_and_names list)" \
    "$(described_line "iotc-jobs show ")"
}

# The name of HOSTILE_NAMES[$1] as the shells show it: without its control characters (the rest of
# an escape sequence stays, as text), and cut to 60 characters, the last three "...".
shown_name() {
  local name=${HOSTILE_NAMES[$1]//[[:cntrl:]]/}
  if [ ${#name} -gt 60 ]; then name="${name:0:57}..."; fi
  printf '%s' "$name"
}

# With use_hostile_service: the valid ids are offered with their names made harmless, the line
# whose name has a tab is dropped, nothing runs, and no control character is offered.
check_hostile_names() {
  local offered
  offered=$(described_line "iotc-jobs show ")
  expect "a job name loses its escapes and is cut" "good-1${TAB}$(shown_name job)" "$offered"
  offered+=$(described_line "iotc-jobs group show ")
  expect "a group name keeps its text as it is" \
    "good-group${TAB}$(shown_name group)" "$(described_line "iotc-jobs group show ")"
  # shellcheck disable=SC2016 # the name as shown: nothing in it expands
  local group_shown='`touch${IFS}pwned5` %F{red}a:b\cd'
  expect "a group name's backslash, colon and prompt escape stay text" \
    "good-group${TAB}${group_shown}" "$(described_line "iotc-jobs create -g ")"
  offered+=$(described_line "iotc-jobs schedule runs ")
  expect "a scheduled job name loses its escape" "good-schedule${TAB}$(shown_name schedule)" \
    "$(described_line "iotc-jobs list --schedule ")"
  expect "no control character offered" "0" "$(printf '%s' "$offered" | tr -d '\n\t' |
    LC_ALL=C grep -c '[[:cntrl:]]' || true)"
  expect "no command in a name runs" "" "$(pwned_files)"
}

finish() {
  if [ "$FAILURES" -ne 0 ]; then
    echo "$FAILURES check(s) failed"
    exit 1
  fi
}
