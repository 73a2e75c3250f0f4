using Gateway.Core.Metrics;
using Gateway.Core.Nodes;

namespace Gateway.Core.Rules.Beam;

/// <summary>
/// Reads the figures the built-in alarms need from a snapshot, under either naming
/// (prometheus.erl v4 or v6, see METRICS.md), so the rules work whatever <c>collect.beam.metricNames</c> says.
/// </summary>
public static class BeamSnapshotValues
{
    public static MetricFamily? Family(NodeSnapshot snapshot, string name)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var family in snapshot.Families)
        {
            if (string.Equals(family.Name, name, StringComparison.Ordinal))
            {
                return family;
            }
        }
        return null;
    }

    /// <summary>The value of the first sample of the first family found among <paramref name="names"/>.</summary>
    public static double? Single(NodeSnapshot snapshot, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Family(snapshot, name) is { Samples.Count: > 0 } family)
            {
                return family.Samples[0].Value;
            }
        }
        return null;
    }

    /// <summary>The sum of all samples of the first family found among <paramref name="names"/>.</summary>
    public static double? Sum(NodeSnapshot snapshot, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Family(snapshot, name) is { Samples.Count: > 0 } family)
            {
                return family.Samples.Sum(s => s.Value);
            }
        }
        return null;
    }
}
