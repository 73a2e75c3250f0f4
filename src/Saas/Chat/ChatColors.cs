using Gateway.Core.Events;

namespace Gateway.Saas.Chat;

public static class ChatColors
{
    public static ChatColor Of(Severity severity) => severity switch
    {
        Severity.Critical => ChatColor.Critical,
        Severity.Major => ChatColor.Major,
        Severity.Minor => ChatColor.Minor,
        Severity.Warning => ChatColor.Warning,
        Severity.Indeterminate => ChatColor.Indeterminate,
        _ => ChatColor.Cleared,
    };
}
