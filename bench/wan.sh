# The WAN rows of bench/run (sourced after the emulator of the other rows has stopped): TLS
# through bench/latency-proxy, WAN_DELAY_MS each way, against the floor of round trips.
# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034  # the settings are bench/run's; the figures go to report.sh

echo "bench: WAN: TLS through a ${WAN_DELAY_MS} ms-each-way proxy, $WAN_JOBS jobs" >&2
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 2>/dev/null
# --cacert adds to the system's CAs in the CLI: curl gets the same set, so that both sides load
# the same bundle before their first handshake.
cat /etc/ssl/certs/ca-certificates.crt "$WORK/cert.pem" >"$WORK/trust.pem" 2>/dev/null ||
  cp "$WORK/cert.pem" "$WORK/trust.pem"
printf 'silent\nshow-error\ncacert = "%s"\nheader = "Authorization: %s"\n' \
  "$WORK/trust.pem" "$TOKEN" >"$WORK/auth.cfg"
start_emulator "$WORK" --token-file "$WORK/token" --seed "$BENCH/wan-seed.json" \
  --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" --slow-time "${WAN_WAIT_SECONDS}s"
start_proxy "$WORK" --upstream "${BASE_URL#https://}" --delay-ms "$WAN_DELAY_MS"
PROXY_URL=https://$PROXY_ADDRESS
put_jobs 1 "$WAN_JOBS"
wan_cli=("$CLI" --base-url "$PROXY_URL" --cacert "$WORK/cert.pem")

# list --all: the CLI, curl over the same proxy and trust, and the floor of round trips.
admin DELETE requests
"${wan_cli[@]}" list --all -o json >"$WORK/wan.out"
logged_urls | sed "s|^$BASE_URL/|$PROXY_URL/|" >"$WORK/wan.urls"
wan_items=$(jq length "$WORK/wan.out")
wan_pages=$(wc -l <"$WORK/wan.urls")
[ "$wan_items" -eq "$WAN_JOBS" ] || { echo "bench: WAN list gave $wan_items jobs" >&2; exit 1; }
write_fetch_config "$WORK/wan.urls" "$WORK/wan.cfg"
paired_runs "$WORK/wan.pairs" "$WAN_RUNS" "${wan_cli[@]}" list --all -o json -- \
  curl -K "$WORK/wan.cfg"
# TLS 1.3 takes one round trip (the proxy does not delay the TCP handshake), then one per page.
wan_floor_ms=$(((1 + wan_pages) * 2 * WAN_DELAY_MS))

# wait on a job that ends WAN_WAIT_SECONDS after it starts (one slow device, time scale 1).
echo "bench: WAN: wait on a job that ends after $WAN_WAIT_SECONDS s" >&2
jq --arg g "$SLOW_GROUP" '.group = $g | del(.batch, .cancellationThreshold)' "$BENCH/job.json" \
  >"$WORK/slow.json"
curl --fail -K "$WORK/auth.cfg" -X PUT -H 'Content-Type: application/json' \
  --data-binary "@$WORK/slow.json" -o /dev/null \
  "$BASE_URL/api/jobs/bench-wan-wait?api-version=$API_VERSION"
admin DELETE requests
wan_wait_status=0
"${wan_cli[@]}" wait bench-wan-wait >/dev/null 2>"$WORK/wan-wait.err" || wan_wait_status=$?
wan_wait_returned=$EPOCHREALTIME
wan_wait_requests=$(admin GET requests | jq '.value | length')
# The job's end is on the emulator's clock: take its offset from this machine's.
before=$EPOCHREALTIME
emulated_now=$(admin GET clock | jq -r .now)
after=$EPOCHREALTIME
clock_offset=$(awk -v e="$(epoch_of "$emulated_now")" -v b="$before" -v a="$after" \
  'BEGIN { printf "%.3f", e - (a + b) / 2 }')
wan_job=$(curl --fail -K "$WORK/auth.cfg" "$BASE_URL/api/jobs/bench-wan-wait?api-version=$API_VERSION")
wan_wait_late_s=$(awk -v r="$wan_wait_returned" -v e="$(epoch_of "$(jq -r .end <<<"$wan_job")")" \
  -v o="$clock_offset" 'BEGIN { printf "%.2f", r - (e - o) }')
wan_job_seconds=$(awk -v s="$(epoch_of "$(jq -r .start <<<"$wan_job")")" \
  -v e="$(epoch_of "$(jq -r .end <<<"$wan_job")")" 'BEGIN { printf "%.1f", e - s }')
stop_proxy
stop_emulator
