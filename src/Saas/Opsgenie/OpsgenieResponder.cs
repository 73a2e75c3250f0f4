using System.Text.Json.Serialization;

namespace Gateway.Saas.Opsgenie;

/// <summary>A responder of a new alert: <c>type</c> with one of <c>id</c>, <c>name</c>, <c>username</c>.</summary>
public sealed record OpsgenieResponder(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("username")] string? Username = null);
