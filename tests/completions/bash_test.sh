#!/usr/bin/env bash
# Drives completions/iotc-jobs.bash the way bash does on Tab: bash-completion loaded, COMP_WORDS
# and COMP_CWORD set, the completion function called, COMPREPLY read.
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

# shellcheck source=/dev/null
source /usr/share/bash-completion/bash_completion
# shellcheck source=/dev/null
source "$REPO/completions/iotc-jobs.bash"

# Completes LINE with the cursor at its end; prints the candidates sorted on one line.
complete_line() {
  local line=$1
  COMP_LINE=$line
  COMP_POINT=${#line}
  read -ra COMP_WORDS <<<"$line"
  if [[ $line == *' ' ]]; then COMP_WORDS+=(''); fi
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _iotc_jobs iotc-jobs "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  if [ ${#COMPREPLY[@]} -gt 0 ]; then printf '%s\n' "${COMPREPLY[@]}" | words; fi
}

expect "commands" "$(program_commands)" \
  "$(complete_line 'iotc-jobs ')"
expect "a command by prefix" "$(program_commands_starting li)" "$(complete_line 'iotc-jobs li')"
expect "commands after global options" "$(program_commands_starting re)" \
  "$(complete_line 'iotc-jobs --app contoso -o json re')"
expect "--output values" "json jsonl" "$(complete_line 'iotc-jobs -o j')"
expect "--output=values" "json jsonl" "$(complete_line 'iotc-jobs list --output=j')"
expect "--api-version values" "2022-07-31 2022-10-31-preview" \
  "$(complete_line 'iotc-jobs --api-version 2')"
expect "list --status values" "cancelled complete failed pending running stopped" \
  "$(complete_line 'iotc-jobs list --status ')"
expect "devices --status values" "completed" "$(complete_line 'iotc-jobs devices job-1 -s comp')"
expect "options of a command" "--status --summary" "$(complete_line 'iotc-jobs devices job-1 --s')"
expect "global options after a command" "--no-color" "$(complete_line 'iotc-jobs list --no-')"
expect "create options" "--set --set-cloud" "$(complete_line 'iotc-jobs create --set')"
expect "completion shells" "bash fish zsh" "$(complete_line 'iotc-jobs completion ')"
expect "free text offers nothing" "" "$(complete_line 'iotc-jobs create --name ')"
touch "$WORK/job.json" "$WORK/job.txt"
expect "--file offers paths" "$WORK/job.json" "$(complete_line "iotc-jobs create --file $WORK/job.j")"
expect "no job ids without a service" "" \
  "$(complete_line 'iotc-jobs --base-url http://127.0.0.1:9 show ')"

check_family_commands
expect "global options after a family's subcommand" "--no-color" \
  "$(complete_line 'iotc-jobs schedule runs --no-')"
expect "--file of a family's subcommand offers paths" "$WORK/job.json" \
  "$(complete_line "iotc-jobs schedule create --file $WORK/job.j")"
expect "no subcommand as a subcommand's argument" "" "$(complete_line 'iotc-jobs schedule show l')"

start_emulator_with_jobs nightly-1 nightly-2 weekly-1
expect "job ids from the service" "nightly-1 nightly-2 weekly-1" \
  "$(complete_line "iotc-jobs --base-url $BASE_URL show ")"
expect "job ids by prefix, --base-url=" "nightly-1 nightly-2" \
  "$(complete_line "iotc-jobs --base-url=$BASE_URL wait night")"
export IOTC_BASE_URL=$BASE_URL
expect "job ids from the environment's app" "weekly-1" "$(complete_line "iotc-jobs stop w")"
expect "rerun's second argument is a new id" "" "$(complete_line "iotc-jobs rerun weekly-1 w")"

check_group_and_schedule_ids
expect "schedule create --group offers group ids" "lab-b" \
  "$(complete_line "iotc-jobs schedule create --group=lab-b")"
expect "a new schedule's id offers nothing" "" "$(complete_line "iotc-jobs schedule create n")"

use_hostile_service
expect "only valid job ids from a hostile service" "good-1" "$(complete_line "iotc-jobs show ")"
check_hostile_group_and_schedule_ids
expect "no command in a job id runs" "" "$(pwned_files)"
finish
