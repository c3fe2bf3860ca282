#!/usr/bin/env bash
# Runs one libFuzzer binary for a bounded time: the "fuzz: <name>" tests of the fuzz build.
#   run_fuzzer.sh FUZZER WORK_DIR DEFAULT_SECONDS DICT [READ_ONLY_CORPUS_DIR...]
# New inputs go to WORK_DIR/corpus/<fuzzer> (kept between runs: each run starts where the last one
# stopped); the seeds and regression inputs are read, never written. IOTC_FUZZ_SECONDS overrides
# the time. A crash, a leak, a sanitizer report, a broken invariant, 10 s on one input or 2 GB of
# memory fails the test and leaves the input in WORK_DIR/artifacts/. The whole log goes to
# WORK_DIR/logs/<fuzzer>.log; the last line printed sums the run up (docs/hardening.md).
set -euo pipefail
fuzzer=$1 work=$2 default_seconds=$3 dict=$4
shift 4
name=$(basename "$fuzzer")
seconds=${IOTC_FUZZ_SECONDS:-$default_seconds}
mkdir -p "$work/corpus/$name" "$work/artifacts" "$work/logs"
log=$work/logs/$name.log
status=0
"$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
  -max_len=8192 -dict="$dict" -artifact_prefix="$work/artifacts/$name-" \
  "$work/corpus/$name" "$@" >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log"
  echo "$name: FAILED (exit $status); the input is in $work/artifacts/, the log in $log"
  exit "$status"
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
last=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9A-Za-z]*' "$log" | tail -n 1)
echo "$name: ${runs:-?} executions in ${seconds} s (${rate:-?}/s), $last"
