using System.Text.Json.Serialization;

namespace Gateway.Saas.SplunkHec;

/// <summary>The body of <c>POST /services/collector/ack</c>.</summary>
public sealed record SplunkHecAckRequest([property: JsonPropertyName("acks")] IReadOnlyList<long> Acks);
