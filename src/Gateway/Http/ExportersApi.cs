using System.Text.Json;
using Gateway.Core.Outbox;
using Gateway.Core.Records;
using Gateway.Core.Routing;

namespace Gateway.Http;

/// <summary>
/// <c>/api/v1/exporters</c>: each push exporter's state, outbox depth, dead letters and last error (read);
/// replaying its dead letters after the cause is fixed (write, bearer token). Reasons are the exporters'
/// own, which never hold a key, token or webhook URL.
/// </summary>
internal static class ExportersApi
{
    private const int MaxReplay = 10_000;

    public static IEndpointRouteBuilder MapExportersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exporters", List);
        app.MapGet("/api/v1/exporters/{name}/deadletters", DeadLetters);
        app.MapPost("/api/v1/exporters/{name}/deadletters/replay", Replay).AddEndpointFilter<ApiTokenFilter>();
        return app;
    }

    private static async Task<IResult> List(ExporterPipelines pipelines, CancellationToken ct)
    {
        var views = new List<ExporterView>(pipelines.All.Count);
        foreach (var pipeline in pipelines.All)
        {
            views.Add(ExporterView.From(pipeline, await pipeline.Outbox.CountDeadLettersAsync(ct)));
        }
        return Results.Json(views);
    }

    private static async Task<IResult> DeadLetters(string name, string? limit, ExporterPipelines pipelines, CancellationToken ct)
    {
        if (Find(pipelines, name) is not { } pipeline)
        {
            return UnknownExporter(name, pipelines);
        }
        if (!QueryLimit.TryParse(limit, 100, MaxReplay, out var count, out var error))
        {
            return error;
        }
        var letters = await pipeline.Outbox.GetDeadLettersAsync(count, ct);
        return Results.Json(letters.Select(DeadLetterView.From).ToArray());
    }

    private static async Task<IResult> Replay(string name, string? limit, ExporterPipelines pipelines, CancellationToken ct)
    {
        if (Find(pipelines, name) is not { } pipeline)
        {
            return UnknownExporter(name, pipelines);
        }
        if (!QueryLimit.TryParse(limit, MaxReplay, MaxReplay, out var count, out var error))
        {
            return error;
        }
        var replayed = await pipeline.Outbox.ReplayDeadLettersAsync(count, ct);
        return Results.Json(new ReplayView(pipeline.Exporter.Name, replayed, await pipeline.Outbox.CountDeadLettersAsync(ct)));
    }

    private static ExporterPipeline? Find(ExporterPipelines pipelines, string name) =>
        pipelines.All.FirstOrDefault(p => string.Equals(p.Exporter.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IResult UnknownExporter(string name, ExporterPipelines pipelines)
    {
        var known = string.Join(", ", pipelines.All.Select(p => p.Exporter.Name));
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        return ApiError.NotFound($"no exporter named \"{shown}\" (running: {(known.Length > 0 ? known : "none")})");
    }

    /// <summary>One exporter as <c>GET /api/v1/exporters</c> shows it.</summary>
    internal sealed record ExporterView(
        string Name,
        string State,
        bool BreakerOpen,
        long OutboxDepth,
        long OutboxBytes,
        long DeadLetters,
        long Sent,
        long Retries,
        long Dropped,
        string? LastError,
        DateTimeOffset? LastErrorTime)
    {
        public static ExporterView From(ExporterPipeline pipeline, long deadLetters)
        {
            var s = pipeline.Statistics;
            var state = s.Failing ? "failing" : s.BreakerOpen ? "retrying" : s.ConsecutiveFailures > 0 ? "retrying" : "up";
            return new ExporterView(pipeline.Exporter.Name, state, s.BreakerOpen, s.Depth, s.DepthBytes, deadLetters,
                s.Delivered, s.Retries, s.Dropped + (pipeline.Metrics?.Dropped ?? 0), s.LastError?.Reason, s.LastError?.Time);
        }
    }

    /// <summary>
    /// One dead letter: why and when it was rejected, and the event as its published record
    /// (<c>docs/schemas/</c>, as Kafka and webhooks get it); no event for a row that could not be read back.
    /// </summary>
    internal sealed record DeadLetterView(long Sequence, Guid EventId, string Kind, string Reason, DateTimeOffset Time, JsonElement? Event)
    {
        public static DeadLetterView From(DeadLetter letter)
        {
            JsonElement? record = null;
            if (letter.TryDecode() is { } e)
            {
                using var document = JsonDocument.Parse(EventRecords.Serialize(e));
                record = document.RootElement.Clone();
            }
            return new DeadLetterView(letter.Sequence, letter.EventId, letter.Kind.ToString().ToLowerInvariant(), letter.Reason, letter.Time, record);
        }
    }

    internal sealed record ReplayView(string Exporter, int Replayed, long DeadLettersLeft);
}
