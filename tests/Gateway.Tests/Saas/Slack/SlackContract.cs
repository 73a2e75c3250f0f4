using System.Text.Json;

namespace Gateway.Tests.Saas.Slack;

/// <summary>
/// An incoming-webhook request as Slack documents it: <c>POST</c> to the webhook's own path, JSON, a
/// <c>text</c>, and attachments with <c>color</c>, <c>fallback</c>, <c>title</c>, <c>title_link</c>,
/// <c>fields</c> (<c>title</c>, <c>value</c>, <c>short</c>), <c>footer</c>, <c>ts</c>.
/// </summary>
public static class SlackContract
{
    public static Func<LoopbackRequest, string?> For(string path) => request =>
    {
        if (request.Method != "POST")
        {
            return $"method {request.Method}";
        }
        if (request.Path != path || request.Query.Length > 0)
        {
            return $"path {request.Path}{request.Query}";
        }
        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return $"content type {request.Header("Content-Type")}";
        }
        var json = request.Json;
        if (json.ValueKind != JsonValueKind.Object || String(json, "text") is not { Length: > 0 })
        {
            return "no text";
        }
        foreach (var a in json.GetProperty("attachments").EnumerateArray())
        {
            if (String(a, "color") is not { Length: 7 } color || color[0] != '#')
            {
                return "color";
            }
            if (String(a, "fallback") is null || String(a, "title") is null || String(a, "footer") is null)
            {
                return "fallback, title, footer";
            }
            if (!Uri.TryCreate(String(a, "title_link"), UriKind.Absolute, out _))
            {
                return "title_link";
            }
            if (!a.TryGetProperty("ts", out var ts) || ts.ValueKind != JsonValueKind.Number)
            {
                return "ts";
            }
            if (a.TryGetProperty("fields", out var fields))
            {
                foreach (var f in fields.EnumerateArray())
                {
                    if (String(f, "title") is null || String(f, "value") is null || f.GetProperty("short").ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        return "field";
                    }
                }
            }
        }
        return null;
    };

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
