using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Gateway.Core.Metrics;
using Gateway.Core.Nodes;
using Gateway.Exposition;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// Scrapes HTTP endpoints that serve the Prometheus text format 0.0.4 or OpenMetrics 1.0. One GET per
/// collection, OpenMetrics preferred by content negotiation, the body read into a pooled buffer with a hard
/// size cap and parsed by the node's own <see cref="MetricFamilyParser"/> (which reuses the label sets of the
/// previous scrape). Every expected failure becomes a typed <see cref="ScrapeResult.Failure"/>; no logging
/// here — the scheduler logs state changes and counts the rest.
/// </summary>
public sealed class PrometheusTextSource : INodeSource
{
    public const string SourceName = "prometheus";

    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<NodeKey, NodeParser> _parsers = new();

    /// <param name="httpClient">A client without its own timeout (see <see cref="PrometheusTextHttp"/>).</param>
    public PrometheusTextSource(HttpClient httpClient)
    {
        _http = httpClient;
    }

    public string Name => SourceName;

    /// <summary>Parsers currently kept (one per node scraped and not released).</summary>
    public int ParserCount => _parsers.Count;

    public async Task<ScrapeResult> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var settings = target.Settings as PrometheusTargetSettings ?? PrometheusTargetSettings.Default;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target.Address);
            request.Headers.TryAddWithoutValidation("Accept", ExpositionContentType.AcceptHeader);
            // Lets exporters that do expensive work bound it, as Prometheus does.
            request.Headers.TryAddWithoutValidation(
                "X-Prometheus-Scrape-Timeout-Seconds",
                target.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            if (settings.Authorization is { } authorization)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(authorization.Scheme, authorization.Parameter);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                return ScrapeResult.Failure(ScrapeErrorReasons.HttpStatus, $"HTTP {code} {response.ReasonPhrase}".TrimEnd());
            }
            var contentLength = response.Content.Headers.ContentLength;
            if (contentLength > settings.BodySizeLimit)
            {
                return BodyTooLarge(settings, contentLength);
            }
            var contentType = response.Content.Headers.ContentType?.ToString();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var body = await PooledBody.ReadAsync(stream, settings.BodySizeLimit, contentLength, cancellationToken);
            if (body is null)
            {
                return BodyTooLarge(settings, null);
            }

            var format = ExpositionContentType.FromContentType(contentType);
            var parser = _parsers.GetOrAdd(target.Node, static _ => NodeParser.Create());
            IReadOnlyList<MetricFamily> families;
            // The scheduler never overlaps a node with itself, but a collection abandoned at its deadline may
            // still be finishing when the next one starts; the parser is not thread-safe.
            lock (parser)
            {
                families = parser.Parser.Parse(body.Span, format, settings.Limits);
            }
            if (parser.IsBloated(families))
            {
                // A target whose label values keep changing (ids, timestamps) would grow the interner
                // without bound: start afresh; the next scrape pays once for re-interning.
                _parsers[target.Node] = NodeParser.Create();
            }
            var info = new Dictionary<string, string>(2, StringComparer.Ordinal)
            {
                ["format"] = format == ExpositionFormat.OpenMetrics ? "openmetrics" : "text",
                ["contentType"] = contentType ?? string.Empty,
            };
            return ScrapeResult.Success(families, info);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ScrapeResult.Failure(
                ScrapeErrorReasons.Timeout,
                $"no complete answer within {target.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s");
        }
        catch (ExpositionParseException ex)
        {
            return ScrapeResult.Failure(ex.Reason, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return ScrapeResult.Failure(ScrapeErrorReasons.Connection, Describe(ex));
        }
        catch (IOException ex)
        {
            // The connection broke while the body was being read.
            return ScrapeResult.Failure(ScrapeErrorReasons.Connection, Describe(ex));
        }
    }

    public void Release(NodeKey node) => _parsers.TryRemove(node, out _);

    private static ScrapeResult BodyTooLarge(PrometheusTargetSettings settings, long? contentLength) =>
        ScrapeResult.Failure(
            ScrapeErrorReasons.BodyTooLarge,
            contentLength is { } length
                ? $"body of {length} bytes exceeds the limit of {settings.BodySizeLimit} bytes"
                : $"body exceeds the limit of {settings.BodySizeLimit} bytes (counted after decompression)");

    private static string Describe(Exception ex)
    {
        // The innermost message is the informative one ("Connection refused (127.0.0.1:9100)").
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!string.IsNullOrEmpty(inner.Message) && !message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message = $"{message} ({inner.Message})";
            }
        }
        return message;
    }

    /// <summary>A node's parser and the interner behind it (kept together to bound the interner's size).</summary>
    private sealed record NodeParser(MetricFamilyParser Parser, LabelSetInterner Interner)
    {
        public static NodeParser Create()
        {
            var interner = new LabelSetInterner();
            return new NodeParser(new MetricFamilyParser(interner), interner);
        }

        public bool IsBloated(IReadOnlyList<MetricFamily> families)
        {
            var samples = 0;
            foreach (var family in families)
            {
                samples += family.Samples.Count;
            }
            return Interner.Count > (4 * samples) + 1024;
        }
    }
}
