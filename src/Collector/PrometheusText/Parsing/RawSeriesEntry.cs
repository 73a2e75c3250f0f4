namespace Gateway.Collector.PrometheusText;

/// <summary>
/// A series as spelled in the input (<c>name{labels}</c> bytes). Several spellings (label order,
/// a trailing comma) can map to one <see cref="SeriesEntry"/>.
/// </summary>
internal sealed class RawSeriesEntry(SeriesEntry series) : CacheEntry
{
    public SeriesEntry Series { get; } = series;
}
