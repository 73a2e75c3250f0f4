using Gateway.Core.Routing;

namespace Gateway.Exporters.Alertmanager;

/// <summary>
/// Options of <c>exporters.alertmanager</c> (every key and its default: README.md in this folder). The
/// common push keys come from <see cref="PushExporterOptions"/>; <c>events</c> takes the alarm kinds only.
/// </summary>
public sealed class AlertmanagerExporterOptions : PushExporterOptions
{
    public const string Section = "exporters:alertmanager";

    public const string YamlPath = "exporters.alertmanager";

    /// <summary>Alertmanager's default <c>global.resolve_timeout</c>.</summary>
    public static readonly TimeSpan DefaultResolveTimeout = TimeSpan.FromMinutes(5);

    /// <summary>One Alertmanager (<c>http://am:9093</c>); the same as a one-element <see cref="Urls"/>.</summary>
    public string? Url { get; set; }

    /// <summary>Every Alertmanager of an HA cluster: each gets every alert, through its own outbox.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Per request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the firing alerts are posted again. Alertmanager resolves an alert without <c>endsAt</c>
    /// <c>resolve_timeout</c> (default 5m) after its last post, so this must stay below it.
    /// </summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The configured URLs, <see cref="Url"/> first.</summary>
    public IReadOnlyList<string> AllUrls() =>
        (Url is { Length: > 0 } one ? [one] : Array.Empty<string>()).Concat(Urls).ToArray();
}
