using Gateway.Snmp.Ber;
using Gateway.Snmp.Messages;

namespace Gateway.Snmp.Tests.Ber;

public sealed class BerCodecTests
{
    [Theory]
    [InlineData(0, "020100")]
    [InlineData(127, "02017F")]
    [InlineData(128, "02020080")]
    [InlineData(256, "02020100")]
    [InlineData(-1, "0201FF")]
    [InlineData(-128, "020180")]
    [InlineData(-129, "0202FF7F")]
    [InlineData(int.MaxValue, "02047FFFFFFF")]
    [InlineData(int.MinValue, "020480000000")]
    public void Integer_encodes_minimal_twos_complement(int value, string hex)
    {
        var writer = new BerWriter();
        writer.WriteInteger(value);
        Assert.Equal(hex, Convert.ToHexString(writer.WrittenSpan));
        var reader = new BerReader(writer.WrittenSpan);
        Assert.Equal(value, reader.ReadInteger32());
    }

    [Theory]
    [InlineData(SnmpType.Counter32, 0UL, "410100")]
    [InlineData(SnmpType.Gauge32, 128UL, "42020080")]
    [InlineData(SnmpType.TimeTicks, 4294967295UL, "430500FFFFFFFF")]
    [InlineData(SnmpType.Counter64, 18446744073709551615UL, "460900FFFFFFFFFFFFFFFF")]
    [InlineData(SnmpType.Counter64, 4294967296UL, "46050100000000")]
    public void Unsigned_types_get_a_leading_zero_when_the_top_bit_is_set(SnmpType type, ulong value, string hex)
    {
        var v = type == SnmpType.Counter64 ? SnmpValue.Counter64(value)
            : type == SnmpType.Counter32 ? SnmpValue.Counter32((uint)value)
            : type == SnmpType.Gauge32 ? SnmpValue.Gauge32((uint)value)
            : SnmpValue.TimeTicks((uint)value);
        var writer = new BerWriter();
        SnmpValueCodec.Write(writer, v);
        Assert.Equal(hex, Convert.ToHexString(writer.WrittenSpan));
        var reader = new BerReader(writer.WrittenSpan);
        Assert.Equal(v, SnmpValueCodec.Read(ref reader));
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.1.3.0", "06082B060102010103" + "00")]
    [InlineData("1.3.6.1.4.1.99999", "06082B06010401868D1F")]
    [InlineData("0.0", "060100")]
    [InlineData("2.999.3", "0603883703")]
    [InlineData("1.3.6.1.4.1.4294967295", "060A2B060104018FFFFFFF7F")]
    public void Object_identifier_uses_base128_with_packed_first_arcs(string oid, string hex)
    {
        var writer = new BerWriter();
        writer.WriteObjectIdentifier(ObjectIdentifier.Parse(oid));
        Assert.Equal(hex, Convert.ToHexString(writer.WrittenSpan));
        var reader = new BerReader(writer.WrittenSpan);
        Assert.Equal(oid, reader.ReadObjectIdentifier().ToString());
    }

    [Fact]
    public void Other_value_types_round_trip_with_their_application_tags()
    {
        var values = new[]
        {
            (SnmpValue.OctetString("abc"), "0403616263"),
            (SnmpValue.Null, "0500"),
            (SnmpValue.IpAddress(System.Net.IPAddress.Parse("10.0.0.1")), "40040A000001"),
            (SnmpValue.Opaque([0x9F, 0x78, 0x04, 0x3F, 0x80, 0x00, 0x00]), "44079F78043F800000"),
            (SnmpValue.NoSuchObject, "8000"),
            (SnmpValue.NoSuchInstance, "8100"),
            (SnmpValue.EndOfMibView, "8200"),
        };
        foreach (var (value, hex) in values)
        {
            var writer = new BerWriter();
            SnmpValueCodec.Write(writer, value);
            Assert.Equal(hex, Convert.ToHexString(writer.WrittenSpan));
            var reader = new BerReader(writer.WrittenSpan);
            Assert.Equal(value, SnmpValueCodec.Read(ref reader));
        }
    }

    [Theory]
    [InlineData(127, "047F")]
    [InlineData(128, "048180")]
    [InlineData(255, "0481FF")]
    [InlineData(256, "04820100")]
    [InlineData(70000, "0483011170")]
    public void Long_lengths_use_the_long_form(int length, string headerHex)
    {
        var writer = new BerWriter();
        writer.WriteOctetString(new byte[length]);
        Assert.Equal(headerHex, Convert.ToHexString(writer.WrittenSpan[..(headerHex.Length / 2)]));
        var reader = new BerReader(writer.WrittenSpan);
        Assert.Equal(length, reader.ReadOctetString().Length);
    }

    [Fact]
    public void Sequences_longer_than_127_bytes_are_patched_to_the_long_form()
    {
        var writer = new BerWriter();
        int outer = writer.BeginSequence();
        int inner = writer.BeginSequence();
        writer.WriteOctetString(new byte[300]);
        writer.EndConstructed(inner);
        writer.WriteInteger(5);
        writer.EndConstructed(outer);
        var bytes = writer.WrittenSpan.ToArray();
        Assert.Equal("30820137" + "308201300482012C", Convert.ToHexString(bytes[..12]));
        var reader = new BerReader(bytes);
        var seq = reader.ReadSequence();
        var innerSeq = seq.ReadSequence();
        Assert.Equal(300, innerSeq.ReadOctetString().Length);
        Assert.Equal(5, seq.ReadInteger32());
        seq.EnsureEnd();
    }

    [Fact]
    public void A_v2c_get_request_matches_its_hand_encoded_bytes()
    {
        var pdu = new SnmpPdu(PduType.GetRequest, 1, 0, 0, [VarBind.Null(SnmpOids.SysUpTime0)]);
        var writer = new BerWriter();
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V2c, "public"u8, pdu);
        const string expected = "302602010104067075626C6963A019020101020100020100300E300C06082B060102010103000500";
        Assert.Equal(expected.Replace(" ", "", StringComparison.Ordinal), Convert.ToHexString(writer.WrittenSpan));

        var decoded = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(writer.WrittenSpan));
        Assert.Equal(SnmpVersion.V2c, decoded.Version);
        Assert.Equal("public"u8.ToArray(), decoded.Community);
        var p = Assert.IsType<SnmpPdu>(decoded.Pdu);
        Assert.Equal(PduType.GetRequest, p.Type);
        Assert.Equal(1, p.RequestId);
        Assert.Equal(SnmpOids.SysUpTime0, Assert.Single(p.VarBinds).Oid);
    }

    [Fact]
    public void A_v1_trap_pdu_round_trips()
    {
        var trap = new TrapV1Pdu(ObjectIdentifier.Parse("1.3.6.1.4.1.99999"), [127, 0, 0, 1], 6, 1, 12345, [new VarBind(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.1.1.1.2.7"), SnmpValue.OctetString("a"))]);
        var writer = new BerWriter();
        SnmpMessageCodec.WriteCommunity(writer, SnmpVersion.V1, "public"u8, trap);
        var decoded = Assert.IsType<CommunityMessage>(SnmpMessageCodec.Decode(writer.WrittenSpan));
        var t = Assert.IsType<TrapV1Pdu>(decoded.Pdu);
        Assert.Equal("1.3.6.1.4.1.99999", t.Enterprise.ToString());
        Assert.Equal(new byte[] { 127, 0, 0, 1 }, t.AgentAddress);
        Assert.Equal(6, t.GenericTrap);
        Assert.Equal(1, t.SpecificTrap);
        Assert.Equal(12345u, t.TimeStamp);
        Assert.Equal("a", Assert.Single(t.VarBinds).Value.AsString());
    }

    [Theory]
    [InlineData("", "end of data")]
    [InlineData("30", "end of data")]
    [InlineData("3005020101", "exceeds")]
    [InlineData("3080020101", "indefinite")]
    [InlineData("3085FFFFFFFFFF", "too long")]
    [InlineData("3084FFFFFFFF", "too large")]
    [InlineData("30030201010000", "trailing")]
    [InlineData("300A02050100000000040100", "32-bit")]
    [InlineData("3003020102", "unsupported SNMP version")]
    public void Malformed_input_raises_a_typed_exception(string hex, string messagePart)
    {
        var bytes = Convert.FromHexString(hex);
        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.Decode(bytes));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0609 2B 06 01 90 80 80 80 80 00", "exceeds 2^32-1")]
    [InlineData("0603 2B 80 01", "non-minimal")]
    [InlineData("0602 2B 86", "ends inside")]
    [InlineData("0600", "empty")]
    public void Bad_object_identifiers_are_rejected(string hex, string messagePart)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        var ex = Assert.Throws<SnmpDecodeException>(() =>
        {
            var reader = new BerReader(bytes);
            reader.ReadObjectIdentifier();
        });
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        var bytes = new List<byte>();
        for (int i = 0; i < 40; i++)
        {
            bytes.Insert(0, (byte)(bytes.Count));
            bytes.Insert(0, 0x30);
        }

        var ex = Assert.Throws<SnmpDecodeException>(() =>
        {
            var reader = new BerReader(bytes.ToArray());
            for (int i = 0; i < 40; i++)
            {
                reader = reader.ReadSequence();
            }
        });
        Assert.Contains("too deep", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claimed_lengths_larger_than_the_input_do_not_allocate()
    {
        // A 4-byte length claiming 2 GB in a 10-byte datagram fails before any allocation.
        var bytes = Convert.FromHexString("04847FFFFFFF00000000");
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<SnmpDecodeException>(() =>
        {
            var reader = new BerReader(bytes);
            reader.ReadOctetString();
        });
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }
}
