using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Erlang.Benchmarks.Rpc;

/// <summary>
/// The reference: an OTP hidden node calling the same target in a timed loop, sequentially and with
/// concurrent callers, both through rpc:call (erpc underneath on OTP 25) and through a bare
/// gen_server call to rex (exactly the request LocalNode's rex transport sends).
/// </summary>
public static partial class ErlangRpcBaseline
{
    public static async Task<IReadOnlyList<RpcResult>> RunAsync(BenchPeers peers, int calls, IReadOnlyList<int> concurrency)
    {
        var levels = string.Join(",", concurrency);
        var script =
            $"T = '{peers.TargetNode}', N = {calls}, " +
            "true = net_kernel:connect_node(T), " +
            "Cpu = fun() -> element(1, erlang:statistics(runtime)) end, " +
            "TCpu = fun() -> element(1, rpc:call(T, erlang, statistics, [runtime])) end, " +
            "Loop = fun L(0, _) -> ok; L(K, G) -> G(), L(K - 1, G) end, " +
            "Rpc = fun() -> T = rpc:call(T, erlang, node, []) end, " +
            "Rex = fun() -> T = gen_server:call({rex, T}, {call, erlang, node, [], user}, infinity) end, " +
            "Par = fun(C, G) -> Parent = self(), " +
            "  Pids = [spawn(fun() -> Loop(N div C, G), Parent ! {done, self()} end) || _ <- lists:seq(1, C)], " +
            "  [receive {done, P} -> ok end || P <- Pids] end, " +
            "Measure = fun(Label, C, G) -> Calls = (N div C) * C, C0 = Cpu(), TC0 = TCpu(), " +
            "  T0 = erlang:monotonic_time(microsecond), Par(C, G), Us = erlang:monotonic_time(microsecond) - T0, " +
            "  C1 = Cpu(), TC1 = TCpu(), " +
            "  io:format(\"RESULT ~s ~w ~.1f ~.2f ~.2f~n\", [Label, C, Calls * 1000000 / Us, (C1 - C0) * 1000 / Calls, (TC1 - TC0) * 1000 / Calls]) end, " +
            "Loop(2000, Rpc), Loop(2000, Rex), " +
            $"[Measure(\"rpc:call\", C, Rpc) || C <- [{levels}]], " +
            $"[Measure(\"rex\", C, Rex) || C <- [{levels}]], " +
            "halt().";
        var output = await peers.RunHiddenNodeAsync(script);
        var results = ResultLine().Matches(output)
            .Select(m => new RpcResult(
                "erlang hidden node",
                m.Groups[1].Value,
                int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)))
            .ToList();
        if (results.Count == 0)
        {
            throw new InvalidOperationException("The Erlang baseline printed no results: " + output);
        }

        return results;
    }

    [GeneratedRegex(@"^RESULT (\S+) ([0-9]+) ([0-9.]+) ([0-9.]+) ([0-9.]+)$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
