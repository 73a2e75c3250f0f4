using System.Buffers;
using System.Net.Sockets;
using Gateway.Erlang.Distribution;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class HandshakeProtocolTests
{
    private const uint OurCreation = 0xCAFE0001;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public void Cookie_digest_is_md5_of_cookie_and_decimal_challenge()
    {
        // erlang:md5("testcookie" ++ integer_to_list(12345)) on OTP 25.
        Assert.Equal(Convert.FromHexString("0e60fecdfe61223c70660d0e05625acf"), CookieDigest.Compute("testcookie", 12345));
        Assert.Equal(Convert.FromHexString("beec35cc2e8e170d9c45291c5c1eb475"), CookieDigest.Compute("abc", uint.MaxValue));
    }

    [Fact]
    public void New_send_name_has_tag_flags_creation_and_name_length()
    {
        var writer = new ArrayBufferWriter<byte>();

        HandshakeCodec.WriteSendName(writer, "a@b", (DistributionFlags)0x0000_0004_0100_0104, 0x11223344, 6);

        Assert.Equal(
            Convert.FromHexString("0012" + "4E" + "0000000401000104" + "11223344" + "0003" + "614062"),
            writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Old_send_name_has_version_5_and_the_low_flag_bits()
    {
        var writer = new ArrayBufferWriter<byte>();

        HandshakeCodec.WriteSendName(writer, "a@b", (DistributionFlags)0x0000_0004_0100_0104, 0x11223344, 5);

        Assert.Equal(Convert.FromHexString("000A" + "6E" + "0005" + "01000104" + "614062"), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task Version6_handshake_sends_64_bit_flags_and_our_creation()
    {
        using var acceptor = new FakeAcceptor();

        var result = await HandshakeAsync(acceptor, version: 6);

        Assert.Equal((byte)'N', acceptor.NameTag);
        Assert.Equal((ulong)DistributionFlags.Default, acceptor.ReceivedFlags);
        Assert.Equal(OurCreation, acceptor.ReceivedCreation);
        Assert.Equal("us@localhost", acceptor.ReceivedName);
        Assert.False(acceptor.GotComplement);
        Assert.Equal("fake@localhost", result.PeerNodeName);
        Assert.Equal(acceptor.Creation, result.PeerCreation);
    }

    [Fact]
    public async Task Version5_name_is_completed_when_the_peer_answers_with_a_new_challenge()
    {
        using var acceptor = new FakeAcceptor { NewChallenge = true };

        await HandshakeAsync(acceptor, version: 5);

        Assert.Equal((byte)'n', acceptor.NameTag);
        Assert.True(acceptor.GotComplement);
        Assert.Equal((ulong)DistributionFlags.Default, acceptor.ReceivedFlags);
        Assert.Equal(OurCreation, acceptor.ReceivedCreation);
    }

    [Fact]
    public async Task Version5_peer_gets_no_complement_and_only_32_bit_flags_count()
    {
        using var acceptor = new FakeAcceptor { NewChallenge = false };

        var result = await HandshakeAsync(acceptor, version: 5);

        Assert.False(acceptor.GotComplement);
        Assert.Equal(0u, result.PeerCreation);
        Assert.Equal(DistributionFlags.None, result.Flags & DistributionFlags.V4NC);
    }

    [Fact]
    public async Task Alive_status_is_answered_with_true_to_replace_the_stale_connection()
    {
        using var acceptor = new FakeAcceptor { Status = "alive" };

        await HandshakeAsync(acceptor, version: 6);

        Assert.Equal("true", acceptor.StatusReply);
    }

    [Theory]
    [InlineData("not_allowed", "not_allowed")]
    [InlineData("nok", "nok")]
    [InlineData("weird", "'weird'")]
    public async Task Refusing_status_is_a_handshake_error_naming_it(string status, string expected)
    {
        using var acceptor = new FakeAcceptor { Status = status };

        var error = await Assert.ThrowsAsync<ErlangHandshakeException>(() => HandshakeAsync(acceptor, version: 6));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peer_closing_after_our_reply_means_it_rejected_our_cookie()
    {
        using var acceptor = new FakeAcceptor { Cookie = "other" };

        var error = await Assert.ThrowsAsync<ErlangAuthenticationException>(() => HandshakeAsync(acceptor, version: 6));

        Assert.Equal("Node fake@localhost rejected our cookie.", error.Message);
    }

    [Fact]
    public async Task Wrong_digest_in_the_ack_is_an_authentication_error()
    {
        using var acceptor = new FakeAcceptor { AckCookie = "liar" };

        var error = await Assert.ThrowsAsync<ErlangAuthenticationException>(() => HandshakeAsync(acceptor, version: 6));

        Assert.Contains("wrong digest", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("testcookie", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzzed_handshake_messages_give_a_value_or_a_handshake_exception()
    {
        var random = new Random(23);
        byte[][] samples =
        [
            Convert.FromHexString("4E" + "000000040107FFFF" + "00003039" + "01020304" + "000E" + Convert.ToHexString("fake@localhost"u8)),
            Convert.FromHexString("6E" + "0005" + "0107FFFF" + "00003039" + Convert.ToHexString("fake@localhost"u8)),
            Convert.FromHexString("73" + "6F6B"),
            [(byte)'a', .. new byte[16]],
        ];
        for (var i = 0; i < 5000; i++)
        {
            var mutated = Fuzz.Mutate(samples[i % samples.Length], random);
            Try(() => HandshakeCodec.ParseChallenge(mutated));
            Try(() => HandshakeCodec.ParseStatus(mutated));
            Try(() => HandshakeCodec.ParseChallengeAck(mutated).Length);
        }

        static void Try<T>(Func<T> parse)
        {
            try
            {
                _ = parse();
            }
            catch (ErlangHandshakeException)
            {
            }
        }
    }

    private static async Task<HandshakeResult> HandshakeAsync(FakeAcceptor acceptor, int version)
    {
        using var cts = new CancellationTokenSource(Guard);
        var accepting = acceptor.RunAsync(cts.Token);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", acceptor.Port, cts.Token);
        try
        {
            return await DistributionHandshake.PerformAsync(
                client.GetStream(), "us@localhost", "fake@localhost", "testcookie", DistributionFlags.Default, OurCreation, version, cts.Token);
        }
        finally
        {
            client.Close();
            try
            {
                await accepting;
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or OperationCanceledException or SocketException)
            {
                // The acceptor's side ends when we hang up.
            }
        }
    }
}
