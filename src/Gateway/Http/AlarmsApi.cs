using System.Globalization;
using System.Text.Json;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Intake;
using Gateway.Core.Rules;

namespace Gateway.Http;

/// <summary>
/// <c>/api/v1/alarms</c>: the active alarms and their history (read), external raise/clear and
/// operator actions (write, bearer token). Bad input is a 4xx with <c>{"error": …}</c> and changes nothing.
/// </summary>
internal static class AlarmsApi
{
    private const int MaxNode = 255;
    private const int MaxType = 128;
    private const int MaxResource = 1024;
    private const int MaxDescription = 4096;

    public static IEndpointRouteBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alarms", List);
        app.MapGet("/api/v1/alarms/history", History);
        app.MapGet("/api/v1/alarms/{id}", (string id, AlarmManager alarms) =>
            alarms.Get(id) is { } alarm ? Results.Json(AlarmView.From(alarm)) : ApiError.NotFound($"no active alarm with id \"{Trim(id)}\""));

        var write = app.MapGroup("/api/v1/alarms").AddEndpointFilter<ApiTokenFilter>();
        write.MapPost(string.Empty, RaiseOrClear);
        write.MapPost("/{id}/ack", (string id, HttpRequest request, AlarmManager alarms, CancellationToken ct) =>
            Operate(id, request, (c, ct2) => alarms.AcknowledgeAsync(id, c, ct2), alarms, ct));
        write.MapPost("/{id}/unack", (string id, HttpRequest request, AlarmManager alarms, CancellationToken ct) =>
            Operate(id, request, (c, ct2) => alarms.UnacknowledgeAsync(id, c, ct2), alarms, ct));
        write.MapPost("/{id}/clear", (string id, HttpRequest request, AlarmManager alarms, CancellationToken ct) =>
            Operate(id, request, (c, ct2) => alarms.ClearManuallyAsync(id, c, ct2), alarms, ct));
        write.MapPost("/{id}/comment", (string id, HttpRequest request, AlarmManager alarms, CancellationToken ct) =>
            Operate(id, request, (c, ct2) => c is null ? Task.FromResult(false) : alarms.CommentAsync(id, c, ct2), alarms, ct, commentRequired: true));
        return app;
    }

    private static IResult List(string? node, string? severity, string? type, AlarmManager alarms)
    {
        Severity? parsed = null;
        if (severity is not null)
        {
            if (!SeverityNames.TryParse(severity, out var s))
            {
                return ApiError.BadRequest($"severity \"{Trim(severity)}\" is not one of {SeverityNames.Allowed}");
            }
            parsed = s;
        }
        var active = alarms.GetActive(new AlarmFilter(node, type, parsed));
        return Results.Json(active.Select(AlarmView.From).ToArray());
    }

    private static async Task<IResult> History(string? since, string? limit, AlarmManager alarms, CancellationToken ct)
    {
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ApiError.BadRequest($"since \"{Trim(since)}\" is not an ISO 8601 time (e.g. 2026-11-26T08:00:00Z)");
            }
            from = parsed;
        }
        if (!QueryLimit.TryParse(limit, 1000, 10_000, out var count, out var error))
        {
            return error;
        }
        var events = await alarms.GetHistoryAsync(from, count, ct);
        return Results.Json(events.Select(AlarmEventView.From).ToArray());
    }

    private static async Task<IResult> RaiseOrClear(HttpRequest request, AlarmManager alarms, ICoreIntake intake, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, ct);
        if (error is not null)
        {
            return error;
        }
        if (!JsonBody.TryGetString(body, "action", 16, out var action, out var problem)
            || !JsonBody.TryGetString(body, "id", 64, out var id, out problem)
            || !JsonBody.TryGetString(body, "node", MaxNode, out var node, out problem)
            || !JsonBody.TryGetString(body, "type", MaxType, out var type, out problem)
            || !JsonBody.TryGetString(body, "resource", MaxResource, out var resource, out problem)
            || !JsonBody.TryGetString(body, "severity", 32, out var severityText, out problem)
            || !JsonBody.TryGetString(body, "description", MaxDescription, out var description, out problem))
        {
            return ApiError.BadRequest(problem!);
        }
        switch (action)
        {
            case "raise":
                if (string.IsNullOrWhiteSpace(node) || string.IsNullOrWhiteSpace(type))
                {
                    return ApiError.BadRequest("\"node\" and \"type\" are required to raise an alarm");
                }
                if (severityText is null || !SeverityNames.TryParse(severityText, out var severity) || severity == Severity.Cleared)
                {
                    return ApiError.BadRequest($"\"severity\" must be one of {SeverityNames.Allowed}");
                }
                var raised = await intake.RaiseAlarmAsync(node, AlarmSources.External, new AlarmCondition(type, resource ?? string.Empty, severity, description ?? string.Empty), ct);
                return Results.Json(new { id = raised, alarm = alarms.Get(raised) is { } a ? AlarmView.From(a) : null });
            case "clear":
                if (id is not null)
                {
                    return await alarms.ClearExternalAsync(id, ct)
                        ? Results.Json(new { id, cleared = true })
                        : ApiError.NotFound($"no active alarm with id \"{Trim(id)}\"");
                }
                if (string.IsNullOrWhiteSpace(node) || string.IsNullOrWhiteSpace(type))
                {
                    return ApiError.BadRequest("clear needs \"id\", or \"node\" and \"type\" (and \"resource\")");
                }
                var identity = AlarmId.For(node, type, resource ?? string.Empty);
                return await intake.ClearAlarmAsync(node, AlarmSources.External, type, resource ?? string.Empty, ct)
                    ? Results.Json(new { id = identity, cleared = true })
                    : ApiError.NotFound($"no active alarm for node \"{Trim(node)}\", type \"{Trim(type)}\", resource \"{Trim(resource ?? string.Empty)}\"");
            case null:
                return ApiError.BadRequest("\"action\" is required: raise or clear");
            default:
                return ApiError.BadRequest($"\"action\" \"{Trim(action)}\" is not raise or clear");
        }
    }

    private static async Task<IResult> Operate(
        string id, HttpRequest request, Func<string?, CancellationToken, Task<bool>> operation, AlarmManager alarms, CancellationToken ct, bool commentRequired = false)
    {
        string? comment = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, error) = await JsonBody.ReadObjectAsync(request, ct);
            if (error is not null)
            {
                return error;
            }
            if (!JsonBody.TryGetString(body, "comment", MaxDescription, out comment, out var problem))
            {
                return ApiError.BadRequest(problem!);
            }
        }
        if (commentRequired && string.IsNullOrWhiteSpace(comment))
        {
            return ApiError.BadRequest("\"comment\" is required");
        }
        if (alarms.Get(id) is null)
        {
            return ApiError.NotFound($"no active alarm with id \"{Trim(id)}\"");
        }
        var changed = await operation(comment, ct);
        return Results.Json(new { id, changed, alarm = alarms.Get(id) is { } a ? AlarmView.From(a) : null });
    }

    /// <summary>Echo at most 80 characters of user input in an error.</summary>
    private static string Trim(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

internal sealed record AlarmView(
    string Id, string Node, string Type, string Resource, string Severity, string Description,
    DateTimeOffset RaisedAt, DateTimeOffset UpdatedAt, double? Value, double? Threshold, bool Acknowledged)
{
    public static AlarmView From(Alarm a) => new(
        a.Id, a.Node, a.Type, a.Resource, SeverityNames.Name(a.Severity), a.Description, a.RaisedAt, a.UpdatedAt,
        a.Value is { } v && double.IsFinite(v) ? v : null,
        a.Threshold is { } t && double.IsFinite(t) ? t : null,
        a.Acknowledged);
}

internal sealed record AlarmEventView(Guid EventId, string Event, string PreviousSeverity, DateTimeOffset Time, string? Comment, AlarmView Alarm)
{
    public static AlarmEventView From(AlarmEvent e) => new(
        e.EventId, JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Kind.ToString()), SeverityNames.Name(e.PreviousSeverity), e.Time, e.Comment, AlarmView.From(e.Alarm));
}
