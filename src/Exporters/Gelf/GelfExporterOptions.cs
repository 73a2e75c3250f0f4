using Gateway.Core.Routing;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Options of <c>exporters.gelf</c> (every key and its default: README.md in this folder), beside the
/// common push keys of <see cref="PushExporterOptions"/>.
/// </summary>
public sealed class GelfExporterOptions : PushExporterOptions, IGelfTransportOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "exporters:gelf";

    /// <summary>The YAML path used in validation messages.</summary>
    public const string YamlPath = "exporters.gelf";

    /// <summary>WAN-safe: 1420 bytes fit one Ethernet frame with room for IPv6 and tunnel headers, so a datagram is never fragmented.</summary>
    public const int DefaultChunkSize = 1420;

    /// <summary>Graylog's default <c>max_message_size</c> of TCP/HTTP inputs (2 MiB).</summary>
    public const int DefaultMaxMessageBytes = 2 * 1024 * 1024;

    public string? Endpoint { get; set; }

    public string? Compression { get; set; }

    public int ChunkSize { get; set; } = DefaultChunkSize;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    public GelfTlsOptions? Tls { get; set; }

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
