using System.Globalization;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Checks the transport keys (<see cref="IGelfTransportOptions"/>) under a YAML path, one
/// <c>"path.key: message"</c> per problem. Header values are never echoed (they hold tokens).
/// </summary>
public static class GelfTransportOptionsValidation
{
    public const int MinChunkSize = 64;

    /// <summary>The largest UDP payload over IPv4.</summary>
    public const int MaxChunkSize = 65507;

    public static void Validate(IGelfTransportOptions o, string at, List<string> errors)
    {
        if (!GelfEndpoint.TryParse(o.Endpoint, out var endpoint, out var error))
        {
            errors.Add($"{at}.endpoint: {error}");
        }
        if (o.Compression is not null && !GelfCompressor.TryParse(o.Compression, out _))
        {
            errors.Add($"{at}.compression: \"{o.Compression}\" is not one of gzip, zlib, none");
        }
        else if (endpoint?.Kind is GelfTransportKind.Tcp or GelfTransportKind.Tls
            && GelfCompressor.TryParse(o.Compression, out var c) && c != GelfCompression.None)
        {
            errors.Add($"{at}.compression: GELF over TCP is not compressed (its frames end at a 0 byte); leave it out or say none");
        }
        if (o.ChunkSize is < MinChunkSize or > MaxChunkSize)
        {
            errors.Add($"{at}.chunkSize: must be between {MinChunkSize.ToString(CultureInfo.InvariantCulture)} and {MaxChunkSize.ToString(CultureInfo.InvariantCulture)} bytes (1420 for a WAN, 8192 on a LAN)");
        }
        if (o.ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{at}.connectTimeout: must be positive");
        }
        if (o.MaxMessageBytes < 1024)
        {
            errors.Add($"{at}.maxMessageBytes: must be at least 1024");
        }
        if (o.Tls is { } tls)
        {
            if (endpoint is not null && endpoint.Kind != GelfTransportKind.Tls && endpoint.HttpUri?.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"{at}.tls: only for a tls:// or https:// endpoint");
            }
            if (tls.CaFile is { } ca && !File.Exists(ca))
            {
                errors.Add($"{at}.tls.caFile: \"{ca}\" does not exist");
            }
        }
        if (o.Headers.Count > 0 && endpoint is not null && endpoint.Kind != GelfTransportKind.Http)
        {
            errors.Add($"{at}.headers: only for an http(s):// endpoint");
        }
        foreach (var name in o.Headers.Keys)
        {
            if (name.Length == 0 || name.Any(ch => ch <= ' ' || ch >= 127 || ch == ':'))
            {
                errors.Add($"{at}.headers: \"{name}\" is not an HTTP header name");
            }
        }
    }

    /// <summary>The compression in effect: as configured, else gzip over UDP and none otherwise.</summary>
    public static GelfCompression EffectiveCompression(IGelfTransportOptions o, GelfEndpoint endpoint) =>
        GelfCompressor.TryParse(o.Compression, out var c) ? c
        : endpoint.Kind == GelfTransportKind.Udp ? GelfCompression.Gzip : GelfCompression.None;
}
