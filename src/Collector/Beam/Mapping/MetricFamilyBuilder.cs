using Gateway.Core.Metrics;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// Collects the samples of one family. A label set seen twice keeps its first sample, so a damaged
/// reply can never make a family with duplicate series.
/// </summary>
internal sealed class MetricFamilyBuilder(string name, MetricType type, string help)
{
    private readonly List<Sample> samples = [];
    private HashSet<LabelSet>? seen;

    public string Name { get; } = name;

    public int Count => samples.Count;

    public void Add(LabelSet labels, double value)
    {
        seen ??= [];
        if (seen.Add(labels))
        {
            samples.Add(new Sample(Name, labels, value));
        }
    }

    public MetricFamily Build() => new(Name, type, help, samples.ToArray());
}
