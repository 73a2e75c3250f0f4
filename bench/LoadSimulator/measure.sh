#!/usr/bin/env bash
# Starts epmd instances and simulated nodes, then measures our initiator side (LoadSimulator --drive:
# LocalNode connecting to every node and calling gateway_agent:collect/1 each interval). Usage:
#   bench/LoadSimulator/measure.sh [NODES=1000] [CYCLES=3] [INTERVAL_SECONDS=15]
# Env: EPMD_BASE_PORT (default 14369), COOKIE (default loadsim), NODES_PER_EPMD (default 500),
#      NODES_PER_SIMULATOR (default 5000: each node costs the simulator 3 file descriptors).
set -euo pipefail
nodes="${1:-1000}"
cycles="${2:-3}"
interval="${3:-15}"
base="${EPMD_BASE_PORT:-14369}"
cookie="${COOKIE:-loadsim}"
per_epmd="${NODES_PER_EPMD:-500}"
per_sim="${NODES_PER_SIMULATOR:-5000}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
logs="$(mktemp -d /tmp/loadsim.XXXXXX)"

# As many descriptors as the hard limit allows (each simulated node: listener + epmd registration +
# accepted connection; the driver: one connection per node).
ulimit -n "$(ulimit -Hn)"
if (( per_sim % per_epmd != 0 )); then
    echo "NODES_PER_SIMULATOR must be a multiple of NODES_PER_EPMD (each simulator starts its own epmds)" >&2
    exit 1
fi

dotnet build -c Release "$root/bench/LoadSimulator/LoadSimulator.csproj" -v q -nologo >/dev/null
bin="$root/bench/LoadSimulator/bin/Release/net10.0/LoadSimulator"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

first=1
while (( first <= nodes )); do
    count=$(( nodes - first + 1 < per_sim ? nodes - first + 1 : per_sim ))
    log="$logs/sim-$first.log"
    "$bin" --nodes "$count" --first-node "$first" --epmd-port "$base" --nodes-per-epmd "$per_epmd" \
        --cookie "$cookie" --start-epmd > "$log" 2>&1 &
    pids+=("$!")
    until grep -qs "nodes registered" "$log"; do
        if ! kill -0 "${pids[-1]}" 2>/dev/null; then cat "$log" >&2; exit 1; fi
        sleep 0.2
    done
    grep "nodes registered" "$log"
    first=$(( first + count ))
done

echo "driver: $nodes nodes, $cycles cycles of ${interval}s (logs in $logs)"
"$bin" --drive --nodes "$nodes" --epmd-port "$base" --nodes-per-epmd "$per_epmd" --cookie "$cookie" \
    --interval "$interval" --cycles "$cycles" | tee "$logs/drive.log"
for log in "$logs"/sim-*.log; do tail -n 1 "$log"; done
for pid in "${pids[@]}"; do
    echo "simulator $pid: $(ps -o rss=,time= -p "$pid" | awk '{printf "RSS %.0f MiB, CPU time %s", $1/1024, $2}')"
done
