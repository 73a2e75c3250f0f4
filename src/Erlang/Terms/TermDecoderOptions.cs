namespace Gateway.Erlang.Terms;

/// <summary>Limits that keep hostile or broken input from exhausting memory, stack or time.</summary>
public sealed class TermDecoderOptions
{
    public static readonly TermDecoderOptions Default = new();

    private readonly int maxDepth = 1_000;
    private readonly long maxTerms = 10_000_000;
    private readonly int maxDecompressedBytes = 64 * 1024 * 1024;
    private readonly int maxBigIntegerBytes = 16 * 1024;

    /// <summary>Deepest nesting of tuples, lists, maps and funs (default 1,000). Deeper input throws.</summary>
    public int MaxDepth
    {
        get => maxDepth;
        init => maxDepth = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDepth must not be negative.");
    }

    /// <summary>Most terms in one decoded value, counting every nested element (default 10,000,000).</summary>
    public long MaxTerms
    {
        get => maxTerms;
        init => maxTerms = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTerms must be at least 1.");
    }

    /// <summary>Largest uncompressed size a compressed term (tag 80) may claim (default 64 MiB).</summary>
    public int MaxDecompressedBytes
    {
        get => maxDecompressedBytes;
        init => maxDecompressedBytes = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDecompressedBytes must not be negative.");
    }

    /// <summary>
    /// Largest integer magnitude in bytes (default 16 KiB, about 39,000 decimal digits). Erlang allows
    /// up to 8 MiB, but nothing an O&amp;M reply carries comes close, and printing a huge BigInteger
    /// takes quadratic time.
    /// </summary>
    public int MaxBigIntegerBytes
    {
        get => maxBigIntegerBytes;
        init => maxBigIntegerBytes = value >= 8 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBigIntegerBytes must be at least 8.");
    }
}
