using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Snmp.Engine;

/// <summary>
/// snmpEngineID values in the RFC 3411 §5 (SnmpEngineID TC) format: 0x80 | enterprise (4 bytes,
/// top bit set), a format byte, then the data: 04 text (administratively assigned), 05 octets.
/// </summary>
public static class SnmpEngineId
{
    /// <summary>Placeholder enterprise number (see GATEWAY-MIB); replace with the operator's IANA number.</summary>
    public const uint PlaceholderEnterprise = 99999;

    public static byte[] FromText(uint enterprise, string text)
    {
        var textBytes = Encoding.UTF8.GetBytes(text);
        if (textBytes.Length is 0 or > 27)
        {
            throw new ArgumentException("engine ID text is 1..27 bytes", nameof(text));
        }

        return Build(enterprise, 4, textBytes);
    }

    public static byte[] FromRandom(uint enterprise, int length = 12)
    {
        if (length is < 1 or > 27)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "1..27 bytes");
        }

        return Build(enterprise, 5, RandomNumberGenerator.GetBytes(length));
    }

    public static byte[] Parse(string hex)
    {
        var text = hex.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        var bytes = Convert.FromHexString(text);
        if (bytes.Length is < 5 or > 32)
        {
            throw new FormatException("an snmpEngineID is 5..32 bytes");
        }

        return bytes;
    }

    public static string ToHex(ReadOnlySpan<byte> engineId) => "0x" + Convert.ToHexString(engineId);

    private static byte[] Build(uint enterprise, byte format, byte[] data)
    {
        var id = new byte[5 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(id, enterprise | 0x8000_0000);
        id[4] = format;
        data.CopyTo(id, 5);
        return id;
    }
}
