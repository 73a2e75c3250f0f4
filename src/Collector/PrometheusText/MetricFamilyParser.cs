using Gateway.Core.Metrics;
using Gateway.Exposition;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// The exposition parser of <c>Gateway.Exposition</c> giving Core's <see cref="MetricFamily"/> values,
/// label sets interned in <paramref name="interner"/>. One per target, reused every scrape; not thread-safe.
/// </summary>
public sealed class MetricFamilyParser(LabelSetInterner interner)
{
    private readonly ExpositionParser<LabelSet, Sample, MetricFamily> _parser = new(new MetricFamilyModel(interner));

    /// <summary>See <see cref="ExpositionParser{TLabels, TSample, TFamily}.Parse"/>; throws <see cref="ExpositionParseException"/>.</summary>
    public IReadOnlyList<MetricFamily> Parse(ReadOnlySpan<byte> utf8, ExpositionFormat format, ParserLimits limits) =>
        _parser.Parse(utf8, format, limits);
}
