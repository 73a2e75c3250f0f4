using Gateway.Core.Routing;

namespace Gateway.Saas.Datadog;

/// <summary>
/// Which series names go to Datadog: those matching an include glob and no exclude glob. Decisions are
/// cached per name (series names are few and repeat every collection).
/// </summary>
public sealed class DatadogMetricSelection
{
    private const int MaxCached = 50_000;

    private readonly NodeGlob[] _include;
    private readonly NodeGlob[] _exclude;
    private readonly Dictionary<string, bool> _decisions = new(StringComparer.Ordinal);

    public DatadogMetricSelection(DatadogMetricsOptions options)
    {
        _include = options.Include.Where(p => p.Length > 0).Select(p => new NodeGlob(p)).ToArray();
        _exclude = options.Exclude.Where(p => p.Length > 0).Select(p => new NodeGlob(p)).ToArray();
    }

    /// <summary>False when nothing is included: the exporter then sends no series at all.</summary>
    public bool Any => _include.Length > 0;

    public bool Includes(string name)
    {
        if (_decisions.TryGetValue(name, out var decision))
        {
            return decision;
        }
        decision = _include.Any(g => g.IsMatch(name)) && !_exclude.Any(g => g.IsMatch(name));
        if (_decisions.Count < MaxCached)
        {
            _decisions[name] = decision;
        }
        return decision;
    }
}
