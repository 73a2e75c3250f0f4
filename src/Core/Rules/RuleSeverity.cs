using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>A configured rule severity: a severity name, or <c>off</c> (<see cref="Severity.Cleared"/>: the rule is disabled).</summary>
public static class RuleSeverity
{
    public static bool TryParse(string? text, out Severity severity)
    {
        if (string.Equals(text?.Trim(), "off", StringComparison.OrdinalIgnoreCase))
        {
            severity = Severity.Cleared;
            return true;
        }
        return SeverityNames.TryParse(text, out severity);
    }

    /// <summary>The parsed severity; call only on validated options.</summary>
    public static Severity Parse(string? text) =>
        TryParse(text, out var severity) ? severity : throw new ArgumentException($"\"{text}\" is not a severity", nameof(text));
}
