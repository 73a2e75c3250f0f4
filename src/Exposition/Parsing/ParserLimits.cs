namespace Gateway.Exposition;

/// <summary>
/// Bounds applied while parsing one exposition; a breach fails the whole scrape with an
/// <see cref="ExpositionParseException"/>. Zero means unlimited.
/// </summary>
public sealed record ParserLimits
{
    public static ParserLimits Default { get; } = new();

    /// <summary>Samples in one exposition (Reason <c>sample_limit</c>).</summary>
    public int MaxSamples { get; init; } = 500_000;

    /// <summary>Labels on one sample (Reason <c>label_limit</c>).</summary>
    public int MaxLabelsPerSample { get; init; } = 64;

    /// <summary>Bytes in one label name (Reason <c>label_limit</c>).</summary>
    public int MaxLabelNameLength { get; init; } = 256;

    /// <summary>Bytes in one raw (still escaped) label value (Reason <c>label_limit</c>).</summary>
    public int MaxLabelValueLength { get; init; } = 4096;

    /// <summary>Bytes in one line, without its line ending (Reason <c>parse</c>).</summary>
    public int MaxLineLength { get; init; } = 65_536;
}
