using System.Text.Json.Serialization;

namespace Gateway.Saas.Opsgenie;

/// <summary>The body of <c>PUT /v2/alerts/{alias}/priority</c>.</summary>
public sealed record OpsgeniePriority([property: JsonPropertyName("priority")] string Priority);
