using Gateway.Erlang.Server;
using Gateway.Erlang.Terms;
using Gateway.Erlang.Tests.Fixtures;

namespace Gateway.Erlang.Tests.Server;

/// <summary>Starts simulated nodes on a testbed's EPMD with a small fixed RPC handler.</summary>
internal static class SimulatedNodes
{
    /// <summary>What the simulated <c>erlang:memory()</c> answers.</summary>
    public static readonly ErlangTerm Memory = ErlangTerm.List(
        ErlangTerm.Tuple(ErlangAtom.Of("total"), ErlangInteger.Of(123_456_789)),
        ErlangTerm.Tuple(ErlangAtom.Of("processes"), ErlangInteger.Of(1_000)));

    public static ErlangTerm Handler(ErlangAtom module, ErlangAtom function, IReadOnlyList<ErlangTerm> args) =>
        (module.Name, function.Name, args.Count) switch
        {
            ("erlang", "memory", 0) => Memory,
            ("lists", "reverse", 1) when args[0] is ErlangList list => ErlangList.Of([.. list.Reverse()]),
            _ => RexCall.Undefined(module, function, args),
        };

    public static Task<SimulatedNode> StartAsync(ErlangTestbed testbed, string cookie = "testcookie", string? aliveName = null) =>
        SimulatedNode.StartAsync(
            new DistributionListenerOptions
            {
                NodeName = (aliveName ?? ErlangNodeOptions.UniqueName("sim")) + "@localhost",
                Cookie = cookie,
            },
            "127.0.0.1",
            testbed.Epmd.Port,
            Handler);
}
