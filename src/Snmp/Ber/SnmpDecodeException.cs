namespace Gateway.Snmp.Ber;

/// <summary>
/// The only exception the decoders throw on bad input: malformed, truncated or oversized BER,
/// or a structure that is valid BER but not a valid SNMP message.
/// </summary>
public sealed class SnmpDecodeException : Exception
{
    public SnmpDecodeException()
    {
    }

    public SnmpDecodeException(string message)
        : base(message)
    {
    }

    public SnmpDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Byte offset (relative to the start of the decoded buffer) where the problem was found, -1 when unknown.</summary>
    public int Offset { get; init; } = -1;
}
