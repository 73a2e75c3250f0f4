using System.Globalization;
using System.Text.Json;
using Gateway.Saas.PagerDuty;

namespace Gateway.Tests.Saas.PagerDuty;

/// <summary>
/// The Events API v2 as PagerDuty documents it (developer.pagerduty.com, "Send an Alert Event", "Send a
/// Change Event", "Response Codes &amp; Retry Logic"): the checks a stub applies and the answers it gives.
/// </summary>
internal static class PagerDutyContract
{
    public const string Key = "e93facc04764012d7bfb002500d5d1a6";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Actions = ["trigger", "acknowledge", "resolve"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    public static Task<IncidentStub> StartAsync() => IncidentStub.StartAsync(Check, InvalidEvent);

    public static IncidentAnswer Accepted(IncidentRequest request) =>
        request.Path == "/v2/enqueue"
            ? new(202, $$"""{"status":"success","message":"Event processed","dedup_key":"{{request.Json!.Value.GetProperty("dedup_key").GetString()}}"}""")
            : new(202, """{"status":"success","message":"Change event processed"}""");

    public static IncidentAnswer InvalidEvent(List<string> errors) =>
        new(400, JsonSerializer.Serialize(new { status = "invalid event", message = "Event object is invalid", errors }, Relaxed));

    public static IncidentAnswer InvalidRoutingKey() =>
        new(400, """{"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key"]}""");

    public static IncidentAnswer RateLimited() => new(429, """{"status":"throttle exceeded","message":"Requests for this service are arriving too quickly.  Please retry later."}""");

    public static IncidentAnswer ServerError() => new(500, "internal error");

    /// <summary>Accepts only <paramref name="key"/>; any other well-formed key is PagerDuty's "Invalid routing key".</summary>
    public static Func<IncidentRequest, IncidentAnswer> AcceptingOnly(string key) => r =>
        r.Json!.Value.GetProperty("routing_key").GetString() == key ? Accepted(r) : InvalidRoutingKey();

    public static List<string> Check(IncidentRequest r)
    {
        var problems = new List<string>();
        if (r.Method != "POST")
        {
            problems.Add("method must be POST");
        }
        if (r.Path is not ("/v2/enqueue" or "/v2/change/enqueue") || r.Query.Length > 0)
        {
            problems.Add($"unknown endpoint {r.Path}{r.Query}");
        }
        if (!r.Header("Content-Type").StartsWith("application/json", StringComparison.Ordinal))
        {
            problems.Add($"Content-Type must be application/json, is '{r.Header("Content-Type")}'");
        }
        if (r.Json is not { ValueKind: JsonValueKind.Object } body)
        {
            problems.Add("body must be a JSON object");
            return problems;
        }
        JsonChecks.String(body, "routing_key", problems);
        if (body.TryGetProperty("routing_key", out var key) && key.ValueKind == JsonValueKind.String && !PagerDutyExporterOptionsValidator.IsRoutingKey(key.GetString()!))
        {
            problems.Add("Length of 'routing_key' is incorrect (should be 32 characters)");
        }
        CheckLinks(body, problems);
        if (r.Path == "/v2/change/enqueue")
        {
            JsonChecks.Only(body, ["routing_key", "payload", "links"], problems);
            if (!body.TryGetProperty("payload", out var change) || change.ValueKind != JsonValueKind.Object)
            {
                problems.Add("'payload' is missing");
                return problems;
            }
            JsonChecks.Only(change, ["summary", "source", "timestamp", "custom_details"], problems);
            JsonChecks.String(change, "summary", problems, max: 1024);
            JsonChecks.String(change, "source", problems, required: false);
            CheckTimestamp(change, problems);
            JsonChecks.Kind(change, "custom_details", JsonValueKind.Object, problems);
            return problems;
        }
        JsonChecks.Only(body, ["routing_key", "event_action", "dedup_key", "payload", "images", "links", "client", "client_url"], problems);
        JsonChecks.String(body, "event_action", problems);
        JsonChecks.String(body, "dedup_key", problems, max: 255);
        JsonChecks.String(body, "client", problems, required: false);
        JsonChecks.String(body, "client_url", problems, required: false);
        var action = body.TryGetProperty("event_action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (!Actions.Contains(action))
        {
            problems.Add($"'event_action' is invalid: {action}");
        }
        if (action != "trigger")
        {
            return problems;
        }
        if (!body.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            problems.Add("'payload' is missing or not an object");
            return problems;
        }
        JsonChecks.Only(payload, ["summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details"], problems);
        JsonChecks.String(payload, "summary", problems, max: 1024);
        JsonChecks.String(payload, "source", problems);
        JsonChecks.String(payload, "severity", problems);
        if (payload.TryGetProperty("severity", out var s) && !Severities.Contains(s.GetString()))
        {
            problems.Add($"'payload.severity' is invalid: {s}");
        }
        CheckTimestamp(payload, problems);
        JsonChecks.String(payload, "component", problems, required: false);
        JsonChecks.String(payload, "group", problems, required: false);
        JsonChecks.String(payload, "class", problems, required: false);
        JsonChecks.Kind(payload, "custom_details", JsonValueKind.Object, problems);
        return problems;
    }

    private static void CheckTimestamp(JsonElement payload, List<string> problems)
    {
        JsonChecks.String(payload, "timestamp", problems, required: false);
        if (payload.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.String
            && !DateTimeOffset.TryParseExact(t.GetString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"'timestamp' is not ISO 8601: {t.GetString()}");
        }
    }

    private static void CheckLinks(JsonElement body, List<string> problems)
    {
        if (!body.TryGetProperty("links", out var links))
        {
            return;
        }
        if (links.ValueKind != JsonValueKind.Array)
        {
            problems.Add("'links' must be an array");
            return;
        }
        foreach (var link in links.EnumerateArray())
        {
            JsonChecks.String(link, "href", problems);
            JsonChecks.String(link, "text", problems, required: false);
        }
    }
}
