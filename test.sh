#!/usr/bin/env bash
# Installs what the tests need (when missing), restores, builds and runs every test.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Snmp]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

# --- Debian packages for the real peers -------------------------------------------------------
# command → package
declare -A peers=(
  [erl]=erlang-base [epmd]=erlang-base
  [snmptrapd]=snmptrapd [snmptrap]=snmp [snmpwalk]=snmp [smilint]=smitools
  [prometheus]=prometheus [promtool]=prometheus [prometheus-alertmanager]=prometheus-alertmanager
  [kcat]=kcat [python3]=python3 [node]=nodejs [npm]=npm [curl]=curl
)
missing=()
for cmd in "${!peers[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${peers[$cmd]}")
done
# Libraries without a command of their own.
ls /usr/lib/erlang/lib/crypto-* >/dev/null 2>&1 || missing+=(erlang-crypto)
ls /usr/lib/erlang/lib/ssl-* >/dev/null 2>&1 || missing+=(erlang-ssl)
ls /usr/lib/erlang/lib/mnesia-* >/dev/null 2>&1 || missing+=(erlang-mnesia)
ls /usr/lib/erlang/lib/compiler-* >/dev/null 2>&1 || missing+=(erlang-base)
# aiosmtpd for the system Python (the e-mail exporter's SMTP receiver, tests/Gateway.Tests/Saas/Email/smtp_receiver.py).
[ -d /usr/lib/python3/dist-packages/aiosmtpd ] || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# --- npm peers: IETF base MIBs (net-snmp) and an independent GELF receiver (graygelf) ----------
if [ ! -d .testpeers/node_modules/net-snmp/lib/mibs ] || [ ! -d .testpeers/node_modules/graygelf ]; then
  echo "test.sh: installing npm test peers into .testpeers/"
  mkdir -p .testpeers
  npm install --prefix .testpeers --no-audit --no-fund --omit=optional --loglevel=error net-snmp graygelf@2.0.0 >/dev/null
fi
export GATEWAY_TEST_MIBDIR="$root/.testpeers/node_modules/net-snmp/lib/mibs"

# Peers bind loopback only; an epmd started by an erl node must not listen on every interface.
export ERL_EPMD_ADDRESS=127.0.0.1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- build and test ----------------------------------------------------------------------------
dotnet restore Gateway.sln --verbosity quiet
# Formatting is checked like a warning: whitespace as .editorconfig says (fix with: dotnet format whitespace Gateway.sln).
dotnet format whitespace Gateway.sln --verify-no-changes --verbosity quiet
dotnet build Gateway.sln --no-restore -c Release --verbosity quiet -nologo
rm -rf TestResults
status=0
dotnet test Gateway.sln --no-build -c Release --verbosity quiet -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$root/TestResults" \
  --blame-hang-timeout 5m "$@" || status=$?

# One closing line for CI: "tests: N passed, N failed".
passed=0; failed=0; skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" = 0 ] && [ "$status" = 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit $status
