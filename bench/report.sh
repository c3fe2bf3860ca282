# Prints the results of bench/run as Markdown (sourced by bench/run, after the measurements).
# shellcheck shell=bash
# shellcheck disable=SC2154  # every figure is set by bench/run before it sources this file

S=$WORK/startup.bench.json T=$WORK/two_pages.bench.json
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# "met" or "MISSED (what)" for a wall ratio and a CPU ratio against their goals.
verdict2() {
  local wall cpu
  wall=$(verdict "$1" "<=" "$2")
  cpu=$(verdict "$3" "<=" "$4")
  if [ "$wall" = met ] && [ "$cpu" = met ]; then echo met
  elif [ "$wall" = met ]; then echo "MISSED (CPU)"
  elif [ "$cpu" = met ]; then echo "MISSED (wall)"
  else echo "MISSED (wall, CPU)"; fi
}
# "wall ms (cpu ms)" of side A (1) or B (3) of a paired_runs file: median wall, median CPU.
side() { echo "$(paired_median "$1" "$2") ms ($(paired_median "$1" $(($2 + 1))) ms)"; }
# A row against a floor with wall and CPU goals. Usage: floor_row LABEL PAIRS FLOOR_LABEL
floor_row() {
  local wall cpu
  wall=$(paired_median "$2" ratio)
  cpu=$(paired_median "$2" cpu_ratio)
  echo "| $1 | $(side "$2" 1) | $3 $(side "$2" 3) | $wall wall, $cpu CPU | ≤ $GOAL_WALL wall, ≤ $GOAL_CPU CPU | $(verdict2 "$wall" "$GOAL_WALL" "$cpu" "$GOAL_CPU") |"
}
format_row() {
  local wall cpu
  wall=$(paired_median "$WORK/$1.pairs" ratio)
  cpu=$(paired_median "$WORK/$1.pairs" cpu_ratio)
  echo "| \`list --all -o $1\`, $list_items jobs (static) | $(side "$WORK/$1.pairs" 1) | \`-o json\` $(side "$WORK/$1.pairs" 3) | $wall wall, $cpu CPU | ≤ $GOAL_FORMAT wall | $(verdict "$wall" "<=" "$GOAL_FORMAT") |"
}
rss_row() {
  echo "| peak RSS, $1 | $(mib "$2") MiB | ${3:-} | | ≤ $GOAL_RSS_MIB MiB | $(verdict "$(mib "$2")" "<=" "$GOAL_RSS_MIB") |"
}

version_ms=$(median_ms "$S" 0)
curl_version_ms=$(median_ms "$S" 3)
version_ratio=$(ratio "$version_ms" "$curl_version_ms")
help_ms=$(median_ms "$S" 1)
two_page_ms=$(median_ms "$T" 0)
help_speedup=$(ratio "$(awk -v s="$AZ_HELP_S" 'BEGIN { print s * 1000 }')" "$help_ms")
two_page_speedup=$(ratio "$(awk -v s="$AZ_TWO_PAGE_LIST_S" 'BEGIN { print s * 1000 }')" "$two_page_ms")
wan_ms=$(paired_median "$WORK/wan.pairs" 1)
wan_curl_ms=$(paired_median "$WORK/wan.pairs" 3)
wan_ratio=$(ratio "$wan_ms" "$wan_floor_ms")
wan_curl_ratio=$(ratio "$wan_curl_ms" "$wan_floor_ms")

cat <<EOF2
## Results

- command: \`$COMMAND_LINE\` ($build_type build in $IOTC_BUILD_DIR)
$(machine_summary)
- load average (1, 5, 15 min): $load_at_start at the start, $(load_average) at the end
- static floor: nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') serving the pages the emulator answered, as files, on
  loopback; curl $(curl --version | head -n 1 | cut -d ' ' -f 2) fetching them in one process over one connection
- emulator: \`--time-scale $TIME_SCALE\`, page size 100, api-version $API_VERSION, in-memory state;
  $MANY_JOBS jobs created with keep-alive PUTs in ${put_seconds} s
- WAN: TLS 1.3 to the emulator through \`bench/latency-proxy\`, $WAN_DELAY_MS ms each way
- medians of wall and CPU (user + system) times; ratios are medians of per-pair ratios
  ($STATIC_PAIRS pairs against the static floor, $FORMAT_PAIRS per format, $PAIRS against the emulator, $WAN_RUNS on the WAN);
  start-up: hyperfine, $STARTUP_RUNS runs after warm-up

| measurement | iotc-jobs: median wall (CPU) | reference: median wall (CPU) | ratio | goal | |
|---|---|---|---:|---|---|
| \`--version\` | $version_ms ms ($(cpu_ms "$S" 0) ms) | \`curl --version\` $curl_version_ms ms ($(cpu_ms "$S" 3) ms) | $version_ratio | ≤ $GOAL_VERSION | $(verdict "$version_ratio" "<=" "$GOAL_VERSION") |
| \`--help\` | $help_ms ms ($(cpu_ms "$S" 1) ms) | az \`--help\` $AZ_HELP_S s (quoted, not measured) | ${help_speedup}× faster | | |
| \`list\`, one page ($ONE_PAGE_JOBS jobs, emulator) | $(median_ms "$S" 2) ms ($(cpu_ms "$S" 2) ms) | | | | |
| \`list --all\`, two pages ($TWO_PAGE_JOBS jobs, emulator) | $two_page_ms ms ($(cpu_ms "$T" 0) ms) | az two-page list $AZ_TWO_PAGE_LIST_S s (quoted, not measured) | ${two_page_speedup}× faster | | |
$(floor_row "\`list --all -o json\`, $list_items jobs, $list_pages pages (static)" "$WORK/list-static.pairs" "curl floor (static)")
$(floor_row "\`devices -o jsonl\`, $device_items devices, $device_pages pages (static)" "$WORK/devices-static.pairs" "curl floor (static)")
$(format_row table)
$(format_row tsv)
$(format_row csv)
$(rss_row "\`devices -o jsonl\`, $device_items devices (static)" "$devices_rss" "curl floor $(mib "$curl_rss") MiB")
$(rss_row "\`list --all -o json\`, $list_items jobs (static)" "$list_rss")
$(rss_row "\`list --all -o table\`, $list_items jobs (static)" "$table_rss")
$(rss_row "\`devices -o table\`, $device_items devices (static: a table keeps its rows to align them)" "$devices_table_rss")
| \`list --all -o json\`, $list_items jobs (emulator) | $(side "$WORK/list.pairs" 1) | curl floor (emulator) $(side "$WORK/list.pairs" 3) | $(paired_median "$WORK/list.pairs" ratio) wall, $(paired_median "$WORK/list.pairs" cpu_ratio) CPU | | |
| \`devices -o jsonl\`, $device_items devices (emulator) | $(side "$WORK/devices.pairs" 1) | curl floor (emulator) $(side "$WORK/devices.pairs" 3) | $(paired_median "$WORK/devices.pairs" ratio) wall, $(paired_median "$WORK/devices.pairs" cpu_ratio) CPU | | |
| \`create --wait\`, $WAIT_DEVICES devices in $WAIT_DEVICES batches (emulator) | $wait_requests requests ($wait_polls GETs) in $wait_seconds s | | $wait_per_minute requests/min | | |
| emulator \`GET /api/jobs/{id}\`, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS ${WRK_SECONDS}s | $wrk_rps requests/s | | | | |
| WAN: \`list --all -o json\`, $wan_items jobs, $wan_pages pages | $wan_ms ms ($(paired_median "$WORK/wan.pairs" 2) ms) | floor: $((1 + wan_pages)) round trips (handshake + pages) $wan_floor_ms ms; curl $wan_curl_ms ms ($wan_curl_ratio× the floor) | $wan_ratio | ≤ $GOAL_WAN | $(verdict "$wan_ratio" "<=" "$GOAL_WAN") |
| WAN: \`wait\` on a job that ran $wan_job_seconds s (exit $wan_wait_status) | $wan_wait_requests requests; returned $wan_wait_late_s s after the job ended | | | | |

Per-pair wall ratios (sorted), list (static): $(paired_median_list "$WORK/list-static.pairs");
devices (static): $(paired_median_list "$WORK/devices-static.pairs");
table: $(paired_median_list "$WORK/table.pairs"); tsv: $(paired_median_list "$WORK/tsv.pairs");
csv: $(paired_median_list "$WORK/csv.pairs");
WAN list against curl: $(paired_median_list "$WORK/wan.pairs").
Spread (min–max): --version $(range_ms "$S" 0), curl --version $(range_ms "$S" 3).
${wrk_errors:+wrk reported: $wrk_errors.}
The whole run took $SECONDS s.
EOF2
