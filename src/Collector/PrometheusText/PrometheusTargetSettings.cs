using Gateway.Exposition;

namespace Gateway.Collector.PrometheusText;

/// <summary>What <see cref="PrometheusTextSource"/> needs beyond the URL. Shared by all targets of a job.</summary>
/// <param name="Limits">Parser limits (samples, labels, label lengths).</param>
/// <param name="BodySizeLimit">Most bytes read from a body, after decompression.</param>
/// <param name="Authorization">Sent with every scrape; null for none.</param>
public sealed record PrometheusTargetSettings(ParserLimits Limits, long BodySizeLimit, HttpAuthorization? Authorization)
    : ScrapeTargetSettings
{
    public static PrometheusTargetSettings Default { get; } = new(ParserLimits.Default, 10 * 1024 * 1024, null);
}
