using Gateway.Core.Store;

namespace Gateway.Http;

internal static class NodesApi
{
    public static IEndpointRouteBuilder MapNodesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/nodes", (MetricStore store) =>
            Results.Json(store.Entries().Select(NodeView.From).ToArray()));
        return app;
    }
}

/// <summary>One node as <c>/api/v1/nodes</c> shows it.</summary>
internal sealed record NodeView(
    string Node,
    string Job,
    string Source,
    bool Up,
    DateTimeOffset? LastScrape,
    double? LastScrapeDurationSeconds,
    int Samples,
    string? LastError,
    string? LastErrorReason,
    IReadOnlyDictionary<string, string> Info)
{
    public static NodeView From(NodeEntry entry)
    {
        var s = entry.Status;
        return new NodeView(
            s.Node.Instance,
            s.Node.Job,
            s.Source,
            s.Up,
            s.LastScrape,
            s.LastDuration?.TotalSeconds,
            s.Samples,
            s.LastError,
            s.LastErrorReason,
            s.Info);
    }
}
