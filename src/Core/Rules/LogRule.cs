using System.Text;
using System.Text.RegularExpressions;
using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>
/// A validated log-pattern rule. Patterns come from configuration, so they run with
/// <see cref="RegexOptions.NonBacktracking"/>: linear in the message length, no catastrophic backtracking.
/// </summary>
public sealed partial class LogRule
{
    private static readonly string[] Levels = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];

    private LogRule(LogRuleOptions o, Regex pattern, Regex? clear, int maxRank, Severity severity)
    {
        Name = o.Name;
        Pattern = pattern;
        ClearPattern = clear;
        MaxRank = maxRank;
        Severity = severity;
        QuietPeriod = o.QuietPeriod;
        ResourceTemplate = string.IsNullOrEmpty(o.Resource) ? "{{rule}}" : o.Resource;
        DescriptionTemplate = string.IsNullOrEmpty(o.Description) ? "{{message}}" : o.Description;
    }

    public string Name { get; }

    public Regex Pattern { get; }

    public Regex? ClearPattern { get; }

    public Severity Severity { get; }

    public TimeSpan QuietPeriod { get; }

    public string ResourceTemplate { get; }

    public string DescriptionTemplate { get; }

    /// <summary>Syslog rank (0 = emergency … 7 = debug) at or below which notifications are considered.</summary>
    public int MaxRank { get; }

    public static int RankOf(string level)
    {
        var i = Array.IndexOf(Levels, level.ToLowerInvariant());
        return i < 0 ? 6 : i;
    }

    public string Render(string template, Notification n, Match match) =>
        Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "node" => n.Node,
            "message" => n.Message,
            "level" => n.Level,
            "rule" => Name,
            var name when name.StartsWith("match.", StringComparison.Ordinal) => match.Groups[name[6..]].Value,
            _ => string.Empty,
        });

    public static LogRule? TryCreate(LogRuleOptions o, string path, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            errors.Add($"{path}.name: must not be empty");
        }
        var pattern = Compile(o.Pattern, $"{path}.pattern", errors, required: true);
        var clear = Compile(o.ClearPattern, $"{path}.clearPattern", errors, required: false);
        var maxRank = Levels.Length - 1;
        if (!string.IsNullOrEmpty(o.MinLevel))
        {
            maxRank = Array.IndexOf(Levels, o.MinLevel.ToLowerInvariant());
            if (maxRank < 0)
            {
                errors.Add($"{path}.minLevel: \"{o.MinLevel}\" is not one of {string.Join(", ", Levels)}");
            }
        }
        if (!SeverityNames.TryParse(o.Severity, out var severity))
        {
            errors.Add($"{path}.severity: \"{o.Severity}\" is not one of {SeverityNames.Allowed}");
        }
        if (o.QuietPeriod < TimeSpan.Zero)
        {
            errors.Add($"{path}.quietPeriod: must not be negative");
        }
        CheckTemplate(o.Resource, $"{path}.resource", pattern, errors);
        CheckTemplate(o.Description, $"{path}.description", pattern, errors);
        return errors.Count > before ? null : new LogRule(o, pattern!, clear, maxRank, severity);
    }

    private static Regex? Compile(string? pattern, string path, List<string> errors, bool required)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            if (required)
            {
                errors.Add($"{path}: must not be empty");
            }
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            errors.Add($"{path}: \"{pattern}\" is not a valid regex: {ex.Message}");
            return null;
        }
    }

    private static void CheckTemplate(string? template, string path, Regex? pattern, List<string> errors)
    {
        if (string.IsNullOrEmpty(template))
        {
            return;
        }
        var unknown = new StringBuilder();
        foreach (Match m in Placeholder().Matches(template))
        {
            var name = m.Groups[1].Value;
            var known = name is "node" or "message" or "level" or "rule"
                || (name.StartsWith("match.", StringComparison.Ordinal) && (pattern is null || pattern.GroupNumberFromName(name[6..]) >= 0));
            if (!known)
            {
                unknown.Append(unknown.Length > 0 ? ", " : string.Empty).Append("{{").Append(name).Append("}}");
            }
        }
        if (unknown.Length > 0)
        {
            errors.Add($"{path}: unknown placeholder {unknown} (known: node, message, level, rule, match.GROUP)");
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
