using System.Net;

namespace Gateway.Collector.PrometheusText;

/// <summary>The HTTP stack of the Prometheus text source: one pooled handler shared by every scrape.</summary>
public static class PrometheusTextHttp
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client registered by <c>AddGatewayCollector</c>.</summary>
    public const string ClientName = "Gateway.Collector.PrometheusText";

    /// <summary>
    /// Connections are pooled and reused across cycles, and recycled every 5 minutes so DNS changes of a
    /// target are seen. gzip/deflate are accepted and decompressed transparently; the body size limit
    /// counts decompressed bytes. No cookies. Timeouts come from the per-scrape token, not the handler.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        UseCookies = false,
        MaxAutomaticRedirections = 5,
    };

    public static void Configure(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Gateway/" + (typeof(PrometheusTextHttp).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <summary>A client on a new handler, for use without DI (tools, tests).</summary>
    public static HttpClient CreateClient()
    {
        var client = new HttpClient(CreateHandler(), disposeHandler: true);
        Configure(client);
        return client;
    }
}
