using Gateway.Core.Routing;

namespace Gateway.Saas.Opsgenie;

/// <summary>
/// Options of <c>exporters.opsgenie</c> (every key and its default: README.md in this folder). The common
/// push keys (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>, <c>outbox</c>, <c>enabled</c>)
/// come from <see cref="PushExporterOptions"/>.
/// </summary>
public sealed class OpsgenieExporterOptions : PushExporterOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "exporters:opsgenie";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "exporters.opsgenie";

    /// <summary>The API key of an Opsgenie API integration (a UUID; a secret: use <c>${ENV}</c> or <c>${file:…}</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>us</c> (api.opsgenie.com) or <c>eu</c> (api.eu.opsgenie.com); ignored when <see cref="Url"/> is set.</summary>
    public string Region { get; set; } = "us";

    /// <summary>Base URL replacing the region's (a proxy, a test stub); <c>/v2/alerts…</c> is appended.</summary>
    public string? Url { get; set; }

    /// <summary>Time limit of one request; below <c>outbox.attemptTimeout</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The alerts' and actions' <c>source</c> (at most 100 characters).</summary>
    public string Source { get; set; } = "Gateway";

    /// <summary>The actions' <c>user</c> (display name of the request owner, at most 100 characters); null = Opsgenie's default.</summary>
    public string? User { get; set; }

    /// <summary>Teams, users, escalations or schedules notified of a new alert; empty = the integration's own routing.</summary>
    public List<OpsgenieResponderOptions> Responders { get; set; } = [];

    /// <summary>Tags added to every alert besides <c>gateway</c>, the alarm type and the node group.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The base URL requests go to: <see cref="Url"/> or the region's.</summary>
    public Uri BaseUrl() => Url is { Length: > 0 } url
        ? new Uri(url, UriKind.Absolute)
        : new Uri(string.Equals(Region, "eu", StringComparison.OrdinalIgnoreCase) ? "https://api.eu.opsgenie.com" : "https://api.opsgenie.com");
}
