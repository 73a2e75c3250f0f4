using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>The severities a rule may raise, by their config names.</summary>
public static class SeverityNames
{
    public const string Allowed = "critical, major, minor, warning";

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = text?.Trim().ToLowerInvariant() switch
        {
            "critical" => Severity.Critical,
            "major" => Severity.Major,
            "minor" => Severity.Minor,
            "warning" => Severity.Warning,
            _ => Severity.Cleared,
        };
        return severity != Severity.Cleared;
    }

    public static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
