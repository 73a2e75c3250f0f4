namespace Gateway.Exposition;

/// <summary>A decoded, interned string (metric name, HELP text) cached under its raw bytes.</summary>
internal sealed class CachedText(string value) : CacheEntry
{
    public string Value { get; } = value;
}
