using System.Text.Json.Serialization;

namespace Gateway.Saas.PagerDuty;

/// <summary>The body of <c>POST /v2/enqueue</c>; <see cref="Payload"/> only on a trigger.</summary>
public sealed record PagerDutyAlertEvent(
    [property: JsonPropertyName("routing_key")] string RoutingKey,
    [property: JsonPropertyName("event_action")] string EventAction,
    [property: JsonPropertyName("dedup_key")] string DedupKey,
    [property: JsonPropertyName("payload")] PagerDutyPayload? Payload = null,
    [property: JsonPropertyName("client")] string? Client = null,
    [property: JsonPropertyName("client_url")] string? ClientUrl = null,
    [property: JsonPropertyName("links")] IReadOnlyList<PagerDutyLink>? Links = null);
