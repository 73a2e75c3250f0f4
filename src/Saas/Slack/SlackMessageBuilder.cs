using Gateway.Core.Events;
using Gateway.Saas.Chat;

namespace Gateway.Saas.Slack;

/// <summary>
/// The Slack message of an alarm event: raise, severity change and clear with every field; acknowledge,
/// unacknowledge and comment as a short one (the headline and the comment). Text is escaped as Slack's
/// formatting requires (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), so a node name cannot become a mention or a link.
/// </summary>
public static class SlackMessageBuilder
{
    public static SlackMessage For(AlarmEvent e, string link)
    {
        var message = ChatMessage.For(e, link);
        var headline = Escape(message.Headline);
        var fields = message.Short ? null : message.Facts.Select(f => new SlackField(f.Key, Escape(f.Value), Short: true)).ToArray();
        var attachment = new SlackAttachment(
            ColorOf(message.Color),
            headline,
            Escape(message.Title),
            link,
            message.Text.Length > 0 ? Escape(message.Text) : null,
            fields,
            $"Gateway · alarm {e.Alarm.Id}",
            message.Time.ToUnixTimeSeconds());
        return new SlackMessage(headline, [attachment]);
    }

    public static string ColorOf(ChatColor color) => color switch
    {
        ChatColor.Critical => "#d00000",
        ChatColor.Major => "#e8590c",
        ChatColor.Minor => "#f2c744",
        ChatColor.Warning => "#439fe0",
        ChatColor.Indeterminate => "#9e9e9e",
        ChatColor.Cleared => "#2eb886",
        _ => "#cccccc",
    };

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
