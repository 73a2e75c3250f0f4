using System.Text.Json.Nodes;
using Gateway.Core.Events;
using Gateway.Saas.Chat;

namespace Gateway.Saas.Teams;

/// <summary>
/// The Adaptive Card (schema 1.4, which Teams renders) of an alarm event: a coloured band with the
/// headline (the container style of the severity: attention, warning, accent, good, emphasis), the title,
/// the description, the facts (node, type, resource, severity, group) and an "Open in Gateway" button.
/// Acknowledge, unacknowledge and comment make a short card (headline, comment, button).
/// </summary>
public static class TeamsCardBuilder
{
    public static TeamsMessage For(AlarmEvent e, string link)
    {
        var message = ChatMessage.For(e, link);
        var (style, color) = StyleOf(message.Color);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Container",
                ["style"] = style,
                ["bleed"] = true,
                ["items"] = new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = message.Headline, ["weight"] = "Bolder", ["color"] = color, ["wrap"] = true },
                },
            },
        };
        if (!message.Short)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = message.Title, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true });
        }
        if (message.Text.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = message.Text, ["wrap"] = true });
        }
        if (!message.Short)
        {
            var facts = new JsonArray();
            foreach (var (title, value) in message.Facts)
            {
                facts.Add(new JsonObject { ["title"] = title, ["value"] = value });
            }
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }
        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"Gateway · alarm {e.Alarm.Id} · {message.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC", ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in Gateway", ["url"] = link },
            },
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        return TeamsMessage.WithCard(card);
    }

    /// <summary>The container style and text colour of a message colour.</summary>
    public static (string Style, string Color) StyleOf(ChatColor color) => color switch
    {
        ChatColor.Critical or ChatColor.Major => ("attention", "Attention"),
        ChatColor.Minor or ChatColor.Warning => ("warning", "Warning"),
        ChatColor.Indeterminate => ("accent", "Accent"),
        ChatColor.Cleared => ("good", "Good"),
        _ => ("emphasis", "Default"),
    };
}
