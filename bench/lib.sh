# Helpers of bench/run: the machine, the emulator, hyperfine, the request logs, nginx and the proxy.
# shellcheck shell=bash
# WORK (the run's scratch directory), EMULATOR, NGINX, BENCH and BASE_URL are set by bench/run.
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

# "wall cpu" in milliseconds of one run of a command, from bash's `time` (getrusage of the child,
# to the microsecond: GNU time's %U and %S round to 10 ms, too coarse for a 20 ms floor).
one_run() {
  local TIMEFORMAT='%3R %3U %3S' times
  if ! times=$({ time "$@" >/dev/null 2>"$WORK/one_run.err"; } 2>&1); then
    echo "bench: '$*' failed:" >&2
    cat "$WORK/one_run.err" >&2
    exit 1
  fi
  awk '{ printf "%.1f %.1f", $1 * 1000, ($2 + $3) * 1000 }' <<<"$times"
}

# Column C (1-based) of a paired_runs file: its median. "ratio" gives the median of the per-pair
# ratios of wall times A/B, "cpu_ratio" that of CPU times.
paired_median() {
  local file=$1 column=$2
  case $column in
    ratio) awk '{ printf "%.4f\n", $1 / $3 }' "$file" ;;
    cpu_ratio) awk '{ printf "%.4f\n", ($4 > 0) ? $2 / $4 : 0 }' "$file" ;;
    *) awk -v c="$column" '{ print $c }' "$file" ;;
  esac | sort -g | awk '{ v[NR] = $1 } END {
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

# --- The static floor: nginx serving the pages as files --------------------------------------------

# Starts nginx in the foreground of a background job on a free loopback port, serving STATIC_DIR
# with its own config, logs and temp paths under WORKDIR/nginx (no system file is read or
# written); sets NGINX_PID and STATIC_URL. A page is the file URI/TOKEN.json, TOKEN being the
# request's $skiptoken (or "first" without one), so the emulator's nextLinks work unchanged once
# their host is this server's.
# Usage: start_static_server WORKDIR STATIC_DIR
start_static_server() {
  local static=$2 dir=$1/nginx port
  mkdir -p "$dir"
  for _ in $(seq 1 20); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    cat >"$dir/nginx.conf" <<CONF
# One process, in the foreground: the bench starts and stops it, and as root it does not switch
# to another user that could not read the run's private scratch directory.
daemon off;
master_process off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 64; }
http {
  default_type application/json;
  log_format uri '\$request_uri';
  access_log $dir/access.log uri;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  sendfile on;
  tcp_nodelay on;
  # The 100,000-device listing is 1,000 requests on one connection (nginx's default closes at 1,000).
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  map \$args \$page { "~(^|&)(%24|\\\$)skiptoken=([0-9A-Za-z_-]+)" \$3; default first; }
  server {
    listen 127.0.0.1:$port;
    root $static;
    location / { try_files \$uri/\$page.json =404; }
  }
}
CONF
    "$NGINX" -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" 2>>"$dir/start.err" &
    NGINX_PID=$!
    STATIC_URL=http://127.0.0.1:$port
    local waited
    for waited in $(seq 1 50); do
      if ! kill -0 "$NGINX_PID" 2>/dev/null; then break; fi
      if curl -s -o /dev/null "$STATIC_URL/"; then return 0; fi
      sleep 0.1
    done
    stop_static_server
    grep -q 'Address already in use' "$dir/error.log" "$dir/start.err" 2>/dev/null || break
  done
  echo "bench: nginx did not start:" >&2
  cat "$dir/error.log" "$dir/start.err" >&2 2>/dev/null
  exit 1
}

stop_static_server() {
  if [ -n "${NGINX_PID:-}" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID"
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  NGINX_PID=
}

# The request URIs nginx served since the log was last cleared, one per line.
static_requests() { cat "$WORK/nginx/access.log"; }
clear_static_requests() { : >"$WORK/nginx/access.log"; }

# Copies the emulator's answers to URLS_FILE's URLs (one curl process) into the static tree, with
# the emulator's base URL in every nextLink turned into the static server's, and writes the
# static URLs, in order, to STATIC_URLS_FILE.
# Usage: mirror_pages URLS_FILE STATIC_DIR STATIC_URLS_FILE
mirror_pages() {
  local urls=$1 static=$2 out=$3 url rest path query token config=$WORK/mirror.cfg
  cp "$WORK/auth.cfg" "$config"
  : >"$out"
  while IFS= read -r url; do
    rest=${url#"$BASE_URL"}
    path=${rest%%\?*}
    query=
    [ "$path" = "$rest" ] || query=${rest#*\?}
    token=$(sed -En 's/(^|.*&)(%24|\$)skiptoken=([0-9A-Za-z_-]+).*/\3/p' <<<"$query")
    mkdir -p "$static$path"
    printf 'url = "%s"\noutput = "%s"\n' "$url" "$static$path/${token:-first}.json" >>"$config"
    printf '%s\n' "$STATIC_URL$rest" >>"$out"
  done <"$urls"
  curl --fail -K "$config"
  local pages
  mapfile -t pages < <(sed -n 's/^output = "\(.*\)"$/\1/p' "$config")
  sed -i "s|$BASE_URL/|$STATIC_URL/|g" "${pages[@]}"
}

# --- The WAN: a latency proxy in front of the emulator --------------------------------------------

# Starts bench/latency-proxy with ARGS in the background; sets PROXY_PID and PROXY_ADDRESS
# (HOST:PORT, the first line it prints once it listens).
# Usage: start_proxy WORKDIR ARGS...
start_proxy() {
  local work=$1 waited=0
  shift
  "$BENCH/latency-proxy" "$@" >"$work/proxy.out" 2>"$work/proxy.err" &
  PROXY_PID=$!
  PROXY_ADDRESS=
  while [ -z "$PROXY_ADDRESS" ]; do
    if ! kill -0 "$PROXY_PID" 2>/dev/null || [ "$waited" -ge 100 ]; then
      echo "bench: the latency proxy did not start:" >&2
      cat "$work/proxy.err" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
    PROXY_ADDRESS=$(head -n 1 "$work/proxy.out")
  done
}

stop_proxy() {
  if [ -n "${PROXY_PID:-}" ] && kill -0 "$PROXY_PID" 2>/dev/null; then
    kill "$PROXY_PID"
    wait "$PROXY_PID" 2>/dev/null || true
  fi
  PROXY_PID=
}

# Seconds since the epoch (with a fraction) of an RFC 3339 time.
epoch_of() { date -u -d "$1" +%s.%N; }
