using System.Text.Json.Serialization;

namespace Gateway.Saas.Slack;

/// <summary>One field of an attachment; <c>short</c> ones sit side by side.</summary>
public sealed record SlackField(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("short")] bool Short);
