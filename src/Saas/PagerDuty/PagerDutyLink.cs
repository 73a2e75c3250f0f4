using System.Text.Json.Serialization;

namespace Gateway.Saas.PagerDuty;

/// <summary>One entry of <c>links</c>.</summary>
public sealed record PagerDutyLink(
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("text")] string Text);
