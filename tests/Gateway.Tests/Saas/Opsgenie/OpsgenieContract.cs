using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gateway.Tests.Saas.Opsgenie;

/// <summary>
/// The Alert API as Opsgenie documents it (docs.opsgenie.com: "Alert API", "Response", "Rate Limiting"):
/// the checks a stub applies and the answers it gives.
/// </summary>
internal static partial class OpsgenieContract
{
    public const string Key = "eb243592-faa2-4ba2-a551-1afdf565c889";

    private static readonly string[] Priorities = ["P1", "P2", "P3", "P4", "P5"];
    private static readonly string[] ResponderTypes = ["team", "user", "escalation", "schedule"];
    private static readonly string[] Actions = ["close", "acknowledge", "unacknowledge", "notes"];

    public static Task<IncidentStub> StartAsync() => IncidentStub.StartAsync(Check, Unprocessable);

    public static IncidentAnswer Accepted(IncidentRequest request) =>
        new(202, """{"result":"Request will be processed","took":0.302,"requestId":"43a29c5c-3dbf-4fa4-9c26-f4f71023e120"}""");

    public static IncidentAnswer Unprocessable(List<string> errors) =>
        new(422, JsonSerializer.Serialize(new
        {
            message = "Request body is not processable. Please check the errors.",
            errors = errors.Select((e, i) => (e, i)).ToDictionary(p => "error" + p.i, p => p.e),
            took = 0.001,
            requestId = "a5bd5d4f-0b22-4e6b-9d8c-000000000000",
        }));

    public static IncidentAnswer Unauthenticated() =>
        new(401, """{"message":"Could not authenticate","took":0.0,"requestId":"0e5b5b6a-1a80-4a4b-8d0b-000000000000"}""");

    public static IncidentAnswer RateLimited(IReadOnlyDictionary<string, string>? headers = null) =>
        new(429, """{"message":"You are making too many requests! To avoid errors, we recommend you limit requests.","took":0.0,"requestId":"f7c9a6a0-0000-0000-0000-000000000000"}""", headers);

    /// <summary>The alias (decoded) an action request addresses, from the raw request target.</summary>
    public static string AliasOf(IncidentRequest r) => Uri.UnescapeDataString(r.RawTarget.Split('?')[0].Split('/')[3]);

    public static List<string> Check(IncidentRequest r)
    {
        var problems = new List<string>();
        var auth = r.Header("Authorization");
        if (!auth.StartsWith("GenieKey ", StringComparison.Ordinal) || !Guid.TryParseExact(auth["GenieKey ".Length..], "D", out _))
        {
            problems.Add("Authorization must be 'GenieKey <apiKey>'");
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
        var path = r.RawTarget.Split('?')[0];
        if (path == "/v2/alerts" && r.Query.Length == 0)
        {
            if (r.Method != "POST")
            {
                problems.Add("create is POST");
            }
            CheckCreate(body, problems);
            return problems;
        }
        var match = ActionPath().Match(path);
        if (!match.Success || r.Query != "?identifierType=alias")
        {
            problems.Add($"unknown endpoint {r.RawTarget}");
            return problems;
        }
        if (Uri.UnescapeDataString(match.Groups["alias"].Value).Length > 512)
        {
            problems.Add("alias is longer than 512 characters");
        }
        var action = match.Groups["action"].Value;
        if (action == "priority")
        {
            if (r.Method != "PUT")
            {
                problems.Add("update priority is PUT");
            }
            JsonChecks.Only(body, ["priority"], problems);
            JsonChecks.String(body, "priority", problems);
            CheckPriority(body, problems);
            return problems;
        }
        if (!Actions.Contains(action) || r.Method != "POST")
        {
            problems.Add($"unknown action {r.Method} {action}");
        }
        JsonChecks.Only(body, ["user", "source", "note"], problems);
        JsonChecks.String(body, "user", problems, max: 100, required: false);
        JsonChecks.String(body, "source", problems, max: 100, required: false);
        JsonChecks.String(body, "note", problems, max: 25_000, required: action == "notes");
        return problems;
    }

    private static void CheckCreate(JsonElement body, List<string> problems)
    {
        JsonChecks.Only(body, ["message", "alias", "description", "responders", "visibleTo", "actions", "tags", "details", "entity", "source", "priority", "user", "note"], problems);
        JsonChecks.String(body, "message", problems, max: 130);
        JsonChecks.String(body, "alias", problems, max: 512, required: false);
        JsonChecks.String(body, "description", problems, max: 15_000, required: false);
        JsonChecks.String(body, "entity", problems, max: 512, required: false);
        JsonChecks.String(body, "source", problems, max: 100, required: false);
        JsonChecks.String(body, "user", problems, max: 100, required: false);
        JsonChecks.String(body, "note", problems, max: 25_000, required: false);
        JsonChecks.String(body, "priority", problems, required: false);
        CheckPriority(body, problems);
        if (body.TryGetProperty("tags", out var tags))
        {
            if (tags.ValueKind != JsonValueKind.Array || tags.GetArrayLength() > 20 || tags.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || t.GetString()!.Length > 50))
            {
                problems.Add("'tags' must be at most 20 strings of at most 50 characters");
            }
        }
        if (body.TryGetProperty("details", out var details))
        {
            if (details.ValueKind != JsonValueKind.Object || details.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                problems.Add("'details' must be an object of strings");
            }
            else if (details.EnumerateObject().Sum(p => p.Name.Length + p.Value.GetString()!.Length) > 8_000)
            {
                problems.Add("'details' is longer than 8000 characters");
            }
        }
        if (body.TryGetProperty("responders", out var responders))
        {
            if (responders.ValueKind != JsonValueKind.Array || responders.GetArrayLength() > 50)
            {
                problems.Add("'responders' must be an array of at most 50");
                return;
            }
            foreach (var responder in responders.EnumerateArray())
            {
                var type = responder.TryGetProperty("type", out var t) ? t.GetString() : null;
                var ids = new[] { "id", "name", "username" }.Count(n => responder.TryGetProperty(n, out _));
                if (!ResponderTypes.Contains(type) || ids != 1)
                {
                    problems.Add($"responder {responder} must have a type and one of id, name, username");
                }
            }
        }
    }

    private static void CheckPriority(JsonElement body, List<string> problems)
    {
        if (body.TryGetProperty("priority", out var p) && !Priorities.Contains(p.GetString()))
        {
            problems.Add($"'priority' is not one of P1..P5: {p}");
        }
    }

    [GeneratedRegex("^/v2/alerts/(?<alias>[^/]+)/(?<action>[a-z]+)$")]
    private static partial Regex ActionPath();
}
