using System.Text.Json.Serialization;

namespace Gateway.Saas.Opsgenie;

/// <summary>The body of close, acknowledge, unacknowledge and add note (where <c>note</c> is required).</summary>
public sealed record OpsgenieAction(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("user")] string? User = null,
    [property: JsonPropertyName("note")] string? Note = null);
