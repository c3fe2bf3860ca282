# Prints the results of bench/run as Markdown (sourced by bench/run, after the measurements).
# shellcheck shell=bash
# shellcheck disable=SC2154  # every figure is set by bench/run before it sources this file

S=$WORK/startup.bench.json T=$WORK/two_pages.bench.json
L=$WORK/list.bench.json D=$WORK/devices.bench.json
version_ms=$(median_ms "$S" 0)
curl_version_ms=$(median_ms "$S" 3)
help_ms=$(median_ms "$S" 1)
one_page_ms=$(median_ms "$S" 2)
two_page_ms=$(median_ms "$T" 0)
list_ms=$(median_ms "$L" 0)
list_floor_ms=$(median_ms "$L" 1)
devices_ms=$(median_ms "$D" 0)
devices_floor_ms=$(median_ms "$D" 1)
list_ratio=$(ratio "$list_ms" "$list_floor_ms")
devices_ratio=$(ratio "$devices_ms" "$devices_floor_ms")
list_min_ratio=$(ratio "$(min_ms "$L" 0)" "$(min_ms "$L" 1)")
devices_min_ratio=$(ratio "$(min_ms "$D" 0)" "$(min_ms "$D" 1)")
devices_rss_mib=$(awk -v k="$devices_rss" 'BEGIN { printf "%.1f", k / 1024 }')
list_rss_mib=$(awk -v k="$list_rss" 'BEGIN { printf "%.1f", k / 1024 }')
curl_rss_mib=$(awk -v k="$curl_rss" 'BEGIN { printf "%.1f", k / 1024 }')
help_speedup=$(ratio "$(awk -v s="$AZ_HELP_S" 'BEGIN { print s * 1000 }')" "$help_ms")
two_page_speedup=$(ratio "$(awk -v s="$AZ_TWO_PAGE_LIST_S" 'BEGIN { print s * 1000 }')" "$two_page_ms")

cat <<EOF
## Results

- command: \`bench/run\` ($build_type build in $IOTC_BUILD_DIR)
$(machine_summary)
- load average (1, 5, 15 min): $load_at_start at the start, $(load_average) at the end
- emulator: \`--time-scale $TIME_SCALE\`, page size 100, api-version $API_VERSION, in-memory state;
  $MANY_JOBS jobs created with keep-alive PUTs in ${put_seconds} s
- wall times are medians, CPU times (user + system) means; hyperfine runs: start-up $STARTUP_RUNS, list $LIST_RUNS, devices $DEVICES_RUNS (after warm-up)

| measurement | iotc-jobs: median wall (CPU) | reference: median wall (CPU) | ratio | goal | |
|---|---|---|---:|---|---|
| \`--version\` | $version_ms ms ($(cpu_ms "$S" 0) ms) | \`curl --version\` $curl_version_ms ms ($(cpu_ms "$S" 3) ms) | $(ratio "$version_ms" "$curl_version_ms") | < $GOAL_VERSION_MS ms | $(verdict "$version_ms" "<" "$GOAL_VERSION_MS") |
| \`--help\` | $help_ms ms ($(cpu_ms "$S" 1) ms) | az \`--help\` $AZ_HELP_S s (quoted, not measured) | ${help_speedup}× faster | ~100× faster | $(verdict "$help_speedup" ">=" 100) |
| \`list\`, one page ($ONE_PAGE_JOBS jobs) | $one_page_ms ms ($(cpu_ms "$S" 2) ms) | | | | |
| \`list --all\`, two pages ($TWO_PAGE_JOBS jobs) | $two_page_ms ms ($(cpu_ms "$T" 0) ms) | az two-page list $AZ_TWO_PAGE_LIST_S s (quoted, not measured) | ${two_page_speedup}× faster | ~100× faster | $(verdict "$two_page_speedup" ">=" 100) |
| \`list --all -o json\`, $list_items jobs, $list_pages pages | $list_ms ms ($(cpu_ms "$L" 0) ms) | curl floor $list_floor_ms ms ($(cpu_ms "$L" 1) ms) | $list_ratio (fastest runs: $list_min_ratio) | ≤ $GOAL_RATIO | $(verdict "$list_ratio" "<=" "$GOAL_RATIO") |
| \`devices -o jsonl\`, $device_items devices, $device_pages pages | $devices_ms ms ($(cpu_ms "$D" 0) ms) | curl floor $devices_floor_ms ms ($(cpu_ms "$D" 1) ms) | $devices_ratio (fastest runs: $devices_min_ratio) | ≤ $GOAL_RATIO | $(verdict "$devices_ratio" "<=" "$GOAL_RATIO") |
| peak RSS, \`devices -o jsonl\`, $device_items devices | $devices_rss_mib MiB | curl floor $curl_rss_mib MiB | | < $GOAL_RSS_MIB MiB | $(verdict "$devices_rss_mib" "<" "$GOAL_RSS_MIB") |
| peak RSS, \`list --all -o json\` (one merged array) | $list_rss_mib MiB | | | | |
| \`create --wait\`, $WAIT_DEVICES devices in $WAIT_DEVICES batches | $wait_requests requests ($wait_polls GETs) in $wait_seconds s | | $wait_per_minute requests/min | | |
| emulator \`GET /api/jobs/{id}\`, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS ${WRK_SECONDS}s | $wrk_rps requests/s | | | | |

Spread (min–max): --version $(range_ms "$S" 0); list one page
$(range_ms "$S" 2); list 100 pages $(range_ms "$L" 0),
its floor $(range_ms "$L" 1); devices 1,000 pages
$(range_ms "$D" 0), its floor $(range_ms "$D" 1).
${wrk_errors:+wrk reported: $wrk_errors.}
The whole run took $SECONDS s.
EOF
