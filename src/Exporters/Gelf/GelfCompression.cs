namespace Gateway.Exporters.Gelf;

/// <summary>How a GELF payload is compressed: UDP takes all three; TCP never compresses (null-byte framing); HTTP sends a <c>Content-Encoding</c>.</summary>
public enum GelfCompression
{
    None,
    Gzip,
    Zlib,
}
