using Gateway.Core.Routing;

namespace Gateway.Saas.PagerDuty;

/// <summary>
/// Options of <c>exporters.pagerduty</c> (every key and its default: README.md in this folder). The common
/// push keys (<c>minSeverity</c>, <c>events</c>, <c>nodes</c>, <c>groups</c>, <c>outbox</c>, <c>enabled</c>)
/// come from <see cref="PushExporterOptions"/>.
/// </summary>
public sealed class PagerDutyExporterOptions : PushExporterOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "exporters:pagerduty";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "exporters.pagerduty";

    /// <summary>The 32-character integration key of an Events API v2 integration (a secret: use <c>${ENV}</c> or <c>${file:…}</c>).</summary>
    public string? RoutingKey { get; set; }

    /// <summary><c>us</c> (events.pagerduty.com) or <c>eu</c> (events.eu.pagerduty.com); ignored when <see cref="Url"/> is set.</summary>
    public string Region { get; set; } = "us";

    /// <summary>Base URL replacing the region's (a proxy, a test stub); <c>/v2/enqueue</c> is appended.</summary>
    public string? Url { get; set; }

    /// <summary>Time limit of one request; below <c>outbox.attemptTimeout</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The alert's <c>client</c>: the name PagerDuty shows for the monitoring tool.</summary>
    public string Client { get; set; } = "Gateway";

    /// <summary>
    /// Where users reach this gateway (<c>https://gateway.example:9464</c>): sent as <c>client_url</c> and as a
    /// link to the alarm (<c>/api/v1/alarms/{id}</c>); null = no link.
    /// </summary>
    public string? ClientUrl { get; set; }

    /// <summary>
    /// Also send node up/down/removed, notifications and alarm comments as PagerDuty change events
    /// (<c>/v2/change/enqueue</c>: shown on the service's timeline, never paging anyone). Off by default.
    /// </summary>
    public bool ChangeEvents { get; set; }

    /// <summary>The base URL requests go to: <see cref="Url"/> or the region's.</summary>
    public Uri BaseUrl() => Url is { Length: > 0 } url
        ? new Uri(url, UriKind.Absolute)
        : new Uri(string.Equals(Region, "eu", StringComparison.OrdinalIgnoreCase) ? "https://events.eu.pagerduty.com" : "https://events.pagerduty.com");
}
