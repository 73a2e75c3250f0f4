using Gateway.Core.Metrics;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// Collects the samples of one family. A label set seen twice keeps its first sample, so a damaged
/// reply can never make a family with duplicate series. The result stores a <see cref="SampleShape"/>
/// shared with every node that reports the same series, plus this node's values.
/// </summary>
internal sealed class MetricFamilyBuilder(string name, MetricType type, string help, SampleShapeInterner? shapes)
{
    private readonly List<LabelSet> labels = [];
    private readonly List<double> values = [];
    private HashSet<LabelSet>? seen;

    public string Name { get; } = name;

    public int Count => labels.Count;

    public void Add(LabelSet set, double value)
    {
        seen ??= [];
        if (seen.Add(set))
        {
            labels.Add(set);
            values.Add(value);
        }
    }

    public MetricFamily Build()
    {
        var shape = new SampleShape(Name, labels.ToArray());
        // Families whose labels churn (pids) are not shared: sharing would only fill the interner.
        if (shapes is not null)
        {
            shape = shapes.Intern(shape);
        }
        return new(Name, type, help, new ShapedSamples(shape, values.ToArray()));
    }
}
