using System.Collections.Concurrent;
using Gateway.Core.Metrics;

namespace Gateway.Collector.Beam.Mapping;

/// <summary>The caches of one <see cref="BeamMetricMapper"/>: label sets by label count, and family sizes.</summary>
internal sealed class BeamLabelCaches
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, int> sizes = new(StringComparer.Ordinal);

    /// <summary>How many samples the family had last time (any node), or a small default.</summary>
    public int SizeHint(string family) => sizes.TryGetValue(family, out var size) ? size : 4;

    public void RememberSize(string family, int size)
    {
        if (sizes.TryGetValue(family, out var known))
        {
            if (known != size)
            {
                sizes[family] = size;
            }
            return;
        }
        // Family names are a fixed set of literals; the bound only guards against surprises.
        if (sizes.Count < 1_000)
        {
            sizes.TryAdd(family, size);
        }
    }

    public LabelSetCache<(string, string)> One { get; } = new(Capacity);

    public LabelSetCache<(string, string, string, string)> Two { get; } = new(Capacity);

    public LabelSetCache<(Label, Label, Label, Label)> Four { get; } = new(Capacity);
}
