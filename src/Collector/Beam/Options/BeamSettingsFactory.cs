using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Collector.Beam.Options;

/// <summary>Turns <c>collect.beam</c> and a node name into a <see cref="ScrapeTarget"/>.</summary>
public static class BeamSettingsFactory
{
    /// <summary>The source name, and the <see cref="ScrapeTarget.Source"/> of every BEAM target.</summary>
    public const string SourceName = "beam";

    /// <summary>
    /// prometheus_erl_v5 is the product contract's name for "the newer naming without _total on gauges"
    /// (ARCHITECTURE.md), so it selects the renamed set — which prometheus.erl actually shipped in 6.0
    /// (see METRICS.md); prometheus_erl_v6 says the same precisely. Null when the value is not recognised.
    /// </summary>
    public static BeamMetricNaming? ParseNaming(string? value) => value switch
    {
        "prometheus_erl_v4" => BeamMetricNaming.PrometheusErlV4,
        "prometheus_erl_v5" or "prometheus_erl_v6" => BeamMetricNaming.PrometheusErlV6,
        _ => null,
    };

    /// <summary>The first group (in configuration order) with a pattern matching <paramref name="node"/>, or null.</summary>
    public static string? GroupOf(BeamOptions options, string node)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (group, patterns) in options.Groups)
        {
            if (patterns is not null && patterns.Any(p => BeamNodeNames.GlobMatch(p, node)))
            {
                return group;
            }
        }
        return null;
    }

    public static ScrapeTarget CreateTarget(BeamOptions beam, CollectOptions collect, string node, LabelSet? extraLabels = null)
    {
        ArgumentNullException.ThrowIfNull(beam);
        ArgumentNullException.ThrowIfNull(collect);
        var group = GroupOf(beam, node);
        var labels = extraLabels ?? LabelSet.Empty;
        if (group is not null)
        {
            labels = labels.With("group", group);
        }
        var interval = beam.Interval ?? collect.Interval;
        var timeout = beam.Timeout ?? collect.Timeout ?? (interval < TimeSpan.FromSeconds(5) ? interval : TimeSpan.FromSeconds(5));
        if (timeout > interval)
        {
            timeout = interval;
        }
        var settings = new BeamTargetSettings(group, ParseNaming(beam.MetricNames) ?? BeamMetricNaming.PrometheusErlV4, beam.Agent, beam.LogLevel);
        return new ScrapeTarget(new NodeKey(beam.Job, node), SourceName, node, labels, interval, timeout, settings);
    }
}
