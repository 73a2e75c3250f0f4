using System.Buffers.Binary;

namespace Gateway.Snmp.Mib;

/// <summary>SNMPv2-TC DateAndTime (RFC 2579): 11 octets, always written in UTC ("+0:0").</summary>
public static class DateAndTimeCodec
{
    public static byte[] Encode(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var bytes = new byte[11];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)utc.Year);
        bytes[2] = (byte)utc.Month;
        bytes[3] = (byte)utc.Day;
        bytes[4] = (byte)utc.Hour;
        bytes[5] = (byte)utc.Minute;
        bytes[6] = (byte)utc.Second;
        bytes[7] = (byte)(utc.Millisecond / 100);
        bytes[8] = (byte)'+';
        bytes[9] = 0;
        bytes[10] = 0;
        return bytes;
    }
}
