using System.IO.Compression;

namespace Gateway.Exporters.Gelf;

/// <summary>
/// Compresses an encoded message for UDP (gzip starts <c>1f 8b</c>, zlib <c>78 ..</c>: receivers tell
/// them apart by those bytes) or for an HTTP <c>Content-Encoding</c> (gzip, deflate = zlib). The fastest
/// level: a log line is small, and the gateway's CPU matters more than a few bytes on the wire.
/// </summary>
public static class GelfCompressor
{
    public static ReadOnlyMemory<byte> Compress(ReadOnlyMemory<byte> payload, GelfCompression compression)
    {
        if (compression == GelfCompression.None)
        {
            return payload;
        }
        using var output = new MemoryStream(payload.Length / 2 + 64);
        using (Stream compressor = compression == GelfCompression.Gzip
            ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)
            : new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(payload.Span);
        }
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    public static bool TryParse(string? name, out GelfCompression compression)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "none":
                compression = GelfCompression.None;
                return true;
            case "gzip":
                compression = GelfCompression.Gzip;
                return true;
            case "zlib":
                compression = GelfCompression.Zlib;
                return true;
            default:
                compression = GelfCompression.None;
                return false;
        }
    }
}
