namespace Gateway.Saas.Chat;

/// <summary>The colour a chat message carries: its alarm's severity, green for a clear, neutral for the rest.</summary>
public enum ChatColor
{
    Critical,
    Major,
    Minor,
    Warning,
    Indeterminate,
    Cleared,
    Neutral,
}
