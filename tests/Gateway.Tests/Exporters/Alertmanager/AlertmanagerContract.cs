using System.Globalization;
using System.Text.Json;
using Gateway.Tests.Saas;

namespace Gateway.Tests.Exporters.Alertmanager;

/// <summary>
/// <c>POST /api/v2/alerts</c> as Alertmanager's OpenAPI spec has it: a JSON array of postableAlert —
/// <c>labels</c> (required, string values, <c>alertname</c> among them), <c>annotations</c> (string values),
/// <c>startsAt</c>/<c>endsAt</c> (RFC 3339 date-time, optional), <c>generatorURL</c> (URI).
/// </summary>
public static class AlertmanagerContract
{
    public static string? Check(LoopbackRequest request)
    {
        if (request.Method != "POST" || request.Path != "/api/v2/alerts")
        {
            return $"{request.Method} {request.Path}";
        }
        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return $"content type {request.Header("Content-Type")}";
        }
        var json = request.Json;
        if (json.ValueKind != JsonValueKind.Array)
        {
            return "not an array";
        }
        foreach (var alert in json.EnumerateArray())
        {
            if (!alert.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object
                || labels.EnumerateObject().Any(l => l.Value.ValueKind != JsonValueKind.String)
                || !labels.TryGetProperty("alertname", out _))
            {
                return "labels";
            }
            if (alert.TryGetProperty("annotations", out var annotations) && annotations.EnumerateObject().Any(a => a.Value.ValueKind != JsonValueKind.String))
            {
                return "annotations";
            }
            foreach (var time in new[] { "startsAt", "endsAt" })
            {
                if (alert.TryGetProperty(time, out var t) && !DateTimeOffset.TryParseExact(t.GetString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return time;
                }
            }
            if (alert.TryGetProperty("generatorURL", out var url) && !Uri.TryCreate(url.GetString(), UriKind.Absolute, out _))
            {
                return "generatorURL";
            }
        }
        return null;
    }
}
