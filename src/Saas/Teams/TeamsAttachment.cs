using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Gateway.Saas.Teams;

/// <summary>One attachment of a Teams message: an Adaptive Card (<c>contentUrl</c> is null, as Microsoft's samples send it).</summary>
public sealed record TeamsAttachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("contentUrl"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContentUrl,
    [property: JsonPropertyName("content")] JsonObject Content);
