using Gateway.Core.Events;

namespace Gateway.Core.Routing;

/// <summary>The config names of a <c>minSeverity</c>: critical, major, minor, warning, indeterminate.</summary>
public static class SeverityThreshold
{
    public const string Names = "critical, major, minor, warning, indeterminate";

    /// <summary>Case and dashes are ignored.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = text?.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "MAJOR" => Severity.Major,
            "MINOR" => Severity.Minor,
            "WARNING" => Severity.Warning,
            "INDETERMINATE" => Severity.Indeterminate,
            _ => Severity.Cleared,
        };
        return severity != Severity.Cleared;
    }
}
