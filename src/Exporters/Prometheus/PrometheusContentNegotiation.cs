using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Exporters.Prometheus;

/// <summary>Picks the exposition format and compression from a scraper's request headers.</summary>
public static class PrometheusContentNegotiation
{
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static string ContentType(PrometheusExportFormat format) =>
        format == PrometheusExportFormat.OpenMetrics ? OpenMetricsContentType : TextContentType;

    /// <summary>
    /// The acceptable media range with the highest q-value wins (the earlier one on a tie):
    /// <c>application/openmetrics-text</c> without version or with <c>version=1.0.0</c> means OpenMetrics
    /// (when allowed); <c>text/plain</c> without version or with <c>version=0.0.4</c>, <c>text/*</c> and
    /// <c>*/*</c> mean the 0.0.4 text format. No header, an unparsable one, or nothing acceptable
    /// answers in the 0.0.4 text format, as the Prometheus client libraries do.
    /// </summary>
    public static PrometheusExportFormat Negotiate(StringValues accept, bool allowOpenMetrics)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return PrometheusExportFormat.PrometheusText;
        }
        var best = PrometheusExportFormat.PrometheusText;
        var bestQuality = -1.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || quality <= bestQuality)
            {
                continue;
            }
            var version = Parameter(range, "version");
            PrometheusExportFormat candidate;
            if (range.MediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                if (!allowOpenMetrics || (version is not null && version != "1.0.0"))
                {
                    continue;
                }
                candidate = PrometheusExportFormat.OpenMetrics;
            }
            else if (range.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                if (version is not null && version != "0.0.4")
                {
                    continue;
                }
                candidate = PrometheusExportFormat.PrometheusText;
            }
            else if (range.MatchesAllTypes || range.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                candidate = PrometheusExportFormat.PrometheusText;
            }
            else
            {
                continue;
            }
            best = candidate;
            bestQuality = quality;
        }
        return best;
    }

    /// <summary>Whether <c>Accept-Encoding</c> lists gzip (or <c>*</c>) with a q-value above 0.</summary>
    public static bool AcceptsGzip(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return false;
        }
        foreach (var coding in codings)
        {
            if ((coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("*", StringComparison.Ordinal))
                && (coding.Quality ?? 1.0) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static string? Parameter(MediaTypeHeaderValue range, string name)
    {
        foreach (var parameter in range.Parameters)
        {
            if (parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return HeaderUtilities.RemoveQuotes(parameter.Value).ToString();
            }
        }
        return null;
    }
}
