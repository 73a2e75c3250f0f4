using System.Text.Json.Serialization;

namespace Gateway.Saas.Slack;

/// <summary>A (secondary) message attachment: a coloured bar, a linked title, text, short fields, a footer and a time.</summary>
public sealed record SlackAttachment(
    [property: JsonPropertyName("color")] string Color,
    [property: JsonPropertyName("fallback")] string Fallback,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("title_link")] string TitleLink,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("fields")] IReadOnlyList<SlackField>? Fields,
    [property: JsonPropertyName("footer")] string Footer,
    [property: JsonPropertyName("ts")] long Ts);
