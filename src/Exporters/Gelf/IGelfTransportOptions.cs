namespace Gateway.Exporters.Gelf;

/// <summary>
/// The keys that say where and how GELF is sent, shared by <c>exporters.gelf</c> and
/// <c>logging.gelf</c> (the gateway's own logs); validated by <see cref="GelfTransportOptionsValidation"/>.
/// </summary>
public interface IGelfTransportOptions
{
    /// <summary><c>udp://host:12201</c>, <c>tcp://…</c>, <c>tls://…</c>, <c>http(s)://…[/path]</c>.</summary>
    string? Endpoint { get; }

    /// <summary><c>gzip</c>, <c>zlib</c> or <c>none</c>; null = gzip over UDP, none otherwise (TCP never compresses).</summary>
    string? Compression { get; }

    /// <summary>UDP datagram size at most, chunk header included.</summary>
    int ChunkSize { get; }

    /// <summary>TCP/TLS/HTTP: connecting (and the TLS handshake) may take this long.</summary>
    TimeSpan ConnectTimeout { get; }

    /// <summary>TCP/TLS/HTTP: a larger encoded message is rejected (dead-lettered), not sent.</summary>
    int MaxMessageBytes { get; }

    /// <summary>TLS settings of a <c>tls://</c> or <c>https://</c> endpoint.</summary>
    GelfTlsOptions? Tls { get; }

    /// <summary>HTTP only: extra request headers (e.g. <c>Authorization</c>); never logged.</summary>
    Dictionary<string, string> Headers { get; }
}
