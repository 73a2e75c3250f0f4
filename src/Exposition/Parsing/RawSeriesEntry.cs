namespace Gateway.Exposition;

/// <summary>
/// A series as spelled in the input (<c>name{labels}</c> bytes). Several spellings (label order,
/// a trailing comma) can map to one <see cref="SeriesEntry{TLabels}"/>.
/// </summary>
internal sealed class RawSeriesEntry<TLabels>(SeriesEntry<TLabels> series) : CacheEntry
{
    public SeriesEntry<TLabels> Series { get; } = series;
}
