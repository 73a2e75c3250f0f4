using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.Core.Events;
using Gateway.Core.Metrics;

namespace Gateway.Core.Rules;

/// <summary>
/// A validated threshold rule, ready to evaluate. An "above" rule is crossed when value &gt; threshold
/// (a "below" rule: value &lt; threshold); the severity is that of the most severe level crossed.
/// Once raised, the alarm stays until the value passes the cease threshold (hysteresis); in between it
/// keeps the severity of the least severe level. NaN is "no information": nothing changes.
/// </summary>
public sealed partial class ThresholdRule
{
    private readonly bool _ceaseInclusive;

    private ThresholdRule(string name, string metric, LabelMatcher[] matchers, bool above, ThresholdLevel[] levels, double cease, bool ceaseInclusive, TimeSpan @for, DescriptionTemplate description)
    {
        _ceaseInclusive = ceaseInclusive;
        Name = name;
        Metric = metric;
        Matchers = matchers;
        Above = above;
        Levels = levels;
        Cease = cease;
        For = @for;
        Description = description;
        Lowest = levels.MinBy(l => l.Severity)!;
    }

    public string Name { get; }

    public string Metric { get; }

    public IReadOnlyList<LabelMatcher> Matchers { get; }

    /// <summary>True for "raise above", false for "raise below".</summary>
    public bool Above { get; }

    public IReadOnlyList<ThresholdLevel> Levels { get; }

    /// <summary>The least severe level: its severity holds inside the hysteresis band.</summary>
    public ThresholdLevel Lowest { get; }

    /// <summary>The value past which a raised alarm clears.</summary>
    public double Cease { get; }

    public TimeSpan For { get; }

    public DescriptionTemplate Description { get; }

    public bool Matches(in ExposedLabels labels)
    {
        foreach (var matcher in Matchers)
        {
            if (!matcher.Matches(labels))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The most severe level crossed by <paramref name="value"/>, or null.</summary>
    public ThresholdLevel? Crossed(double value)
    {
        ThresholdLevel? best = null;
        foreach (var level in Levels)
        {
            var crossed = Above ? value > level.Threshold : value < level.Threshold;
            if (crossed && (best is null || level.Severity > best.Severity))
            {
                best = level;
            }
        }
        return best;
    }

    /// <summary>Whether a raised alarm clears at <paramref name="value"/>.</summary>
    public bool Ceased(double value) => _ceaseInclusive
        ? (Above ? value <= Cease : value >= Cease)
        : (Above ? value < Cease : value > Cease);

    /// <summary>Validates <paramref name="o"/>; errors are added with their YAML path. Null when invalid.</summary>
    public static ThresholdRule? TryCreate(ThresholdRuleOptions o, string path, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            errors.Add($"{path}.name: must not be empty");
        }
        if (string.IsNullOrWhiteSpace(o.Metric))
        {
            errors.Add($"{path}.metric: must not be empty");
        }
        else if (!MetricName().IsMatch(o.Metric))
        {
            errors.Add($"{path}.metric: \"{o.Metric}\" is not a metric name");
        }
        var matchers = new List<LabelMatcher>();
        foreach (var (label, spec) in o.Labels ?? [])
        {
            if (!LabelName().IsMatch(label))
            {
                errors.Add($"{path}.labels.{label}: \"{label}\" is not a label name");
            }
            else if (LabelMatcher.TryParse(label, spec ?? string.Empty, out var matcher, out var error))
            {
                matchers.Add(matcher!);
            }
            else
            {
                errors.Add($"{path}.labels.{label}: {error}");
            }
        }

        var raise = o.Raise ?? new RaiseOptions();
        var levels = new List<ThresholdLevel>();
        bool? above = null;
        void Level(double? a, double? b, string severity, string levelPath, bool optional)
        {
            if (a is null && b is null)
            {
                if (!optional)
                {
                    errors.Add($"{levelPath}: needs above or below");
                }
                return;
            }
            if (a is not null && b is not null)
            {
                errors.Add($"{levelPath}: give either above or below, not both");
                return;
            }
            var isAbove = a is not null;
            var threshold = a ?? b!.Value;
            if (!double.IsFinite(threshold))
            {
                errors.Add($"{levelPath}.{(isAbove ? "above" : "below")}: must be a finite number");
                return;
            }
            if (above is { } direction && direction != isAbove)
            {
                errors.Add($"{levelPath}: all levels of a rule must use the same direction ({(direction ? "above" : "below")})");
                return;
            }
            above = isAbove;
            if (!SeverityNames.TryParse(severity, out var parsed))
            {
                errors.Add($"{levelPath}.severity: \"{severity}\" is not one of {SeverityNames.Allowed}");
                return;
            }
            levels.Add(new ThresholdLevel(threshold, parsed));
        }
        Level(raise.Above, raise.Below, raise.Severity, $"{path}.raise", optional: raise.Levels is { Count: > 0 });
        for (var i = 0; i < (raise.Levels?.Count ?? 0); i++)
        {
            var level = raise.Levels![i];
            Level(level.Above, level.Below, level.Severity, $"{path}.raise.levels[{i}]", optional: false);
        }
        if (raise.For < TimeSpan.Zero)
        {
            errors.Add($"{path}.raise.for: must not be negative");
        }

        double cease = 0;
        var ceaseInclusive = true;
        if (levels.Count > 0)
        {
            var isAbove = above!.Value;
            var lowestThreshold = isAbove ? levels.Min(l => l.Threshold) : levels.Max(l => l.Threshold);
            cease = lowestThreshold;
            if (o.Cease is { } c)
            {
                var wrong = isAbove ? c.Above : c.Below;
                var right = isAbove ? c.Below : c.Above;
                var rightName = isAbove ? "below" : "above";
                if (wrong is not null)
                {
                    errors.Add($"{path}.cease.{(isAbove ? "above" : "below")}: a rule raised {(isAbove ? "above" : "below")} a threshold ceases {rightName} one");
                }
                else if (right is null)
                {
                    errors.Add($"{path}.cease: needs {rightName}");
                }
                else if (!double.IsFinite(right.Value))
                {
                    errors.Add($"{path}.cease.{rightName}: must be a finite number");
                }
                else if (isAbove ? right > lowestThreshold : right < lowestThreshold)
                {
                    errors.Add($"{path}.cease.{rightName}: {Format(right.Value)} is past the raise threshold {Format(lowestThreshold)}");
                }
                else
                {
                    cease = right.Value;
                    ceaseInclusive = false;
                }
            }
        }

        DescriptionTemplate? template = null;
        var text = string.IsNullOrEmpty(o.Description)
            ? "{{rule}}: {{metric}} is {{value}} on {{node}} (" + ((above ?? true) ? "above" : "below") + " {{threshold}})"
            : o.Description;
        if (!DescriptionTemplate.TryParse(text, out template, out var templateError))
        {
            errors.Add($"{path}.description: {templateError}");
        }
        if (errors.Count > before || levels.Count == 0)
        {
            return null;
        }
        return new ThresholdRule(o.Name, o.Metric, matchers.ToArray(), above!.Value, levels.ToArray(), cease, ceaseInclusive, raise.For, template!);
    }

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
