using Gateway.Core.Metrics;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// One origin's contribution to one family name in a render: either a block already encoded (the
/// gateway's own families) or a node's family, encoded only when it is written out. Nodes' series are
/// never held encoded between scrapes: at 10,000 nodes that copy was larger than the data itself.
/// </summary>
internal readonly struct RenderPart
{
    private RenderPart(EncodedBlock? block, MetricFamily? family, SeriesLabels? labels, string type, string? split, bool mixed)
    {
        Block = block;
        Family = family;
        Labels = labels;
        Type = type;
        Split = split;
        Mixed = mixed;
    }

    /// <summary>The encoded block, for parts built before writing.</summary>
    public EncodedBlock? Block { get; }

    /// <summary>The node's family, for parts encoded while writing.</summary>
    public MetricFamily? Family { get; }

    /// <summary>The node's labels, injected into every series of <see cref="Family"/>.</summary>
    public SeriesLabels? Labels { get; }

    /// <summary>The TYPE token in the render's format; parts of one name must agree on it.</summary>
    public string Type { get; }

    /// <summary>
    /// For a sample name the family's declaration cannot hold (see <see cref="FamilyShape"/>): that
    /// name, whose samples go out as a family of their own. Null for the family's own samples.
    /// </summary>
    public string? Split { get; }

    /// <summary>Whether the family also has samples that were split off (so its own must be filtered).</summary>
    public bool Mixed { get; }

    public static RenderPart Encoded(EncodedBlock block) => new(block, null, null, block.Type, null, false);

    public static RenderPart Own(MetricFamily family, SeriesLabels labels, string type, bool mixed) =>
        new(null, family, labels, type, null, mixed);

    public static RenderPart SplitOff(MetricFamily family, SeriesLabels labels, string type, string sampleName) =>
        new(null, family, labels, type, sampleName, false);
}
