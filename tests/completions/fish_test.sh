#!/usr/bin/env bash
# Drives completions/iotc-jobs.fish with fish's own `complete -C LINE`.
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

# Completes LINE; prints the candidates (without descriptions) sorted on one line.
complete_line() {
  fish --no-config -c "source $REPO/completions/iotc-jobs.fish; complete -C '$1'" | cut -f1 | words
}
# Completes LINE; prints the candidates as "ID<TAB>DESCRIPTION", sorted, one a line.
described_line() {
  fish --no-config -c "source $REPO/completions/iotc-jobs.fish; complete -C '$1'" | sort
}

expect "commands" "$(program_commands)" \
  "$(complete_line 'iotc-jobs ')"
expect "a command by prefix" "$(program_commands_starting li)" "$(complete_line 'iotc-jobs li')"
expect "commands after global options" "$(program_commands_starting re)" \
  "$(complete_line 'iotc-jobs --app contoso -o json re')"
expect "--output values" "json jsonl" "$(complete_line 'iotc-jobs -o j')"
expect "--api-version values" "2022-07-31 2022-10-31-preview" \
  "$(complete_line 'iotc-jobs --api-version 2')"
expect "list --status values" "cancelled complete failed pending running stopped" \
  "$(complete_line 'iotc-jobs list --status ')"
expect "options of a command" "--status --summary" "$(complete_line 'iotc-jobs devices job-1 --s')"
expect "global options after a command" "--no-color" "$(complete_line 'iotc-jobs list --no-')"
expect "completion shells" "bash fish zsh" "$(complete_line 'iotc-jobs completion ')"

check_family_commands
expect "descriptions" "list	List the jobs of the app." \
  "$(fish --no-config -c "source $REPO/completions/iotc-jobs.fish; complete -C 'iotc-jobs lis'")"
touch "$WORK/job.json" "$WORK/job.txt"
expect "--file offers paths" "$WORK/job.json" "$(complete_line "iotc-jobs create --file $WORK/job.j")"
expect "no job ids without a service" "" \
  "$(complete_line 'iotc-jobs --base-url http://127.0.0.1:9 show ')"

start_emulator_with_jobs nightly-1 nightly-2 weekly-1
expect "job ids from the service" "nightly-1 nightly-2 weekly-1" \
  "$(complete_line "iotc-jobs --base-url $BASE_URL show ")"
export IOTC_BASE_URL=$BASE_URL
expect "job ids from the environment's app" "nightly-1 nightly-2" \
  "$(complete_line "iotc-jobs devices night")"
expect "no job id as a second argument" "" "$(complete_line "iotc-jobs show weekly-1 ")"

check_group_and_schedule_ids
check_names_from_the_service

use_hostile_service
expect "only valid job ids from a hostile service" "good-1" "$(complete_line "iotc-jobs show ")"
check_hostile_group_and_schedule_ids
check_hostile_names
expect "no command in a job id runs" "" "$(pwned_files)"
finish
