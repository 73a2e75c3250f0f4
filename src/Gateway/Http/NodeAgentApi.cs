using System.Net.Sockets;
using Gateway.Collector.Beam;
using Gateway.Collector.Beam.Options;
using Gateway.Core.Store;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Epmd;
using Gateway.Erlang.Node;

namespace Gateway.Http;

/// <summary>
/// <c>DELETE /api/v1/nodes/{node}/agent</c> takes the collection agent off a watched BEAM node (its
/// handlers dropped, the module purged and deleted; the node is then collected agentless);
/// <c>PUT</c> lets the next collection load it again. Bearer token as every write endpoint.
/// </summary>
internal static class NodeAgentApi
{
    private static readonly TimeSpan RpcTimeout = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapNodeAgentApi(this IEndpointRouteBuilder app)
    {
        var write = app.MapGroup("/api/v1/nodes/{node}/agent").AddEndpointFilter<ApiTokenFilter>();
        write.MapDelete(string.Empty, RemoveAsync);
        write.MapPut(string.Empty, Restore);
        return app;
    }

    private static async Task<IResult> RemoveAsync(string node, MetricStore store, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Find(node, store, services) is { } problem)
        {
            return problem;
        }
        try
        {
            var result = await services.GetRequiredService<BeamSource>().RemoveAgentAsync(node, RpcTimeout, cancellationToken);
            return Results.Json(new AgentChange(node, result));
        }
        catch (ErlangRpcTimeoutException)
        {
            return ApiError.Result(StatusCodes.Status504GatewayTimeout, $"node {node} did not answer within {RpcTimeout.TotalSeconds:0}s; it is collected without the agent from now on");
        }
        catch (Exception e) when (e is ErlangDistributionException or EpmdException or SocketException or IOException or ErlangRpcException or InvalidOperationException or ArgumentException)
        {
            return ApiError.Result(StatusCodes.Status502BadGateway, $"node {node}: {e.Message}; it is collected without the agent from now on");
        }
    }

    private static IResult Restore(string node, MetricStore store, IServiceProvider services)
    {
        if (Find(node, store, services) is { } problem)
        {
            return problem;
        }
        var restored = services.GetRequiredService<BeamSource>().RestoreAgent(node);
        return Results.Json(new AgentChange(node, restored
            ? "the next collection loads the agent again"
            : "the agent was not removed from this node; nothing to do"));
    }

    // Only nodes the gateway watches as BEAM nodes: this endpoint must not reach arbitrary nodes.
    private static IResult? Find(string node, MetricStore store, IServiceProvider services)
    {
        if (services.GetService<BeamSource>() is null)
        {
            return ApiError.NotFound("collect.beam is not configured");
        }
        foreach (var entry in store.Entries())
        {
            if (entry.Status.Source == BeamSettingsFactory.SourceName && string.Equals(entry.Status.Node.Instance, node, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return ApiError.NotFound($"{node} is not a watched BEAM node (see /api/v1/nodes)");
    }

    private sealed record AgentChange(string Node, string Result);
}
