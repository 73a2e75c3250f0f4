using System.Buffers;
using System.Text;
using Gateway.Erlang.Epmd;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class EpmdProtocolTests
{
    [Fact]
    public void Port_please2_request_is_length_tag_and_name()
    {
        var writer = new ArrayBufferWriter<byte>();

        EpmdProtocol.WritePortPlease2Request(writer, "n1");

        Assert.Equal(new byte[] { 0, 3, 122, (byte)'n', (byte)'1' }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Names_request_is_a_single_tag()
    {
        var writer = new ArrayBufferWriter<byte>();

        EpmdProtocol.WriteNamesRequest(writer);

        Assert.Equal(new byte[] { 0, 1, 110 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Port2_response_gives_every_field()
    {
        byte[] response = [119, 0, 0x9C, 0x40, 77, 0, 0, 6, 0, 5, 0, 2, (byte)'n', (byte)'1', 0, 2, 0xAB, 0xCD];

        var info = EpmdProtocol.ParsePort2Response(response);

        Assert.NotNull(info);
        Assert.Equal("n1", info.Name);
        Assert.Equal(40000, info.Port);
        Assert.Equal(EpmdNodeType.Normal, info.NodeType);
        Assert.Equal(0, info.Protocol);
        Assert.Equal(6, info.HighestVersion);
        Assert.Equal(5, info.LowestVersion);
        Assert.Equal(new byte[] { 0xAB, 0xCD }, info.Extra.ToArray());
    }

    [Fact]
    public void Port2_response_with_a_nonzero_result_means_not_registered()
    {
        Assert.Null(EpmdProtocol.ParsePort2Response([119, 1]));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 120, 0 })]
    [InlineData(new byte[] { 119, 0, 0x9C, 0x40, 77 })]
    [InlineData(new byte[] { 119, 0, 0x9C, 0x40, 77, 0, 0, 6, 0, 5, 0, 9, (byte)'n' })]
    public void Malformed_port2_response_is_an_epmd_exception(byte[] response)
    {
        Assert.Throws<EpmdException>(() => EpmdProtocol.ParsePort2Response(response));
    }

    [Fact]
    public void Names_response_lists_every_node_and_skips_noise()
    {
        var text = "name n1 at port 41234\nname rabbit at port 25672\ngarbage line\nname x at port 99999999\n";
        byte[] response = [0, 0, 0x11, 0x11, .. Encoding.ASCII.GetBytes(text)];

        var names = EpmdProtocol.ParseNamesResponse(response, out var epmdPort);

        Assert.Equal(4369, epmdPort);
        Assert.Equal([new EpmdNameEntry("n1", 41234), new EpmdNameEntry("rabbit", 25672)], names);
    }

    [Fact]
    public void Fuzzed_epmd_responses_give_a_value_or_an_epmd_exception()
    {
        var random = new Random(4369);
        byte[] port2 = [119, 0, 0x9C, 0x40, 77, 0, 0, 6, 0, 5, 0, 2, (byte)'n', (byte)'1', 0, 0];
        var names = Encoding.ASCII.GetBytes("\0\0\u0011\u0011name n1 at port 41234\n");
        for (var i = 0; i < 5000; i++)
        {
            foreach (var sample in new[] { port2, names })
            {
                var mutated = Fuzz.Mutate(sample, random);
                try
                {
                    _ = EpmdProtocol.ParsePort2Response(mutated);
                }
                catch (EpmdException)
                {
                }

                try
                {
                    _ = EpmdProtocol.ParseNamesResponse(mutated, out _);
                }
                catch (EpmdException)
                {
                }
            }
        }
    }
}
