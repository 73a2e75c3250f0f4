using System.Text.Json;

namespace Gateway.Tests.Saas.Teams;

/// <summary>
/// A workflow-webhook request as Microsoft documents it: <c>POST</c> to the workflow URL with its whole
/// query (<c>api-version</c>, <c>sp</c>, <c>sv</c>, <c>sig</c>), JSON
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":…,"body":[…]}}]}</c>.
/// </summary>
public static class TeamsContract
{
    public static Func<LoopbackRequest, string?> For(string path, string query) => request =>
    {
        if (request.Method != "POST")
        {
            return $"method {request.Method}";
        }
        if (request.Path != path || request.Query != query)
        {
            return $"url {request.Path}{request.Query}";
        }
        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return $"content type {request.Header("Content-Type")}";
        }
        var json = request.Json;
        if (json.GetProperty("type").GetString() != "message")
        {
            return "type";
        }
        var attachment = json.GetProperty("attachments").EnumerateArray().Single();
        if (attachment.GetProperty("contentType").GetString() != "application/vnd.microsoft.card.adaptive")
        {
            return "contentType";
        }
        var card = attachment.GetProperty("content");
        if (card.GetProperty("type").GetString() != "AdaptiveCard" || card.GetProperty("version").ValueKind != JsonValueKind.String)
        {
            return "card type/version";
        }
        foreach (var element in card.GetProperty("body").EnumerateArray())
        {
            if (element.GetProperty("type").ValueKind != JsonValueKind.String)
            {
                return "body element without a type";
            }
        }
        foreach (var action in card.GetProperty("actions").EnumerateArray())
        {
            if (action.GetProperty("type").GetString() != "Action.OpenUrl" || !Uri.TryCreate(action.GetProperty("url").GetString(), UriKind.Absolute, out _))
            {
                return "action";
            }
        }
        return null;
    };
}
