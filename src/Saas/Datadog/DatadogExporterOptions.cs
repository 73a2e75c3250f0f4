using Gateway.Core.Streaming;

namespace Gateway.Saas.Datadog;

/// <summary>
/// <c>exporters.datadog:</c> — alarm events, notifications and node events as Datadog events
/// (<c>POST /api/v1/events</c>) and, when <c>metrics</c> selects any, node metrics as series
/// (<c>POST /api/v2/series</c>). Every key and its default: <c>src/Saas/Datadog/README.md</c>.
/// </summary>
public sealed class DatadogExporterOptions : StreamingExporterOptions
{
    public const string Section = "exporters:datadog";
    public const string YamlPath = "exporters.datadog";

    /// <summary>The API key (<c>DD-API-KEY</c>); a secret: from <c>${ENV}</c> or <c>${file:…}</c>, never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Datadog site: datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, datadoghq.eu, ap1.datadoghq.com, ddog-gov.com.</summary>
    public string Site { get; set; } = DatadogSites.Default;

    /// <summary>Overrides the site's <c>https://api.&lt;site&gt;</c> (a proxy, tests); the API paths are appended.</summary>
    public string? Url { get; set; }

    /// <summary>Per request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The events' <c>source_type_name</c>.</summary>
    public string SourceTypeName { get; set; } = "gateway";

    /// <summary>Tags added to every event and series (<c>env:prod</c>).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Which metrics go out as series; none by default.</summary>
    public DatadogMetricsOptions Metrics { get; set; } = new();

    /// <summary>gzip the series payloads (<c>Content-Encoding: gzip</c>).</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>The API base URL: <see cref="Url"/>, else the site's.</summary>
    public Uri BaseUrl() => Url is { Length: > 0 } url ? new Uri(url) : DatadogSites.BaseUrl(Site)!;
}
