using System.Text.Json.Serialization;

namespace Gateway.Saas.Datadog;

/// <summary>The body of <c>POST /api/v1/events</c> (Datadog's EventCreateRequest), snake_case as documented.</summary>
public sealed record DatadogEventRequest
{
    /// <summary>At most 100 characters.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>At most 4000 characters.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>Groups the events of one alarm in the event stream (the alarm id); at most 100 characters.</summary>
    [JsonPropertyName("aggregation_key")]
    public string? AggregationKey { get; init; }

    /// <summary>error, warning, info or success.</summary>
    [JsonPropertyName("alert_type")]
    public required string AlertType { get; init; }

    /// <summary>normal or low.</summary>
    [JsonPropertyName("priority")]
    public required string Priority { get; init; }

    [JsonPropertyName("source_type_name")]
    public string? SourceTypeName { get; init; }

    /// <summary>POSIX seconds; left out when older than Datadog accepts (18 hours).</summary>
    [JsonPropertyName("date_happened")]
    public long? DateHappened { get; init; }

    /// <summary>The node.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; init; }

    [JsonPropertyName("tags")]
    public required IReadOnlyList<string> Tags { get; init; }
}
