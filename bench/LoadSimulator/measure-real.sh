#!/usr/bin/env bash
# Measures the real gateway process (src/Gateway, Release) collecting 20 real Erlang nodes. Usage:
#   bench/LoadSimulator/measure-real.sh [NODES=20] [CYCLES=3] [INTERVAL_SECONDS=15]
# Starts its own epmd on a free port of 127.0.0.1, NODES small VMs `erl -sname rN` registered there
# (ERL_EPMD_PORT), then the gateway with `epmdHosts: [localhost]` and `epmdPort` that port (the agent is
# compiled on the nodes by the gateway, as in production). Prints the same figures as
# measure-gateway.sh. Env: COOKIE (loadsim), HTTP_PORT (a free one), NO_BUILD=1 to skip the build,
# AGENT=false to collect with plain RPCs instead of the agent (collect.beam.agent: false).
set -euo pipefail
nodes="${1:-20}"
cycles="${2:-3}"
interval="${3:-15}"
cookie="${COOKIE:-loadsim}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/gwreal.XXXXXX)"
# shellcheck source=gateway-probe.sh
source "$here/gateway-probe.sh"
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
    agent: ${AGENT:-true}
EOF
other_cpu_ticks() { local sum=0 pid; for pid in "${node_pids[@]}"; do sum=$(( sum + $(cpu_ticks "$pid") )); done; echo "$sum"; }
start_gateway "$work/gateway.yaml"
echo "gateway pid $gw on 127.0.0.1:$http_port, $nodes erl nodes, interval ${interval}s"
wait_all_sampled 120
measure_cycles
scrape_metrics
curl -s "http://127.0.0.1:$http_port/api/v1/nodes" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("first node:", d[0]["node"], d[0]["samples"], "samples", d[0]["info"])'
report_end
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
