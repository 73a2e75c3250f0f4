namespace Gateway.Collector.PrometheusText;

/// <summary>Content negotiation for scrapes: what to ask for and how to read the answer's type.</summary>
public static class ExpositionContentType
{
    /// <summary>Prefers OpenMetrics 1.0, accepts the 0.0.4 text format, then anything.</summary>
    public const string AcceptHeader =
        "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /// <summary>
    /// <c>application/openmetrics-text</c> (any parameters) is OpenMetrics; anything else, including a
    /// missing header, is read as the 0.0.4 text format, as Prometheus does.
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
}
