using System.Text.Json.Serialization;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// One element of <c>POST /api/v2/alerts</c> (Alertmanager's <c>postableAlert</c>). The labels are the
/// alert's identity in Alertmanager; times are RFC 3339. A missing <see cref="EndsAt"/> makes Alertmanager
/// resolve the alert <c>resolve_timeout</c> after its last post; an <see cref="EndsAt"/> in the past resolves it.
/// </summary>
public sealed record PostableAlert(
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] string StartsAt,
    [property: JsonPropertyName("endsAt")] string? EndsAt,
    [property: JsonPropertyName("generatorURL")] string GeneratorUrl);
