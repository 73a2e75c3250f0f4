namespace Gateway.Saas.SplunkHec;

/// <summary>
/// <c>exporters.splunkHec.ack:</c> — indexer acknowledgement: a request counts as delivered only when
/// HEC says its events are indexed (the token must have "Enable indexer acknowledgement" on).
/// </summary>
public sealed class SplunkHecAckOptions
{
    public bool Enabled { get; set; }

    /// <summary>The channel (a GUID) sent as <c>X-Splunk-Request-Channel</c>; null: one generated at start.</summary>
    public string? Channel { get; set; }

    /// <summary>How often <c>/services/collector/ack</c> is asked.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for the acknowledgement before the request is retried (sent again).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
