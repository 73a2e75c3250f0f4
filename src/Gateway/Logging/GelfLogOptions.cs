using Gateway.Exporters.Gelf;

namespace Gateway.Logging;

/// <summary>
/// <c>logging.gelf:</c> — the gateway's own log events to a GELF receiver through the GELF exporter's
/// transports (same endpoint and transport keys as <c>exporters.gelf</c>), batched by Serilog.
/// </summary>
public sealed class GelfLogOptions : IGelfTransportOptions
{
    public string? Endpoint { get; set; }

    public string? Compression { get; set; }

    public int ChunkSize { get; set; } = GelfExporterOptions.DefaultChunkSize;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxMessageBytes { get; set; } = GelfExporterOptions.DefaultMaxMessageBytes;

    public GelfTlsOptions? Tls { get; set; }

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Events below this level are not sent (the <c>logLevel</c> filters apply first).</summary>
    public string MinLevel { get; set; } = "Information";

    /// <summary>Events per batch at most.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Events waiting at most while the receiver is away; beyond, new events are dropped.</summary>
    public int QueueLimit { get; set; } = 10_000;
}
