namespace Gateway.Core.Metrics;

/// <summary>
/// A metric family: the name used in HELP/TYPE lines, its type, help and unit, and its samples.
/// For a counter, <see cref="Name"/> is the family name without <c>_total</c> when the exposition was
/// OpenMetrics, and as written otherwise; sample names are always the exposed series names.
/// </summary>
public sealed record MetricFamily(string Name, MetricType Type, string Help, string Unit, IReadOnlyList<Sample> Samples)
{
    public MetricFamily(string name, MetricType type, string help, IReadOnlyList<Sample> samples)
        : this(name, type, help, string.Empty, samples)
    {
    }
}
