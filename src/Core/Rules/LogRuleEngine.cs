using Gateway.Core.Alarms;
using Gateway.Core.Events;

namespace Gateway.Core.Rules;

/// <summary>
/// Turns notifications into alarms: a notification whose message matches a rule's pattern raises (or
/// keeps) the alarm (node = the notification's node, type = rule name, resource from the template);
/// a match of the clear pattern clears it (respecting the minimum hold); so does a quiet period with
/// no match (<see cref="ClearQuietAsync"/>). Source <c>logs</c>. Not thread-safe: one caller
/// (<see cref="LogRuleService"/>).
/// </summary>
public sealed class LogRuleEngine
{
    public const string Source = "logs";
    private readonly AlarmManager _alarms;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Node, string Type, string Resource), (DateTimeOffset LastMatch, TimeSpan Quiet)> _lastMatch = [];

    public LogRuleEngine(IEnumerable<LogRule> rules, AlarmManager alarms, TimeProvider time)
    {
        Rules = rules.ToArray();
        _alarms = alarms;
        _time = time;
    }

    public IReadOnlyList<LogRule> Rules { get; }

    /// <summary>Builds the rules from options; an invalid rule is an <see cref="ArgumentException"/> listing every error.</summary>
    public static IReadOnlyList<LogRule> Compile(IReadOnlyList<LogRuleOptions> options, string path = "alarms.logRules")
    {
        var errors = new List<string>();
        var rules = new List<LogRule>();
        for (var i = 0; i < options.Count; i++)
        {
            if (LogRule.TryCreate(options[i], $"{path}[{i}]", errors) is { } rule)
            {
                rules.Add(rule);
            }
        }
        return errors.Count == 0 ? rules : throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
    }

    public async Task ObserveAsync(Notification n, CancellationToken cancellationToken = default)
    {
        var rank = LogRule.RankOf(n.Level);
        foreach (var rule in Rules)
        {
            // minLevel filters raises only: "recovered" messages are usually logged at info/notice.
            var match = rank <= rule.MaxRank ? rule.Pattern.Match(n.Message) : System.Text.RegularExpressions.Match.Empty;
            if (match.Success)
            {
                var resource = rule.Render(rule.ResourceTemplate, n, match);
                var description = rule.Render(rule.DescriptionTemplate, n, match);
                await _alarms.RaiseAsync(n.Node, Source, new AlarmCondition(rule.Name, resource, rule.Severity, description), cancellationToken);
                _lastMatch[(n.Node, rule.Name, resource)] = (_time.GetUtcNow(), rule.QuietPeriod);
                continue;
            }
            if (rule.ClearPattern?.Match(n.Message) is { Success: true } clear)
            {
                var resource = rule.Render(rule.ResourceTemplate, n, clear);
                _lastMatch.Remove((n.Node, rule.Name, resource));
                await _alarms.ClearConditionAsync(n.Node, rule.Name, resource, cancellationToken);
            }
        }
    }

    /// <summary>Clears alarms whose rule saw no match for its quiet period. Returns how many.</summary>
    public async Task<int> ClearQuietAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var quiet = _lastMatch.Where(kv => kv.Value.Quiet > TimeSpan.Zero && now - kv.Value.LastMatch >= kv.Value.Quiet).Select(kv => kv.Key).ToArray();
        foreach (var key in quiet)
        {
            _lastMatch.Remove(key);
            await _alarms.ClearConditionAsync(key.Node, key.Type, key.Resource, cancellationToken);
        }
        return quiet.Length;
    }
}
