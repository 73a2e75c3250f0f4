using System.Text.Json.Serialization;

namespace Gateway.Saas.Slack;

/// <summary>
/// An incoming-webhook message: <c>text</c> (what notifications and screen readers show) and one
/// attachment, whose <c>color</c> paints the bar beside it in the alarm's severity colour.
/// </summary>
public sealed record SlackMessage(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("attachments")] IReadOnlyList<SlackAttachment> Attachments);
