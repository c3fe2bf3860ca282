#!/usr/bin/env bash
# Drives completions/_iotc-jobs in an interactive zsh on a pseudo-terminal (zsh_complete.zsh):
# compinit loads it from $fpath as zsh would, a Tab completes, the candidates are read back.
# shellcheck source=tests/completions/lib.sh
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/fpath"
cp "$REPO/completions/_iotc-jobs" "$WORK/fpath/"
# Completes LINE; prints the candidates (without descriptions) sorted on one line.
complete_line() {
  zsh -f "$(dirname "$0")/zsh_complete.zsh" "$WORK/fpath" "$1" | sed 's/ -- .*//' | words
}
# Completes LINE; prints the candidates as "ID<TAB>DESCRIPTION", sorted, one a line.
described_line() {
  zsh -f "$(dirname "$0")/zsh_complete.zsh" "$WORK/fpath" "$1" | sed "s/ -- /$TAB/" | sort
}

expect "commands" "$(program_commands)" \
  "$(complete_line 'iotc-jobs ')"
expect "command descriptions" "list -- List the jobs of the app." \
  "$(zsh -f "$(dirname "$0")/zsh_complete.zsh" "$WORK/fpath" 'iotc-jobs lis')"
expect "commands after global options" "$(program_commands_starting re)" \
  "$(complete_line 'iotc-jobs --app contoso -o json re')"
expect "--output values" "json jsonl" "$(complete_line 'iotc-jobs -o j')"
expect "--output=values" "json jsonl" "$(complete_line 'iotc-jobs list --output=j')"
expect "list --status values" "cancelled complete failed pending running stopped" \
  "$(complete_line 'iotc-jobs list --status ')"
expect "options of a command" "--status --summary" "$(complete_line 'iotc-jobs devices job-1 --s')"
expect "completion shells" "bash fish zsh" "$(complete_line 'iotc-jobs completion ')"

check_family_commands

start_emulator_with_jobs nightly-1 nightly-2 weekly-1
expect "job ids from the service" "nightly-1 nightly-2 weekly-1" \
  "$(complete_line "iotc-jobs --base-url $BASE_URL show ")"
export IOTC_BASE_URL=$BASE_URL
expect "job ids from the environment's app" "nightly-1 nightly-2" \
  "$(complete_line "iotc-jobs resume night")"

check_group_and_schedule_ids
check_names_from_the_service

use_hostile_service
expect "only valid job ids from a hostile service" "good-1" "$(complete_line "iotc-jobs show ")"
check_hostile_group_and_schedule_ids
check_hostile_names
expect "no command in a job id runs" "" "$(pwned_files)"
finish
