using System.Collections.Concurrent;
using System.Text;
using Gateway.Core.Alarms;
using Gateway.Core.Events;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Core.Rules;

/// <summary>
/// Evaluates the user threshold rules over a node's snapshot and reports the full set of conditions
/// to the <see cref="AlarmManager"/> (source <see cref="AlarmSources.Rules"/>), which raises, changes
/// and clears alarms. The alarm type is the rule name; the resource is the series' label set
/// (<c>kind=processes</c>, sorted by name, comma-separated) or the rule name when it has no labels.
/// A series that disappears from the snapshot, or a rule removed from the config, clears its alarm.
/// Evaluations of one node must not run concurrently (the <see cref="RuleEvaluationService"/> guarantees it).
/// </summary>
public sealed class RuleEngine
{
    private readonly AlarmManager _alarms;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ThresholdRule[]> _byMetric;
    private readonly ConcurrentDictionary<string, NodeRules> _nodes = new(StringComparer.Ordinal);

    public RuleEngine(IEnumerable<ThresholdRule> rules, AlarmManager alarms, TimeProvider time)
    {
        Rules = rules.ToArray();
        _alarms = alarms;
        _time = time;
        _byMetric = Rules.GroupBy(r => r.Metric, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Builds the rules from options; an invalid rule is an <see cref="ArgumentException"/> listing every error.</summary>
    public static IReadOnlyList<ThresholdRule> Compile(IReadOnlyList<ThresholdRuleOptions> options, string path = "alarms.rules")
    {
        var errors = new List<string>();
        var rules = new List<ThresholdRule>();
        for (var i = 0; i < options.Count; i++)
        {
            if (ThresholdRule.TryCreate(options[i], $"{path}[{i}]", errors) is { } rule)
            {
                rules.Add(rule);
            }
        }
        return errors.Count == 0 ? rules : throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
    }

    public IReadOnlyList<ThresholdRule> Rules { get; }

    /// <summary>Evaluates every rule over <paramref name="snapshot"/> and reports the result. Returns the alarm events emitted.</summary>
    public Task<IReadOnlyList<AlarmEvent>> EvaluateAsync(NodeSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var node = snapshot.Node.Instance;
        var state = _nodes.GetOrAdd(node, static _ => new NodeRules());
        List<AlarmCondition>? conditions = null;
        lock (state)
        {
            var now = _time.GetUtcNow();
            var generation = ++state.Generation;
            string? lastName = null;
            ThresholdRule[]? rules = null;
            foreach (var family in snapshot.Families)
            {
                var samples = family.Samples;
                for (var i = 0; i < samples.Count; i++)
                {
                    var sample = samples[i];
                    // Samples of a family mostly share one (interned) name: look the rules up once per run.
                    if (!ReferenceEquals(sample.Name, lastName) && !string.Equals(sample.Name, lastName, StringComparison.Ordinal))
                    {
                        lastName = sample.Name;
                        rules = _byMetric.GetValueOrDefault(sample.Name);
                    }
                    if (rules is null)
                    {
                        continue;
                    }
                    foreach (var rule in rules)
                    {
                        if (rule.Matchers.Count == 0 || rule.Matches(new ExposedLabels(snapshot.Node, snapshot.TargetLabels, sample.Labels)))
                        {
                            Evaluate(state, rule, node, sample, now, generation, ref conditions);
                        }
                    }
                }
            }
            if (state.Series.Count > 0)
            {
                List<SeriesKey>? gone = null;
                foreach (var (key, series) in state.Series)
                {
                    if (series.Generation != generation)
                    {
                        (gone ??= []).Add(key);
                    }
                }
                foreach (var key in gone ?? [])
                {
                    state.Series.Remove(key);
                }
            }
        }
        // Nothing true now and nothing true at the last report: the alarm manager has nothing of ours
        // for this node, so skip the round trip. The first evaluation after a start always reports,
        // which confirms or clears the alarms restored from disk.
        var empty = conditions is null;
        if (empty && state.ReportedEmpty)
        {
            return Task.FromResult<IReadOnlyList<AlarmEvent>>([]);
        }
        return ReportAsync(state, node, conditions, cancellationToken);
    }

    private async Task<IReadOnlyList<AlarmEvent>> ReportAsync(NodeRules state, string node, List<AlarmCondition>? conditions, CancellationToken cancellationToken)
    {
        var events = await _alarms.ReportAsync(node, AlarmSources.Rules, (IReadOnlyCollection<AlarmCondition>?)conditions ?? [], cancellationToken);
        state.ReportedEmpty = conditions is null;
        return events;
    }

    /// <summary>A node left the inventory: forget it and clear its alarms (external ones excepted).</summary>
    public Task<int> NodeRemovedAsync(string node, CancellationToken cancellationToken = default)
    {
        Forget(node);
        return _alarms.NodeRemovedAsync(node, cancellationToken);
    }

    /// <summary>Drops what the engine keeps of a node (its alarms are the node lifecycle's to clear).</summary>
    public void Forget(string node) => _nodes.TryRemove(node, out _);

    /// <summary>The alarm resource of a series: its labels as <c>a=1,b=2</c>, or the rule name when it has none.</summary>
    public static string ResourceOf(ThresholdRule rule, LabelSet labels)
    {
        if (labels.Count == 0)
        {
            return rule.Name;
        }
        var text = new StringBuilder();
        foreach (var label in labels)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }
            text.Append(label.Name).Append('=').Append(label.Value);
        }
        return text.ToString();
    }

    private void Evaluate(NodeRules state, ThresholdRule rule, string node, Sample sample, DateTimeOffset now, long generation, ref List<AlarmCondition>? conditions)
    {
        var key = new SeriesKey(rule, sample.Labels);
        if (!state.Series.TryGetValue(key, out var series))
        {
            var resource = ResourceOf(rule, sample.Labels);
            var id = AlarmId.For(node, rule.Name, resource);
            // After a restart the alarm may already be active (restored): continue it, so a value
            // inside the hysteresis band keeps it instead of clearing it.
            series = new SeriesState(id, resource) { Active = _alarms.IsActive(id) };
            state.Series.Add(key, series);
        }
        series.Generation = generation;
        var value = sample.Value;
        if (double.IsNaN(value))
        {
            if (series.Active && _alarms.Get(series.Id) is { } current)
            {
                (conditions ??= []).Add(new AlarmCondition(rule.Name, series.Resource, current.Severity, current.Description, current.Value, current.Threshold));
            }
            return;
        }
        var level = rule.Crossed(value);
        if (series.Active && rule.Ceased(value))
        {
            series.Active = false;
            series.PendingSince = null;
        }
        if (!series.Active)
        {
            if (level is null)
            {
                series.PendingSince = null;
                return;
            }
            series.PendingSince ??= now;
            if (now - series.PendingSince.Value < rule.For)
            {
                return;
            }
            series.Active = true;
        }
        var effective = level ?? rule.Lowest;
        var description = rule.Description.Render(rule.Name, rule.Metric, node, series.Resource, sample.Labels, value, effective.Threshold, effective.Severity);
        (conditions ??= []).Add(new AlarmCondition(rule.Name, series.Resource, effective.Severity, description, value, effective.Threshold));
    }

    private sealed class NodeRules
    {
        public Dictionary<SeriesKey, SeriesState> Series { get; } = [];

        public long Generation { get; set; }

        /// <summary>The last report to the alarm manager succeeded with no conditions.</summary>
        public bool ReportedEmpty { get; set; }
    }

    private readonly record struct SeriesKey(ThresholdRule Rule, LabelSet Labels);
}
