using Gateway.Collector.Beam.Mapping;
using Gateway.Core.Metrics;
using Gateway.Erlang.Terms;

namespace Gateway.Collector.Beam;

/// <summary>
/// Turns the reply of <c>gateway_agent:collect/1</c> (or the same term built from plain BIF RPCs) into
/// metric families with prometheus.erl's names, types, help texts and labels (see METRICS.md). The
/// node's <c>instance</c> label is not added here: the exporter adds it.
/// </summary>
/// <remarks>Thread-safe; share one per gateway so label sets of all nodes are interned together.</remarks>
public sealed class BeamMetricMapper
{
    // Label sets and shapes of all nodes; bounded, as a safety net against label values that churn.
    private readonly LabelSetInterner interner;
    private readonly SampleShapeInterner shapes = new(capacity: 100_000);
    private readonly BeamLabelCaches cache = new();

    public BeamMetricMapper()
        : this(new LabelSetInterner(capacity: 200_000))
    {
    }

    public BeamMetricMapper(LabelSetInterner interner)
    {
        ArgumentNullException.ThrowIfNull(interner);
        this.interner = interner;
    }

    /// <summary>
    /// Maps one reply. Missing or oddly shaped fields are skipped; only a reply that is not a map at
    /// all throws <see cref="BeamReplyException"/>.
    /// </summary>
    public IReadOnlyList<MetricFamily> Map(ErlangTerm agentReply, BeamMetricNaming naming)
    {
        if (agentReply is not ErlangMap reply)
        {
            throw new BeamReplyException($"The node's collect reply is not a map: {Describe(agentReply)}");
        }

        var ctx = new BeamMappingContext(naming, interner, shapes, cache);
        MemoryMetrics.Append(reply, ctx);
        StatisticsMetrics.Append(reply, ctx);
        LegacyNameMetrics.Append(reply, ctx);
        SystemInfoMetrics.Append(reply, ctx);
        DistMetrics.Append(reply, ctx);
        MsaccMetrics.Append(reply, ctx);
        OsProcessMetrics.Append(reply, ctx);
        MnesiaMetrics.Append(reply, ctx);
        NodeExtraMetrics.Append(reply, ctx);
        CodeMetrics.Append(reply, ctx);
        return ctx.Build();
    }

    // A short description for the exception: a badrpc reason can be a huge term.
    private static string Describe(ErlangTerm? term)
    {
        if (term is null)
        {
            return "null";
        }

        var text = term.ToString();
        return text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
    }
}
