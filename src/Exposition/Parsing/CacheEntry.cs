namespace Gateway.Exposition;

/// <summary>
/// A per-parser cache entry stamped with the parse (generation) that last used it, so entries that
/// stopped appearing can be swept and a series seen twice in one parse is detected.
/// </summary>
internal abstract class CacheEntry
{
    public int Generation;
}
