namespace Gateway.Snmp.Ber;

/// <summary>Content encodings of the primitive types (X.690 §8.3, §8.19) with SNMP's range rules.</summary>
public static class BerPrimitives
{
    public static int DecodeInteger32(ReadOnlySpan<byte> content, int offset = -1)
    {
        long value = DecodeSigned(content, 4, offset);
        return (int)value;
    }

    /// <summary>Counter32, Gauge32, TimeTicks, UInteger32: 0..2^32-1, up to 5 bytes with a leading zero.</summary>
    public static uint DecodeUnsigned32(ReadOnlySpan<byte> content, int offset = -1) => (uint)DecodeUnsigned(content, 5, offset);

    public static ulong DecodeUnsigned64(ReadOnlySpan<byte> content, int offset = -1) => DecodeUnsigned(content, 9, offset);

    private static long DecodeSigned(ReadOnlySpan<byte> content, int maxBytes, int offset)
    {
        if (content.IsEmpty)
        {
            throw new SnmpDecodeException("INTEGER with no content") { Offset = offset };
        }

        // Non-minimal encodings (a redundant leading 0x00/0xFF) are tolerated, as long as the value fits.
        while (content.Length > 1 &&
               ((content[0] == 0x00 && (content[1] & 0x80) == 0) || (content[0] == 0xFF && (content[1] & 0x80) != 0)))
        {
            content = content[1..];
        }

        if (content.Length > maxBytes)
        {
            throw new SnmpDecodeException("INTEGER out of the 32-bit range") { Offset = offset };
        }

        long value = (sbyte)content[0];
        for (int i = 1; i < content.Length; i++)
        {
            value = (value << 8) | content[i];
        }

        return value;
    }

    private static ulong DecodeUnsigned(ReadOnlySpan<byte> content, int maxBytes, int offset)
    {
        if (content.IsEmpty)
        {
            throw new SnmpDecodeException("unsigned value with no content") { Offset = offset };
        }

        while (content.Length > 1 && content[0] == 0x00)
        {
            content = content[1..];
        }

        if (content.Length > maxBytes - 1)
        {
            throw new SnmpDecodeException("unsigned value out of range") { Offset = offset };
        }

        // A set top bit means a negative number in BER; some agents send it for large counters,
        // so it is read as the unsigned bit pattern rather than rejected.
        ulong value = 0;
        foreach (byte b in content)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public static ObjectIdentifier DecodeObjectIdentifier(ReadOnlySpan<byte> content, int offset = -1)
    {
        if (content.IsEmpty)
        {
            throw new SnmpDecodeException("empty OBJECT IDENTIFIER") { Offset = offset };
        }

        // Count sub-identifiers first (bytes without the continuation bit end one), so the array is
        // sized by real content and never by a claim.
        int count = 1;
        foreach (byte b in content)
        {
            if ((b & 0x80) == 0)
            {
                count++;
            }
        }

        if (count > ObjectIdentifier.MaxLength)
        {
            throw new SnmpDecodeException("OBJECT IDENTIFIER longer than 128 sub-identifiers") { Offset = offset };
        }

        if ((content[^1] & 0x80) != 0)
        {
            throw new SnmpDecodeException("OBJECT IDENTIFIER ends inside a sub-identifier") { Offset = offset };
        }

        var ids = new uint[count];
        int n = 0;
        int i = 0;
        while (i < content.Length)
        {
            if (content[i] == 0x80)
            {
                throw new SnmpDecodeException("non-minimal OBJECT IDENTIFIER sub-identifier") { Offset = offset };
            }

            ulong value = 0;
            while (true)
            {
                byte b = content[i++];
                value = (value << 7) | (uint)(b & 0x7F);
                if (value > uint.MaxValue)
                {
                    throw new SnmpDecodeException("OBJECT IDENTIFIER sub-identifier exceeds 2^32-1") { Offset = offset };
                }

                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if (n == 0)
            {
                // The first encoded value packs the first two arcs: 40*X + Y (X.690 §8.19.4).
                if (value < 40)
                {
                    ids[0] = 0;
                    ids[1] = (uint)value;
                }
                else if (value < 80)
                {
                    ids[0] = 1;
                    ids[1] = (uint)(value - 40);
                }
                else
                {
                    ids[0] = 2;
                    ids[1] = (uint)(value - 80);
                }

                n = 2;
            }
            else
            {
                ids[n++] = (uint)value;
            }
        }

        return ObjectIdentifier.FromOwnedArray(ids);
    }

    public static int IntegerLength(long value)
    {
        int length = 1;
        while (length < 8)
        {
            long shifted = value >> ((length * 8) - 1);
            if (shifted == 0 || shifted == -1)
            {
                break;
            }

            length++;
        }

        return length;
    }

    public static int UnsignedLength(ulong value)
    {
        int length = 1;
        for (ulong v = value >> 8; v != 0; v >>= 8)
        {
            length++;
        }

        // One extra leading zero when the top bit is set, so the value does not read as negative.
        if (((value >> ((length - 1) * 8)) & 0x80) != 0)
        {
            length++;
        }

        return length;
    }

    public static int SubIdentifierLength(uint value)
    {
        int length = 1;
        while ((value >>= 7) != 0)
        {
            length++;
        }

        return length;
    }

    public static int ObjectIdentifierContentLength(ReadOnlySpan<uint> ids)
    {
        if (ids.Length < 2)
        {
            throw new ArgumentException("an encodable OID has at least two sub-identifiers");
        }

        if (ids[0] > 2 || (ids[0] < 2 && ids[1] >= 40) || ((ulong)ids[0] * 40) + ids[1] > uint.MaxValue)
        {
            throw new ArgumentException("invalid first two OID arcs");
        }

        int length = SubIdentifierLength((ids[0] * 40) + ids[1]);
        for (int i = 2; i < ids.Length; i++)
        {
            length += SubIdentifierLength(ids[i]);
        }

        return length;
    }
}
