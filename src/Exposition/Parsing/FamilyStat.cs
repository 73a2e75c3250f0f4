namespace Gateway.Exposition;

/// <summary>Sample count of a family in the previous parse, used to size its list exactly.</summary>
internal sealed class FamilyStat : CacheEntry
{
    public int LastCount;
}
