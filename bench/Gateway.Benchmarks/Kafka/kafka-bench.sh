#!/usr/bin/env bash
# Kafka exporter end to end on this machine: records/s through the outbox vs kcat -P with the same
# payloads to the same broker, and 10,000 node snapshots per cycle (CPU, bytes).
# The broker is librdkafka's mock cluster in its own process (tests/Gateway.IntegrationTests/Kafka).
# Usage: bench/Gateway.Benchmarks/Kafka/kafka-bench.sh [events=100000] [runs=3] [nodes=10000]
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v kcat >/dev/null || { echo "kcat is missing: apt-get install kcat" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing: apt-get install python3" >&2; exit 1; }
dotnet build bench/Gateway.Benchmarks -c Release -v q -nologo >/dev/null
so=$(ls "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/librdkafka.redist/*/runtimes/linux-x64/native/centos8-librdkafka.so | tail -1)
coproc BROKER { python3 tests/Gateway.IntegrationTests/Kafka/mock-kafka-broker.py "$so" \
  --topic bench.gateway:4 --topic bench.kcat:4 --topic bench.metrics:4; }
read -r line <&"${BROKER[0]}"
brokers=${line#bootstrap }
echo "mock broker: $brokers (pid $BROKER_PID); load: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
dotnet bench/Gateway.Benchmarks/bin/Release/net10.0/Gateway.Benchmarks.dll kafka "$brokers" "$@" || status=$?
echo quit >&"${BROKER[1]}"
wait "$BROKER_PID" || true
exit $status
