#!/usr/bin/env bash
# Regenerates replies.etf: real answers of an OTP node to the calls the gateway makes, captured once so
# the simulator can serve them without an Erlang runtime. Run from anywhere; needs erl (erlang-base).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
agent="$here/../../src/Collector/Beam/Agent/gateway_agent.erl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$agent" "$work/"
cd "$work"
erl -noshell -sname "replies$$" -eval '
    {ok, gateway_agent} = compile:file("gateway_agent.erl", [report]),
    {module, gateway_agent} = code:load_file(gateway_agent),
    _Held = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 2000)],
    ok = application:start(sasl),
    Calls = [{erlang, memory, []}, {erlang, registered, []}, {erlang, loaded, []},
             {application, which_applications, []}]
         ++ [{erlang, statistics, [I]} || I <- [io, context_switches, garbage_collection, reductions,
                                              run_queue, runtime, wall_clock, run_queue_lengths_all]]
         ++ [{erlang, system_info, [I]} || I <- [otp_release, version, dirty_cpu_schedulers,
                dirty_cpu_schedulers_online, dirty_io_schedulers, ets_limit, logical_processors,
                logical_processors_available, logical_processors_online, port_count, port_limit,
                process_count, process_limit, schedulers, schedulers_online, smp_support, threads,
                thread_pool_size, time_correction, wordsize,
                atom_count, atom_limit, ets_count]],
    Replies = [{{M, F, A}, catch apply(M, F, A)} || {M, F, A} <- Calls],
    Collect = gateway_agent:collect(#{}),
    Out = #{collect => Collect, replies => Replies},
    ok = file:write_file("replies.etf", term_to_binary(Out, [compressed])),
    halt(0).'
cp replies.etf "$here/replies.etf"
echo "wrote $here/replies.etf ($(stat -c %s "$here/replies.etf") bytes)"
