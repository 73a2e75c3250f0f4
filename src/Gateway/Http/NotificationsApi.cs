using System.Globalization;
using System.Text.Json;
using Gateway.Core.Events;
using Gateway.Core.Intake;

namespace Gateway.Http;

/// <summary>
/// <c>POST /api/v1/notifications</c> (bearer token): an external notification,
/// <c>{"node":"n1@host","level":"error","message":"…","metadata":{…}}</c>, routed like a forwarded log event.
/// </summary>
internal static class NotificationsApi
{
    private static readonly string[] Levels = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];
    private const int MaxMetadataEntries = 64;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/notifications", Post).AddEndpointFilter<ApiTokenFilter>();
        return app;
    }

    private static async Task<IResult> Post(HttpRequest request, ICoreIntake intake, TimeProvider time, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, ct);
        if (error is not null)
        {
            return error;
        }
        if (!JsonBody.TryGetString(body, "node", 255, out var node, out var problem)
            || !JsonBody.TryGetString(body, "level", 16, out var level, out problem)
            || !JsonBody.TryGetString(body, "message", 32 * 1024, out var message, out problem)
            || !JsonBody.TryGetString(body, "time", 64, out var timeText, out problem))
        {
            return ApiError.BadRequest(problem!);
        }
        if (string.IsNullOrWhiteSpace(node) || string.IsNullOrEmpty(message))
        {
            return ApiError.BadRequest("\"node\" and \"message\" are required");
        }
        level = (level ?? "info").ToLowerInvariant();
        if (level == "warn")
        {
            level = "warning";
        }
        if (!Levels.Contains(level))
        {
            return ApiError.BadRequest($"\"level\" must be one of {string.Join(", ", Levels)}");
        }
        var at = time.GetUtcNow();
        if (timeText is not null && !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            return ApiError.BadRequest("\"time\" is not an ISO 8601 time");
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("metadata", out var meta) && meta.ValueKind != JsonValueKind.Null)
        {
            if (meta.ValueKind != JsonValueKind.Object)
            {
                return ApiError.BadRequest("\"metadata\" must be an object");
            }
            foreach (var property in meta.EnumerateObject())
            {
                if (metadata.Count == MaxMetadataEntries)
                {
                    return ApiError.BadRequest($"\"metadata\" has more than {MaxMetadataEntries} entries");
                }
                metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }
        var notification = new Notification(Guid.NewGuid(), node, at, level, message, metadata, "api");
        await intake.NotifyAsync(notification, ct);
        return Results.Json(new { id = notification.Id }, statusCode: StatusCodes.Status202Accepted);
    }
}
