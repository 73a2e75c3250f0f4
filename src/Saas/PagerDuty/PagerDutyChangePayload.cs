using System.Text.Json.Serialization;

namespace Gateway.Saas.PagerDuty;

/// <summary>A change event's <c>payload</c>.</summary>
public sealed record PagerDutyChangePayload(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("custom_details")] IReadOnlyDictionary<string, object> CustomDetails);
