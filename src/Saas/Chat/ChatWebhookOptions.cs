using Gateway.Core.Routing;

namespace Gateway.Saas.Chat;

/// <summary>The keys of a chat webhook exporter (Slack, Teams) beside the common push keys.</summary>
public abstract class ChatWebhookOptions : PushExporterOptions
{
    /// <summary>The webhook URL — the secret (anyone who has it can post to the channel).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The same as <see cref="WebhookUrl"/> (<c>url:</c>, as every HTTP exporter spells it).</summary>
    public string? Url { get; set; }

    /// <summary>Per request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The webhook URL (<see cref="WebhookUrl"/>, else <see cref="Url"/>).</summary>
    public Uri Endpoint() => new(WebhookUrl ?? Url ?? throw new InvalidOperationException("no webhook URL"));
}
