using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Gateway.Saas.Teams;

/// <summary>The workflow webhook's payload: <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}]}</c>.</summary>
public sealed record TeamsMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attachments")] IReadOnlyList<TeamsAttachment> Attachments)
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    public static TeamsMessage WithCard(JsonObject card) => new("message", [new TeamsAttachment(AdaptiveCard, null, card)]);
}
