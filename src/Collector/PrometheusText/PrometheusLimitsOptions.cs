using Gateway.Exposition;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// <c>collect.prometheus[i].limits</c>: a scrape that breaches one fails as a whole (no partial data).
/// Zero means unlimited, except for the body size which is always bounded.
/// </summary>
public sealed class PrometheusLimitsOptions
{
    /// <summary>Largest body accepted, counted after gzip decompression.</summary>
    public ByteSize BodySizeLimit { get; set; } = ByteSize.FromMebibytes(10);

    /// <summary>Most samples in one scrape (reason <c>sample_limit</c>).</summary>
    public int SampleLimit { get; set; } = 500_000;

    /// <summary>Most labels on one sample (reason <c>label_limit</c>).</summary>
    public int LabelLimit { get; set; } = 64;

    /// <summary>Longest label name in bytes (reason <c>label_limit</c>).</summary>
    public int LabelNameLengthLimit { get; set; } = 256;

    /// <summary>Longest label value in bytes (reason <c>label_limit</c>).</summary>
    public int LabelValueLengthLimit { get; set; } = 4096;

    public ParserLimits ToParserLimits() => new()
    {
        MaxSamples = SampleLimit,
        MaxLabelsPerSample = LabelLimit,
        MaxLabelNameLength = LabelNameLengthLimit,
        MaxLabelValueLength = LabelValueLengthLimit,
    };
}
