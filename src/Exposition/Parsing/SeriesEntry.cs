namespace Gateway.Exposition;

/// <summary>
/// One series known to a parser: its interned name and labels, facts about its labels needed for
/// OpenMetrics validation, and the family it matched last time (so steady-state grouping is a
/// reference compare instead of string work).
/// </summary>
internal sealed class SeriesEntry<TLabels>(string name, TLabels labels, FloatLabel le, FloatLabel quantile) : CacheEntry
{
    public string Name { get; } = name;

    public TLabels Labels { get; } = labels;

    public FloatLabel Le { get; } = le;

    public FloatLabel Quantile { get; } = quantile;

    public string? MatchedFamily;
    public FamilyType MatchedType;
    public SeriesSuffix MatchedSuffix;
}
