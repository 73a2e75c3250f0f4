using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Exposition;

/// <summary>
/// Content negotiation for both sides of a scrape: what a scraper asks for and how it reads the
/// answer's type (<see cref="AcceptHeader"/>, <see cref="FromContentType"/>), and what a server
/// answers a scraper's <c>Accept</c> / <c>Accept-Encoding</c> with (<see cref="Negotiate"/>,
/// <see cref="ContentType"/>, <see cref="AcceptsGzip"/>).
/// </summary>
public static class ExpositionContentType
{
    /// <summary>What a scraper sends: prefers OpenMetrics 1.0, accepts the 0.0.4 text format, then anything.</summary>
    public const string AcceptHeader =
        "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /// <summary>The <c>Content-Type</c> of a text format 0.0.4 answer.</summary>
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The <c>Content-Type</c> of an OpenMetrics 1.0 answer.</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>
    /// How a scraper reads an answer: <c>application/openmetrics-text</c> (any parameters) is
    /// OpenMetrics; anything else, including a missing header, is the 0.0.4 text format, as Prometheus does.
    /// </summary>
    public static ExpositionFormat FromContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return ExpositionFormat.PrometheusText;
        }
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        var mediaType = (semicolon >= 0 ? span[..semicolon] : span).Trim();
        return mediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase)
            ? ExpositionFormat.OpenMetrics
            : ExpositionFormat.PrometheusText;
    }

    /// <summary>The <c>Content-Type</c> a server answers in <paramref name="format"/> with.</summary>
    public static string ContentType(ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetrics ? OpenMetricsContentType : TextContentType;

    /// <summary>
    /// What a server answers: the acceptable media range with the highest q-value wins (the earlier one
    /// on a tie): <c>application/openmetrics-text</c> without version or with <c>version=1.0.0</c> means
    /// OpenMetrics (when allowed); <c>text/plain</c> without version or with <c>version=0.0.4</c>,
    /// <c>text/*</c> and <c>*/*</c> mean the 0.0.4 text format. No header, an unparsable one, or nothing
    /// acceptable answers in the 0.0.4 text format, as the Prometheus client libraries do.
    /// </summary>
    public static ExpositionFormat Negotiate(StringValues accept, bool allowOpenMetrics)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return ExpositionFormat.PrometheusText;
        }
        var best = ExpositionFormat.PrometheusText;
        var bestQuality = -1.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || quality <= bestQuality)
            {
                continue;
            }
            var version = Parameter(range, "version");
            ExpositionFormat candidate;
            if (range.MediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                if (!allowOpenMetrics || (version is not null && version != "1.0.0"))
                {
                    continue;
                }
                candidate = ExpositionFormat.OpenMetrics;
            }
            else if (range.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                if (version is not null && version != "0.0.4")
                {
                    continue;
                }
                candidate = ExpositionFormat.PrometheusText;
            }
            else if (range.MatchesAllTypes || range.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                candidate = ExpositionFormat.PrometheusText;
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
