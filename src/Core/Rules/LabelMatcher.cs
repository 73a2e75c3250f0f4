using System.Text.RegularExpressions;
using Gateway.Core.Metrics;

namespace Gateway.Core.Rules;

/// <summary>
/// One label matcher with PromQL semantics: a missing label has the empty value; regexes match the
/// whole value. Regexes run with <see cref="RegexOptions.NonBacktracking"/> (linear time) because
/// they come from configuration.
/// </summary>
public sealed class LabelMatcher
{
    private readonly Regex? _regex;

    private LabelMatcher(string name, LabelMatchOperator op, string value, Regex? regex)
    {
        Name = name;
        Operator = op;
        Value = value;
        _regex = regex;
    }

    public string Name { get; }

    public LabelMatchOperator Operator { get; }

    public string Value { get; }

    /// <summary>Parses the config form: <c>value</c>, <c>=value</c>, <c>!=value</c>, <c>=~regex</c>, <c>!~regex</c>.</summary>
    public static bool TryParse(string name, string spec, out LabelMatcher? matcher, out string? error)
    {
        matcher = null;
        error = null;
        var (op, value) = spec switch
        {
            _ when spec.StartsWith("=~", StringComparison.Ordinal) => (LabelMatchOperator.Regex, spec[2..]),
            _ when spec.StartsWith("!~", StringComparison.Ordinal) => (LabelMatchOperator.NotRegex, spec[2..]),
            _ when spec.StartsWith("!=", StringComparison.Ordinal) => (LabelMatchOperator.NotEqual, spec[2..]),
            _ when spec.StartsWith('=') => (LabelMatchOperator.Equal, spec[1..]),
            _ => (LabelMatchOperator.Equal, spec),
        };
        Regex? regex = null;
        if (op is LabelMatchOperator.Regex or LabelMatchOperator.NotRegex)
        {
            try
            {
                regex = new Regex("^(?:" + value + ")$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException ex)
            {
                error = $"\"{spec}\" is not a valid regex: {ex.Message}";
                return false;
            }
        }
        matcher = new LabelMatcher(name, op, value, regex);
        return true;
    }

    /// <summary>Matches the labels of a series as <c>/metrics</c> shows them (with <c>instance</c>, <c>job</c> and target labels).</summary>
    public bool Matches(in ExposedLabels labels) => Matches(labels.Get(Name));

    private bool Matches(string? value)
    {
        var actual = value ?? string.Empty;
        return Operator switch
        {
            LabelMatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
            LabelMatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
            LabelMatchOperator.Regex => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }
}

public enum LabelMatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
