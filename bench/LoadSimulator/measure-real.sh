#!/usr/bin/env bash
# Measures the real gateway process (src/Gateway, Release) collecting 20 real Erlang nodes. Usage:
#   bench/LoadSimulator/measure-real.sh [NODES=20] [CYCLES=3] [INTERVAL_SECONDS=15]
# Starts its own epmd on a free port of 127.0.0.1, NODES small VMs `erl -sname rN` registered there
# (ERL_EPMD_PORT), then the gateway with `epmdHosts: [localhost]` and `epmdPort` that port (the agent is
# compiled on the nodes by the gateway, as in production). Prints the same figures as
# measure-gateway.sh. Env: COOKIE (loadsim), HTTP_PORT (a free one), NO_BUILD=1 to skip the build.
set -euo pipefail
nodes="${1:-20}"
cycles="${2:-3}"
interval="${3:-15}"
cookie="${COOKIE:-loadsim}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/gwreal.XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port="${HTTP_PORT:-$(free_port)}"
epmd_port="$(free_port)"
command -v erl >/dev/null || { echo "erl not found: install the Debian package erlang-base" >&2; exit 1; }

if [[ "${NO_BUILD:-}" != 1 ]]; then
    dotnet build -c Release "$root/src/Gateway" -v q -nologo >/dev/null
fi
gateway_dll="$root/src/Gateway/bin/Release/net10.0/gateway.dll"

pids=()
cleanup() {
    # Reverse order: the gateway first (it removes the agent), the nodes, epmd last.
    for (( i = ${#pids[@]} - 1; i >= 0; i-- )); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); work dir $work"
export ERL_EPMD_PORT="$epmd_port"
epmd -port "$epmd_port" -address 127.0.0.1 > "$work/epmd.log" 2>&1 &
pids+=("$!")
until epmd -port "$epmd_port" -names >/dev/null 2>&1; do sleep 0.05; done

node_pids=()
for i in $(seq 1 "$nodes"); do
    # Small VMs (one scheduler, few threads) so 20 fit beside the gateway on 2 cores; `exec` in erl
    # keeps $! the beam's PID.
    erl -sname "r$i" -setcookie "$cookie" -noshell -noinput +S 1:1 +SDcpu 1:1 +SDio 1 +A 1 +P 1024 \
        -start_epmd false > "$work/r$i.log" 2>&1 &
    pids+=("$!")
    node_pids+=("$!")
done
until (( $(epmd -port "$epmd_port" -names | grep -c '^name r') >= nodes )); do
    for pid in "${node_pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "an erl node exited:" >&2; cat "$work"/r*.log >&2; exit 1; }; done
    sleep 0.1
done
echo "$nodes erl nodes registered with epmd 127.0.0.1:$epmd_port"

cat > "$work/gateway.yaml" <<EOF
logging: { logLevel: { Default: Warning } }
collect:
  interval: ${interval}s
  beam:
    cookie: $cookie
    epmdPort: $epmd_port
    epmdHosts: [ localhost ]
EOF
mkdir -p "$work/data"

clk=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
now() { date +%s.%N; }
count_nodes() {
    curl -s --max-time 30 "http://127.0.0.1:$http_port/api/v1/nodes" | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    print("0 0 0"); sys.exit()
print(len(d), sum(1 for n in d if n["up"] and n["samples"] > 0), sum(1 for n in d if n["lastError"]))'
}

start=$(now)
GATEWAY__GATEWAY__LISTEN="127.0.0.1:$http_port" GATEWAY__GATEWAY__DATADIR="$work/data" \
    dotnet "$gateway_dll" run --config "$work/gateway.yaml" > "$work/gateway.log" 2>&1 &
gw=$!
pids+=("$gw")
echo "gateway pid $gw on 127.0.0.1:$http_port, $nodes erl nodes, interval ${interval}s"

while :; do
    if ! kill -0 "$gw" 2>/dev/null; then echo "gateway exited:" >&2; tail -n 20 "$work/gateway.log" >&2; exit 1; fi
    read -r total up failing <<<"$(count_nodes)"
    elapsed=$(python3 -c "print(f'{$(now) - $start:.1f}')")
    if (( up >= nodes )); then
        echo "all $nodes nodes up with samples after ${elapsed} s (CPU so far $(( $(cpu_ticks "$gw") * 1000 / clk )) ms, RSS $(( $(rss_kib "$gw") / 1024 )) MiB)"
        break
    fi
    if (( ${elapsed%.*} >= 120 )); then echo "not every node sampled within 120 s (listed=$total up=$up errors=$failing)" >&2; tail -n 20 "$work/gateway.log" >&2; exit 1; fi
    sleep 0.5
done

for c in $(seq 1 "$cycles"); do
    t0=$(now); c0=$(cpu_ticks "$gw")
    n0=0; for pid in "${node_pids[@]}"; do n0=$(( n0 + $(cpu_ticks "$pid") )); done
    sleep "$interval"
    t1=$(now); c1=$(cpu_ticks "$gw"); rss=$(rss_kib "$gw")
    n1=0; for pid in "${node_pids[@]}"; do n1=$(( n1 + $(cpu_ticks "$pid") )); done
    python3 -c "
cpu_ms = ($c1 - $c0) * 1000 / $clk; wall = $t1 - $t0
print(f'cycle $c: CPU {cpu_ms:.0f} ms over {wall:.1f} s = {cpu_ms / $nodes:.2f} ms/node/cycle, {cpu_ms / 1000 / wall:.3f} cores; RSS {$rss / 1024:.0f} MiB; the $nodes erl nodes together: {($n1 - $n0) * 1000 / $clk:.0f} ms CPU')"
done
echo "peak RSS $(( $(awk '/^VmHWM/ {print $2}' "/proc/$gw/status") / 1024 )) MiB, threads $(awk '/^Threads/ {print $2}' "/proc/$gw/status"), fds $(ls "/proc/$gw/fd" | wc -l)"
for i in 1 2 3; do
    c0=$(cpu_ticks "$gw")
    read -r t size <<<"$(curl -s -o /dev/null -w '%{time_total} %{size_download}' --max-time 60 "http://127.0.0.1:$http_port/metrics")"
    c1=$(cpu_ticks "$gw")
    python3 -c "print(f'/metrics scrape $i: {$t:.3f} s, {$size / 1024:.0f} KiB ($size bytes), gateway CPU {($c1 - $c0) * 1000 / $clk:.0f} ms')"
done
read -r total up failing <<<"$(count_nodes)"
curl -s "http://127.0.0.1:$http_port/api/v1/nodes" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("first node:", d[0]["node"], d[0]["samples"], "samples", d[0]["info"])'
echo "at the end: listed=$total up=$up with errors=$failing; gateway log lines: $(wc -l < "$work/gateway.log")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
