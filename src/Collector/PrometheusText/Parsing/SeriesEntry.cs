using Gateway.Core.Metrics;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// One series known to a parser: its interned name and labels, facts about its labels needed for
/// OpenMetrics validation, and the family it matched last time (so steady-state grouping is a
/// reference compare instead of string work).
/// </summary>
internal sealed class SeriesEntry : CacheEntry
{
    public SeriesEntry(string name, LabelSet labels)
    {
        Name = name;
        Labels = labels;
        Le = Classify(labels.Get("le"));
        Quantile = Classify(labels.Get("quantile"));
    }

    public string Name { get; }

    public LabelSet Labels { get; }

    public FloatLabel Le { get; }

    public FloatLabel Quantile { get; }

    public string? MatchedFamily;
    public MetricType MatchedType;
    public SeriesSuffix MatchedSuffix;

    private static FloatLabel Classify(string? value) =>
        value is null ? FloatLabel.Absent
        : NumberParser.IsFloat(value) ? FloatLabel.Float
        : FloatLabel.NotFloat;
}
