using Gateway.Core.Metrics;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>
/// Collects the samples of one family. A label set seen twice keeps its first sample, so a damaged
/// reply can never make a family with duplicate series. The result stores a <see cref="SampleShape"/>
/// shared with every node that reports the same series, plus this node's values.
/// </summary>
/// <param name="capacity">Expected sample count (the family's size last time), to spare regrowing.</param>
internal sealed class MetricFamilyBuilder(string name, MetricType type, string help, SampleShapeInterner? shapes, int capacity = 4)
{
    // Reused by Build on the mapping thread for large families; small ones are checked pairwise.
    [ThreadStatic]
    private static HashSet<LabelSet>? seenScratch;

    private readonly List<LabelSet> labels = new(capacity);
    private readonly List<double> values = new(capacity);

    public string Name { get; } = name;

    public int Count => labels.Count;

    public void Add(LabelSet set, double value)
    {
        labels.Add(set);
        values.Add(value);
    }

    public MetricFamily Build()
    {
        RemoveRepeats();
        var shape = new SampleShape(Name, labels.ToArray());
        // Families whose labels churn (pids) are not shared: sharing would only fill the interner.
        if (shapes is not null)
        {
            shape = shapes.Intern(shape);
        }
        return new(Name, type, help, new ShapedSamples(shape, values.ToArray()));
    }

    private void RemoveRepeats()
    {
        if (labels.Count <= 16)
        {
            for (var i = 1; i < labels.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (labels[j].Equals(labels[i]))
                    {
                        labels.RemoveAt(i);
                        values.RemoveAt(i);
                        i--;
                        break;
                    }
                }
            }
            return;
        }
        var seen = seenScratch ??= [];
        seen.Clear();
        var kept = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (seen.Add(labels[i]))
            {
                labels[kept] = labels[i];
                values[kept] = values[i];
                kept++;
            }
        }
        labels.RemoveRange(kept, labels.Count - kept);
        values.RemoveRange(kept, values.Count - kept);
        seen.Clear();
    }
}
