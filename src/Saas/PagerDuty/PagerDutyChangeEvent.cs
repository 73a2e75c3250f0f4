using System.Text.Json.Serialization;

namespace Gateway.Saas.PagerDuty;

/// <summary>The body of <c>POST /v2/change/enqueue</c>.</summary>
public sealed record PagerDutyChangeEvent(
    [property: JsonPropertyName("routing_key")] string RoutingKey,
    [property: JsonPropertyName("payload")] PagerDutyChangePayload Payload,
    [property: JsonPropertyName("links")] IReadOnlyList<PagerDutyLink>? Links = null);
