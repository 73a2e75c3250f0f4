using Gateway.Core.Routing;

namespace Gateway.Saas.SplunkHec;

/// <summary>
/// <c>exporters.splunkHec:</c> — alarm events, notifications and node events to a Splunk HTTP Event
/// Collector (<c>POST &lt;url&gt;/services/collector/event</c>), several per request, optionally with
/// indexer acknowledgement. Every key and its default: <c>src/Saas/SplunkHec/README.md</c>.
/// </summary>
public sealed class SplunkHecExporterOptions : PushExporterOptions
{
    public const string Section = "exporters:splunkHec";
    public const string YamlPath = "exporters.splunkHec";

    /// <summary>The HEC base URL (<c>https://splunk.example:8088</c>); the exporter appends <c>/services/collector/event</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The HEC token (<c>Authorization: Splunk &lt;token&gt;</c>); a secret, never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The index; null: the token's default index.</summary>
    public string? Index { get; set; }

    /// <summary>The events' <c>source</c>.</summary>
    public string Source { get; set; } = "gateway";

    /// <summary>One sourcetype for every event; null: <c>gateway:alarm</c>, <c>gateway:notification</c>, <c>gateway:node</c>.</summary>
    public string? Sourcetype { get; set; }

    /// <summary>Per request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body; the events of a batch are split over several requests beyond it.</summary>
    public int MaxRequestBytes { get; set; } = 1_000_000;

    /// <summary>Indexer acknowledgement.</summary>
    public SplunkHecAckOptions Ack { get; set; } = new();
}
