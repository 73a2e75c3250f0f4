using System.Text.Json.Serialization;

namespace Gateway.Saas.PagerDuty;

/// <summary>A trigger's <c>payload</c> (PagerDuty Common Event Format).</summary>
public sealed record PagerDutyPayload(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("component")] string? Component,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("custom_details")] IReadOnlyDictionary<string, object> CustomDetails);
