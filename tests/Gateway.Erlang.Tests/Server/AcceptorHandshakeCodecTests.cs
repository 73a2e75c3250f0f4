using System.Buffers;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Epmd;
using Gateway.Erlang.Server;
using Gateway.Erlang.Tests.Distribution;

namespace Gateway.Erlang.Tests.Server;

/// <summary>Exact bytes of the accepting side's handshake messages, cross-checked with the initiator's codec.</summary>
public sealed class AcceptorHandshakeCodecTests
{
    [Fact]
    public void New_name_written_by_the_initiator_parses_back()
    {
        var writer = new ArrayBufferWriter<byte>();
        HandshakeCodec.WriteSendName(writer, "gw@host", DistributionFlags.Default, 0x01020304, HandshakeCodec.Version6);

        var name = AcceptorHandshakeCodec.ParseName(writer.WrittenSpan[2..]);

        Assert.Equal(new PeerName("gw@host", DistributionFlags.Default, 0x01020304, IsNewFormat: true), name);
    }

    [Fact]
    public void Old_name_keeps_the_low_flag_bits_and_no_creation()
    {
        var writer = new ArrayBufferWriter<byte>();
        HandshakeCodec.WriteSendName(writer, "gw@host", DistributionFlags.Default, 7, HandshakeCodec.Version5);

        var name = AcceptorHandshakeCodec.ParseName(writer.WrittenSpan[2..]);

        Assert.Equal(new PeerName("gw@host", (DistributionFlags)((ulong)DistributionFlags.Default & 0xFFFF_FFFF), 0, IsNewFormat: false), name);
    }

    [Fact]
    public void Challenge_has_the_documented_layout_and_parses_with_the_initiator_codec()
    {
        var writer = new ArrayBufferWriter<byte>();

        AcceptorHandshakeCodec.WriteChallenge(writer, "a@b", (DistributionFlags)0x0000_0001_0000_0004, 0xAABBCCDD, 0x11223344);

        byte[] expected =
        [
            0, 22, (byte)'N', 0, 0, 0, 1, 0, 0, 0, 4, 0xAA, 0xBB, 0xCC, 0xDD, 0x11, 0x22, 0x33, 0x44, 0, 3, (byte)'a', (byte)'@', (byte)'b',
        ];
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        var parsed = HandshakeCodec.ParseChallenge(writer.WrittenSpan[2..]);
        Assert.Equal(new HandshakeChallenge("a@b", (DistributionFlags)0x0000_0001_0000_0004, 0xAABBCCDD, 0x11223344, IsNewFormat: true), parsed);
    }

    [Fact]
    public void Challenge_reply_and_ack_round_trip_with_the_initiator_codec()
    {
        var digest = CookieDigest.Compute("cookie", 42);
        var writer = new ArrayBufferWriter<byte>();
        HandshakeCodec.WriteChallengeReply(writer, 99, digest);

        var (challenge, parsedDigest) = AcceptorHandshakeCodec.ParseChallengeReply(writer.WrittenSpan[2..]);
        writer.ResetWrittenCount();
        AcceptorHandshakeCodec.WriteChallengeAck(writer, digest);

        Assert.Equal(99u, challenge);
        Assert.Equal(digest, parsedDigest);
        Assert.Equal(digest, HandshakeCodec.ParseChallengeAck(writer.WrittenSpan[2..]).ToArray());
    }

    [Fact]
    public void Complement_gives_the_high_flags_and_creation()
    {
        var writer = new ArrayBufferWriter<byte>();
        HandshakeCodec.WriteComplement(writer, DistributionFlags.Default, 5);

        var body = writer.WrittenSpan[2..];

        Assert.True(AcceptorHandshakeCodec.IsComplement(body));
        Assert.Equal(((uint)((ulong)DistributionFlags.Default >> 32), 5u), AcceptorHandshakeCodec.ParseComplement(body));
    }

    [Fact]
    public void Alive2_request_has_the_documented_layout()
    {
        var writer = new ArrayBufferWriter<byte>();

        EpmdAliveCodec.WriteAlive2Request(writer, "n1", 0x1234, EpmdNodeType.Normal);

        byte[] expected = [0, 15, 120, 0x12, 0x34, 77, 0, 0, 6, 0, 5, 0, 2, (byte)'n', (byte)'1', 0, 0];
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 118, 0, 0, 0, 1, 2 }, 258u)]
    [InlineData(new byte[] { 121, 0, 0, 3 }, 3u)]
    public void Alive2_responses_give_the_creation(byte[] response, uint creation)
    {
        Assert.True(EpmdAliveCodec.TryParseAlive2Response(response, out var parsed));
        Assert.Equal(creation, parsed);
        Assert.False(EpmdAliveCodec.TryParseAlive2Response(response.AsSpan(0, response.Length - 1), out _));
    }

    [Fact]
    public void Alive2_refusal_is_an_epmd_exception()
    {
        Assert.Throws<EpmdException>(() => EpmdAliveCodec.TryParseAlive2Response([118, 1, 0, 0, 0, 0], out _));
    }

    [Fact]
    public void Mutated_handshake_messages_give_a_value_or_a_handshake_exception()
    {
        var random = new Random(20261126);
        var samples = new List<byte[]>();
        var writer = new ArrayBufferWriter<byte>();
        HandshakeCodec.WriteSendName(writer, "gateway@localhost", DistributionFlags.Default, 9, HandshakeCodec.Version6);
        samples.Add(writer.WrittenSpan[2..].ToArray());
        writer.ResetWrittenCount();
        HandshakeCodec.WriteSendName(writer, "gateway@localhost", DistributionFlags.Default, 9, HandshakeCodec.Version5);
        samples.Add(writer.WrittenSpan[2..].ToArray());
        writer.ResetWrittenCount();
        HandshakeCodec.WriteChallengeReply(writer, 1, CookieDigest.Compute("c", 1));
        samples.Add(writer.WrittenSpan[2..].ToArray());
        writer.ResetWrittenCount();
        HandshakeCodec.WriteComplement(writer, DistributionFlags.Default, 1);
        samples.Add(writer.WrittenSpan[2..].ToArray());

        for (var i = 0; i < 5000; i++)
        {
            var input = Fuzz.Mutate(samples[random.Next(samples.Count)], random);
            foreach (var parse in new Action<byte[]>[]
                     {
                         b => AcceptorHandshakeCodec.ParseName(b),
                         b => AcceptorHandshakeCodec.ParseChallengeReply(b),
                         b => AcceptorHandshakeCodec.ParseComplement(b),
                     })
            {
                try
                {
                    parse(input);
                }
                catch (ErlangHandshakeException)
                {
                }
            }

            try
            {
                _ = EpmdAliveCodec.TryParseAlive2Response(input, out _);
            }
            catch (EpmdException)
            {
            }
        }
    }
}
