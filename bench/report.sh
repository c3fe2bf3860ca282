# Prints the results of bench/run as Markdown (sourced by bench/run, after the measurements).
# shellcheck shell=bash
# shellcheck disable=SC2154  # every figure is set by bench/run before it sources this file

S=$WORK/startup.bench.json T=$WORK/two_pages.bench.json
L=$WORK/list.pairs D=$WORK/devices.pairs
version_ms=$(median_ms "$S" 0)
curl_version_ms=$(median_ms "$S" 3)
help_ms=$(median_ms "$S" 1)
one_page_ms=$(median_ms "$S" 2)
two_page_ms=$(median_ms "$T" 0)
list_ms=$(paired_median "$L" 1)
list_floor_ms=$(paired_median "$L" 3)
devices_ms=$(paired_median "$D" 1)
devices_floor_ms=$(paired_median "$D" 3)
list_ratio=$(paired_median "$L" ratio)
devices_ratio=$(paired_median "$D" ratio)
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
- wall times are medians, CPU times (user + system) means; start-up: hyperfine, $STARTUP_RUNS runs after warm-up

| measurement | iotc-jobs: median wall (CPU) | reference: median wall (CPU) | ratio | goal | |
|---|---|---|---:|---|---|
| \`--version\` | $version_ms ms ($(cpu_ms "$S" 0) ms) | \`curl --version\` $curl_version_ms ms ($(cpu_ms "$S" 3) ms) | $(ratio "$version_ms" "$curl_version_ms") | < $GOAL_VERSION_MS ms | $(verdict "$version_ms" "<" "$GOAL_VERSION_MS") |
| \`--help\` | $help_ms ms ($(cpu_ms "$S" 1) ms) | az \`--help\` $AZ_HELP_S s (quoted, not measured) | ${help_speedup}× faster | ~100× faster | $(verdict "$help_speedup" ">=" 100) |
| \`list\`, one page ($ONE_PAGE_JOBS jobs) | $one_page_ms ms ($(cpu_ms "$S" 2) ms) | | | | |
| \`list --all\`, two pages ($TWO_PAGE_JOBS jobs) | $two_page_ms ms ($(cpu_ms "$T" 0) ms) | az two-page list $AZ_TWO_PAGE_LIST_S s (quoted, not measured) | ${two_page_speedup}× faster | ~100× faster | $(verdict "$two_page_speedup" ">=" 100) |
| \`list --all -o json\`, $list_items jobs, $list_pages pages | $list_ms ms ($(paired_mean "$L" 2) ms) | curl floor $list_floor_ms ms ($(paired_mean "$L" 4) ms) | $list_ratio | ≤ $GOAL_RATIO | $(verdict "$list_ratio" "<=" "$GOAL_RATIO") |
| \`devices -o jsonl\`, $device_items devices, $device_pages pages | $devices_ms ms ($(paired_mean "$D" 2) ms) | curl floor $devices_floor_ms ms ($(paired_mean "$D" 4) ms) | $devices_ratio | ≤ $GOAL_RATIO | $(verdict "$devices_ratio" "<=" "$GOAL_RATIO") |
| peak RSS, \`devices -o jsonl\`, $device_items devices | $devices_rss_mib MiB | curl floor $curl_rss_mib MiB | | < $GOAL_RSS_MIB MiB | $(verdict "$devices_rss_mib" "<" "$GOAL_RSS_MIB") |
| peak RSS, \`list --all -o json\` (one merged array) | $list_rss_mib MiB | | | | |
| \`create --wait\`, $WAIT_DEVICES devices in $WAIT_DEVICES batches | $wait_requests requests ($wait_polls GETs) in $wait_seconds s | | $wait_per_minute requests/min | | |
| emulator \`GET /api/jobs/{id}\`, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS ${WRK_SECONDS}s | $wrk_rps requests/s | | | | |

List and devices run alternately with their floor ($LIST_RUNS and $DEVICES_RUNS pairs after a
warm-up each); their ratio is the median of the ratios of the pairs. Per-pair ratios, list:
$(paired_median_list "$L"); devices: $(paired_median_list "$D").
Spread (min–max): --version $(range_ms "$S" 0); list one page $(range_ms "$S" 2).
${wrk_errors:+wrk reported: $wrk_errors.}
The whole run took $SECONDS s.
EOF
