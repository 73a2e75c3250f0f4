# Shared by measure-gateway.sh and measure-real.sh (sourced, not run): starts the gateway and measures
# it from outside through /proc and its HTTP API. Expects: $work, $http_port, $gateway_dll, $nodes,
# $interval, $cycles, and the array pids (killed by the caller's trap). Optional: a function
# other_cpu_ticks printing the CPU ticks of the watched nodes, reported per cycle beside the gateway's.

clk=$(getconf CLK_TCK)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
peak_mib() { echo $(( $(awk '/^VmHWM/ {print $2}' "/proc/$1/status") / 1024 )); }
now() { date +%s.%N; }

# "total up_with_samples failing" from /api/v1/nodes.
count_nodes() {
    curl -s --max-time 30 "http://127.0.0.1:$http_port/api/v1/nodes" | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    print("0 0 0"); sys.exit()
print(len(d), sum(1 for n in d if n["up"] and n["samples"] > 0), sum(1 for n in d if n["lastError"]))'
}

# start_gateway CONFIG: runs the gateway on it; sets gw and start.
start_gateway() {
    mkdir -p "$work/data"
    start=$(now)
    GATEWAY__GATEWAY__LISTEN="127.0.0.1:$http_port" GATEWAY__GATEWAY__DATADIR="$work/data" \
        dotnet "$gateway_dll" run --config "$1" > "$work/gateway.log" 2>&1 &
    gw=$!
    pids+=("$gw")
}

# (a) wait_all_sampled TIMEOUT_SECONDS: time from start to every node up with samples > 0.
wait_all_sampled() {
    local timeout=$1 last_report=0 total up failing elapsed
    while :; do
        if ! kill -0 "$gw" 2>/dev/null; then echo "gateway exited:" >&2; tail -n 20 "$work/gateway.log" >&2; exit 1; fi
        read -r total up failing <<<"$(count_nodes)"
        elapsed=$(python3 -c "print(f'{$(now) - $start:.1f}')")
        if (( up >= nodes )); then
            echo "all $nodes nodes up with samples after ${elapsed} s (CPU so far $(( $(cpu_ticks "$gw") * 1000 / clk )) ms, RSS $(( $(rss_kib "$gw") / 1024 )) MiB)"
            return
        fi
        if (( ${elapsed%.*} - last_report >= 5 )); then
            echo "  t=${elapsed}s listed=$total up=$up with errors=$failing"
            last_report=${elapsed%.*}
        fi
        if (( ${elapsed%.*} >= timeout )); then
            echo "not every node sampled within ${timeout} s (listed=$total up=$up errors=$failing)" >&2
            tail -n 20 "$work/gateway.log" >&2
            exit 1
        fi
        sleep 0.5
    done
}

# (b, c) CPU and RSS over each following cycle. Nothing else talks to the gateway meanwhile, unless
# SCRAPE_EVERY=SECONDS: then a Prometheus-like client (gzip) scrapes /metrics that often during the
# cycles, and the CPU figures include those scrapes.
measure_cycles() {
    local c t0 t1 c0 c1 n0=0 n1=0 rss others scraper=""
    if [[ -n "${SCRAPE_EVERY:-}" ]]; then
        (
            while :; do
                curl -s --compressed -o /dev/null -w '%{time_total} %{size_download}\n' --max-time 60 \
                    "http://127.0.0.1:$http_port/metrics" >> "$work/scrapes.log" || echo "failed" >> "$work/scrapes.log"
                sleep "$SCRAPE_EVERY"
            done
        ) &
        scraper=$!
        echo "scraping /metrics (gzip) every ${SCRAPE_EVERY} s during the cycles"
    fi
    for c in $(seq 1 "$cycles"); do
        t0=$(now); c0=$(cpu_ticks "$gw")
        if declare -F other_cpu_ticks >/dev/null; then n0=$(other_cpu_ticks); fi
        sleep "$interval"
        t1=$(now); c1=$(cpu_ticks "$gw"); rss=$(rss_kib "$gw")
        if declare -F other_cpu_ticks >/dev/null; then n1=$(other_cpu_ticks); fi
        others=""
        if declare -F other_cpu_ticks >/dev/null; then others="; the $nodes nodes together: $(( (n1 - n0) * 1000 / clk )) ms CPU"; fi
        python3 -c "
cpu_ms = ($c1 - $c0) * 1000 / $clk; wall = $t1 - $t0
print(f'cycle $c: CPU {cpu_ms:.0f} ms over {wall:.1f} s = {cpu_ms / $nodes:.3f} ms/node/cycle, {cpu_ms / 1000 / wall:.3f} cores; RSS {$rss / 1024:.0f} MiB = {$rss / $nodes:.1f} KiB/node$others')"
    done
    if [[ -n "$scraper" ]]; then
        kill "$scraper" 2>/dev/null || true
        wait "$scraper" 2>/dev/null || true
        python3 -c "
rows = [l.split() for l in open('$work/scrapes.log')]
ok = [(float(r[0]), int(r[1])) for r in rows if len(r) == 2]
print(f'scrapes during the cycles: {len(ok)} ok, {len(rows) - len(ok)} failed; time {min(t for t, _ in ok):.2f}-{max(t for t, _ in ok):.2f} s, gzip body {ok[-1][1] / 1048576:.1f} MiB')" || true
    fi
    echo "peak RSS $(peak_mib "$gw") MiB, threads $(awk '/^Threads/ {print $2}' "/proc/$gw/status"), fds $(ls "/proc/$gw/fd" | wc -l)"
}

# (d) /metrics at N nodes: three scrapes.
scrape_metrics() {
    local i c0 c1 t size
    for i in 1 2 3; do
        c0=$(cpu_ticks "$gw")
        read -r t size <<<"$(curl -s -o /dev/null -w '%{time_total} %{size_download}' --max-time 60 "http://127.0.0.1:$http_port/metrics")"
        c1=$(cpu_ticks "$gw")
        python3 -c "print(f'/metrics scrape $i: {$t:.3f} s, {$size / 1048576:.2f} MiB ($size bytes), gateway CPU {($c1 - $c0) * 1000 / $clk:.0f} ms')"
    done
    if ! kill -0 "$gw" 2>/dev/null; then
        echo "gateway exited during the scrapes:" >&2; grep -v '^ *at ' "$work/gateway.log" | tail -n 5 | cut -c1-300 >&2; exit 1
    fi
    echo "RSS after the scrapes $(( $(rss_kib "$gw") / 1024 )) MiB, peak $(peak_mib "$gw") MiB"
}

report_end() {
    local total up failing
    read -r total up failing <<<"$(count_nodes)"
    echo "at the end: listed=$total up=$up with errors=$failing; gateway log lines: $(wc -l < "$work/gateway.log")"
}
