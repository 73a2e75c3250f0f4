using Gateway.Core.Routing;

namespace Gateway.Saas.Webhook;

/// <summary><c>exporters.webhook</c>: every event POSTed as one JSON record, signed. Keys and defaults: README.md.</summary>
public sealed class WebhookExporterOptions : PushExporterOptions
{
    public const string Section = "exporters:webhook";

    public const string YamlPath = "exporters.webhook";

    /// <summary>Where to POST (http or https). Treated as a secret: it may hold a token in its path or query.</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 key of <c>X-Gateway-Signature</c>; null sends no signature.</summary>
    public string? Secret { get; set; }

    /// <summary>Extra request headers (e.g. <c>Authorization</c>); their values are treated as secrets.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every value that must never reach a log line, a reason or the API.</summary>
    internal IEnumerable<string?> Secrets() => [Url, Secret, .. Headers.Values];
}
