using Gateway.Erlang.Node;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam.Agentless;

/// <summary>What every agentless reader shares: an RPC the node may refuse (a badarg on its release,
/// a module it lacks) costs that item, never the collection.</summary>
internal static class AgentlessRpc
{
    /// <summary>The reply, or null when the node answered the call with an error.</summary>
    public static async Task<ErlangTerm?> Optional(Task<ErlangTerm> call)
    {
        try
        {
            return await call;
        }
        catch (ErlangRpcException)
        {
            return null;
        }
    }
}
