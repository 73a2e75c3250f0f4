#!/usr/bin/env bash
# Measures the real gateway process (src/Gateway, Release) collecting N simulated BEAM nodes. Usage:
#   bench/LoadSimulator/measure-gateway.sh [NODES=1000] [CYCLES=3] [INTERVAL_SECONDS=15]
# Group g of NODES_PER_EPMD nodes lives on loopback address ADDRESS_BASE + g (127.0.0.2, 127.0.0.3, …):
# nodes simI@127.0.0.K listen there and a built-in epmd of the simulator answers on 127.0.0.K:EPMD_PORT,
# so the gateway finds them all with `epmdHosts: [127.0.0.2, …]` and one `epmdPort`.
# Prints: time from gateway start to every node up with samples > 0; per cycle the gateway's CPU
# (utime + stime from /proc/PID/stat) per node and in cores, and its RSS; /metrics scrape time and size.
# Env: EPMD_PORT (24369), COOKIE (loadsim), NODES_PER_EPMD (500), NODES_PER_SIMULATOR (5000),
#      ADDRESS_BASE (127.0.0.2), HTTP_PORT (a free one), NO_BUILD=1 to skip the two builds,
#      SAMPLE_TIMEOUT (300 s to wait for every node), SCRAPE_EVERY (seconds; scrape /metrics with gzip that
#      often during the cycles, as Prometheus would). DOTNET_* variables (e.g. DOTNET_gcServer=0) reach
#      the gateway unchanged.
set -euo pipefail
nodes="${1:-1000}"
cycles="${2:-3}"
interval="${3:-15}"
epmd_port="${EPMD_PORT:-24369}"
cookie="${COOKIE:-loadsim}"
per_epmd="${NODES_PER_EPMD:-500}"
per_sim="${NODES_PER_SIMULATOR:-5000}"
address_base="${ADDRESS_BASE:-127.0.0.2}"
sample_timeout="${SAMPLE_TIMEOUT:-300}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/gwload.XXXXXX)"
http_port="${HTTP_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"

# Simulated nodes cost the simulator 2 descriptors each (listener, accepted connection); the gateway
# needs one per node (its connection) plus the epmd lookups in flight.
ulimit -n "$(ulimit -Hn)"
if (( per_sim % per_epmd != 0 )); then
    echo "NODES_PER_SIMULATOR must be a multiple of NODES_PER_EPMD (each group's epmd lives in one simulator)" >&2
    exit 1
fi

if [[ "${NO_BUILD:-}" != 1 ]]; then
    dotnet build -c Release "$root/bench/LoadSimulator/LoadSimulator.csproj" -v q -nologo >/dev/null
    dotnet build -c Release "$root/src/Gateway" -v q -nologo >/dev/null
fi
sim="$root/bench/LoadSimulator/bin/Release/net10.0/LoadSimulator"
gateway_dll="$root/src/Gateway/bin/Release/net10.0/gateway.dll"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); work dir $work"
first=1
while (( first <= nodes )); do
    count=$(( nodes - first + 1 < per_sim ? nodes - first + 1 : per_sim ))
    log="$work/sim-$first.log"
    "$sim" --nodes "$count" --first-node "$first" --address-base "$address_base" --epmd-port "$epmd_port" \
        --nodes-per-epmd "$per_epmd" --cookie "$cookie" > "$log" 2>&1 &
    pids+=("$!")
    until grep -qs "nodes registered" "$log"; do
        if ! kill -0 "${pids[-1]}" 2>/dev/null; then cat "$log" >&2; exit 1; fi
        sleep 0.2
    done
    grep "nodes registered" "$log"
    first=$(( first + count ))
done

# The epmd hosts: ADDRESS_BASE + g for every group.
groups=$(( (nodes + per_epmd - 1) / per_epmd ))
hosts=$(python3 -c "import ipaddress,sys; b=ipaddress.ip_address('$address_base'); print(', '.join(str(b+g) for g in range($groups)))")
cat > "$work/gateway.yaml" <<EOF
logging: { logLevel: { Default: Warning } }
collect:
  interval: ${interval}s
  beam:
    cookie: $cookie
    epmdPort: $epmd_port
    epmdHosts: [ $hosts ]
EOF
# shellcheck source=gateway-probe.sh
source "$here/gateway-probe.sh"
start_gateway "$work/gateway.yaml"
echo "GC: ${DOTNET_gcServer:+DOTNET_gcServer=$DOTNET_gcServer }${DOTNET_GCgen0size:+DOTNET_GCgen0size=$DOTNET_GCgen0size }(runtimeconfig: $(grep -o '"System.GC.Server": [a-z]*' "${gateway_dll%.dll}.runtimeconfig.json"))"
echo "gateway pid $gw on 127.0.0.1:$http_port, $nodes nodes behind $groups epmd hosts ($address_base …), interval ${interval}s"
wait_all_sampled "$sample_timeout"
measure_cycles
scrape_metrics
report_end
for log in "$work"/sim-*.log; do tail -n 3 "$log"; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
