#!/usr/bin/env bash
# Runs one libFuzzer binary for a bounded time: the "fuzz: <name>" tests of the fuzz build.
#   run_fuzzer.sh FUZZER CORPUS_DIR ARTIFACT_DIR DEFAULT_SECONDS DICT [READ_ONLY_CORPUS_DIR...]
# New inputs go to CORPUS_DIR (kept between runs: each run starts where the last one stopped);
# the seeds and regression inputs are read, never written. IOTC_FUZZ_SECONDS overrides the time.
# A crash, a leak, a sanitizer report, a timeout (10 s on one input) or 2 GB of memory fails the
# test and leaves the input in ARTIFACT_DIR.
set -euo pipefail
fuzzer=$1 corpus=$2 artifacts=$3 default_seconds=$4 dict=$5
shift 5
seconds=${IOTC_FUZZ_SECONDS:-$default_seconds}
mkdir -p "$corpus" "$artifacts"
exec "$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
  -max_len=8192 -dict="$dict" -artifact_prefix="$artifacts/$(basename "$fuzzer")-" \
  "$corpus" "$@"
