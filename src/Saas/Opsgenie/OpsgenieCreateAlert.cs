using System.Text.Json.Serialization;

namespace Gateway.Saas.Opsgenie;

/// <summary>The body of <c>POST /v2/alerts</c> (limits: <see cref="OpsgenieLimits"/>).</summary>
public sealed record OpsgenieCreateAlert(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("entity")] string Entity,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("details")] IReadOnlyDictionary<string, string> Details,
    [property: JsonPropertyName("responders")] IReadOnlyList<OpsgenieResponder>? Responders = null,
    [property: JsonPropertyName("user")] string? User = null);
