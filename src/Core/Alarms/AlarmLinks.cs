namespace Gateway.Core.Alarms;

/// <summary>
/// Where an alarm can be seen on the gateway: <c>&lt;external URL&gt;/api/v1/alarms/&lt;id&gt;</c>, for the
/// links exporters put into what they send (Alertmanager's <c>generatorURL</c>, a Slack or Teams button).
/// The external URL is <c>gateway.externalUrl</c>, else derived from <c>gateway.listen</c> by the host.
/// </summary>
public sealed class AlarmLinks
{
    public AlarmLinks(Uri externalUrl)
    {
        ArgumentNullException.ThrowIfNull(externalUrl);
        if (!externalUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("the external URL must be absolute", nameof(externalUrl));
        }
        ExternalUrl = externalUrl;
        _prefix = externalUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/api/v1/alarms/";
    }

    private readonly string _prefix;

    /// <summary>The gateway's default listen address, for hosts and tests that configure nothing.</summary>
    public static AlarmLinks Default { get; } = new(new Uri("http://127.0.0.1:9464"));

    /// <summary>The gateway's URL as its users reach it.</summary>
    public Uri ExternalUrl { get; }

    /// <summary>The alarm's resource on the gateway's API (<c>GET /api/v1/alarms/{id}</c>).</summary>
    public string For(string alarmId) => _prefix + Uri.EscapeDataString(alarmId);
}
