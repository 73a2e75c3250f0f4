#!/usr/bin/env bash
# Rebuilds gateway_agent.beam, the precompiled agent the gateway loads on nodes without the compiler
# application (collect.beam.agentOptions.precompiled). Run it after every change to gateway_agent.erl;
# a test fails while the committed beam answers an older version() than the source.
# Needs OTP 25's erlc: a beam loads on the release that compiled it and on later ones, so the oldest
# supported release builds it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
release="$(erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().')"
if [[ "$release" != 25 ]]; then
    echo "needs OTP 25's erlc (this erl is OTP $release): the beam must load on OTP 25 and later" >&2
    exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
erlc +deterministic -o "$work" "$here/gateway_agent.erl"
cp "$work/gateway_agent.beam" "$here/gateway_agent.beam"
echo "wrote $here/gateway_agent.beam ($(stat -c %s "$here/gateway_agent.beam") bytes, OTP $release)"
