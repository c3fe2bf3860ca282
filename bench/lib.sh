# Helpers of bench/run: the machine, the emulator, hyperfine and the emulator's request log.
# shellcheck shell=bash
# WORK (the run's scratch directory), EMULATOR and BASE_URL are set by bench/run.
# shellcheck disable=SC2153

# Every figure is only as good as the machine under it: print what it was.
machine_summary() {
  local cpu memory
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $memory RAM, $(uname -sr)"
}

load_average() {
  cut -d ' ' -f 1-3 /proc/loadavg
}

# Starts the emulator in the background on a free loopback port; sets EMULATOR_PID and BASE_URL.
# Usage: start_emulator WORKDIR EMULATOR_ARGS...
start_emulator() {
  local work=$1
  shift
  "$EMULATOR" --listen 127.0.0.1:0 "$@" >"$work/emulator.out" 2>"$work/emulator.err" &
  EMULATOR_PID=$!
  # The base URL is the first stdout line, printed once the seed is loaded and the port listens.
  local waited=0
  BASE_URL=
  while [ -z "$BASE_URL" ]; do
    if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
      echo "bench: the emulator exited at start:" >&2
      cat "$work/emulator.err" >&2
      exit 1
    fi
    if [ "$waited" -ge "$EMULATOR_START_TIMEOUT_TENTHS" ]; then
      echo "bench: the emulator printed no URL within $((EMULATOR_START_TIMEOUT_TENTHS / 10)) s" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
    BASE_URL=$(head -n 1 "$work/emulator.out")
  done
}

stop_emulator() {
  if [ -n "${EMULATOR_PID:-}" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID"
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  EMULATOR_PID=
}

# Runs hyperfine on COMMANDS (no intermediate shell, stdout discarded) and exports to JSON_FILE.
# Usage: bench_commands JSON_FILE WARMUP RUNS COMMAND...
bench_commands() {
  local json=$1 warmup=$2 runs=$3
  shift 3
  hyperfine --shell=none --warmup "$warmup" --runs "$runs" --style basic \
    --export-json "$json" "$@" >&2
}

# Runs command A and command B alternately, RUNS times after one warm-up each, stdout to
# /dev/null, and writes one line per pair to OUT: "wallA cpuA wallB cpuB" in milliseconds.
# Alternating pairs keep a change in the machine's load from landing on one side only.
# Usage: paired_runs OUT RUNS A... -- B...
paired_runs() {
  local out=$1 runs=$2 a=() b=() i
  shift 2
  while [ "$1" != -- ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  one_run "${a[@]}" >/dev/null
  one_run "${b[@]}" >/dev/null
  : >"$out"
  for ((i = 0; i < runs; i++)); do
    echo "$(one_run "${a[@]}") $(one_run "${b[@]}")" >>"$out"
  done
}

# "wall cpu" in milliseconds of one run of a command (wall from bash's clock, CPU from GNU time).
one_run() {
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%U %S' -o "$WORK/one_run.time" "$@" >/dev/null
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" '{ printf "%.1f %.0f", (e - s) * 1000, ($1 + $2) * 1000 }' \
    "$WORK/one_run.time"
}

# Column C (1-based) of a paired_runs file: its median; "ratio" gives the median of A/B per pair.
paired_median() {
  local file=$1 column=$2
  if [ "$column" = ratio ]; then
    awk '{ printf "%.4f\n", $1 / $3 }' "$file"
  else
    awk -v c="$column" '{ print $c }' "$file"
  fi | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'
}

# The per-pair ratios A/B of a paired_runs file, sorted, for the spread.
paired_median_list() {
  awk '{ printf "%.2f\n", $1 / $3 }' "$1" | sort -g | paste -sd ' '
}

# The mean of column C of a paired_runs file.
paired_mean() {
  awk -v c="$2" '{ s += $c } END { printf "%.0f", s / NR }' "$1"
}

# The median of the Nth command (0-based) of a hyperfine export, in milliseconds.
median_ms() {
  jq -r --argjson i "$2" '.results[$i].median * 1000 | . * 100 | round / 100' "$1"
}

# The mean CPU time (user + system) of the Nth command, in milliseconds: unlike the wall time it
# hardly depends on how loaded the machine is.
cpu_ms() {
  jq -r --argjson i "$2" '.results[$i] | (.user + .system) * 1000 | . * 10 | round / 10' "$1"
}

# The spread of the Nth command: "min–max ms".
range_ms() {
  jq -r --argjson i "$2" \
    '.results[$i] | "\(.min * 1000 | round)–\(.max * 1000 | round) ms"' "$1"
}

# A over B with two decimals.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}

# "met" or "MISSED" for VALUE compared with GOAL by OP (<, <= or >=).
verdict() {
  awk -v v="$1" -v op="$2" -v g="$3" 'BEGIN {
    ok = (op == "<") ? (v < g) : (op == "<=") ? (v <= g) : (v >= g)
    print ok ? "met" : "MISSED"
  }'
}

# Admin API of the emulator (same token as the service, no api-version).
admin() {
  local method=$1 path=$2
  curl --fail -K "$WORK/auth.cfg" -X "$method" "$BASE_URL/_emulator/$path"
}

# The service URLs the emulator was asked for since the log was last cleared, one per line.
logged_urls() {
  admin GET requests |
    jq -r --arg base "$BASE_URL" \
      '.value[] | $base + .path + (if (.query // "") == "" then "" else "?" + .query end)'
}

# Writes a curl config that fetches URLS_FILE's URLs in order, one process, one connection.
write_fetch_config() {
  local urls=$1 config=$2
  cp "$WORK/auth.cfg" "$config"
  while IFS= read -r url; do
    printf 'url = "%s"\n' "$url"
  done <"$urls" >>"$config"
}
