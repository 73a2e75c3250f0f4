using System.Buffers;
using Gateway.Erlang.Distribution;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Distribution;

public sealed class ControlMessageCodecTests
{
    private static readonly ErlangAtom Node = ErlangAtom.Of("n1@localhost");
    private static readonly ErlangPid From = new(Node, 85, 0, 7);
    private static readonly ErlangPid To = new(ErlangAtom.Of("gw@localhost"), 3, 0, 9);
    private static readonly ErlangRef Ref = new(Node, 7, [1, 2, 3]);

    private static readonly string[] OperationNames =
    [
        "send", "send_sender", "reg_send", "link", "exit", "exit2", "monitor_p", "demonitor_p", "monitor_p_exit",
        "unlink_id", "unlink_id_ack",
    ];

    public static TheoryData<string> Operations => new(OperationNames);

    [Theory]
    [MemberData(nameof(Operations))]
    public void Encoded_messages_decode_to_the_same_fields(string operation)
    {
        var message = Build(operation);

        var decoded = RoundTrip(message);

        Assert.Equal(message.Operation, decoded.Operation);
        Assert.Equal(message.To, decoded.To);
        Assert.Equal(message.Message, decoded.Message);
        Assert.Equal(message.Reason, decoded.Reason);
        Assert.Equal(message.Reference, decoded.Reference);
        Assert.Equal(message.UnlinkId, decoded.UnlinkId);
        if (message.Operation != ControlOperation.Send)
        {
            Assert.Equal(message.From, decoded.From);
        }
    }

    [Fact]
    public void Reg_send_is_p_then_the_control_tuple_then_the_message()
    {
        var writer = new ArrayBufferWriter<byte>();

        ControlMessageCodec.Encode(ControlMessage.RegSend(From, ErlangAtom.Of("rex"), ErlangAtom.Ok), writer);

        var bytes = writer.WrittenSpan;
        Assert.Equal((byte)'p', bytes[0]);
        var control = TermDecoder.Decode(bytes[1..], out var used);
        Assert.Equal(ErlangTerm.Tuple(ErlangInteger.Of(6), From, ErlangAtom.Of(string.Empty), ErlangAtom.Of("rex")), control);
        Assert.Equal(ErlangAtom.Ok, TermDecoder.Decode(bytes[(1 + used)..]));
    }

    [Fact]
    public void Payload_exit_puts_the_payload_in_the_reason()
    {
        var body = Concat(
            TermEncoder.ToBytes(ErlangTerm.Tuple(ErlangInteger.Of(24), From, To)),
            TermEncoder.ToBytes(ErlangAtom.Of("killed")));

        var decoded = ControlMessageCodec.Decode(body);

        Assert.Equal(ControlOperation.PayloadExit, decoded.Operation);
        Assert.Equal(From, decoded.From);
        Assert.Equal(ErlangAtom.Of("killed"), decoded.Reason);
    }

    [Fact]
    public void Payload_monitor_exit_carries_reference_and_reason()
    {
        var body = Concat(
            TermEncoder.ToBytes(ErlangTerm.Tuple(ErlangInteger.Of(28), From, To, Ref)),
            TermEncoder.ToBytes(ErlangAtom.Of("noproc")));

        var decoded = ControlMessageCodec.Decode(body);

        Assert.Equal(Ref, decoded.Reference);
        Assert.Equal(ErlangAtom.Of("noproc"), decoded.Reason);
    }

    [Theory]
    [InlineData("{2}")]
    [InlineData("atom")]
    [InlineData("{x, 1}")]
    public void Control_messages_of_the_wrong_shape_are_term_format_errors(string shape)
    {
        ErlangTerm control = shape switch
        {
            "{2}" => ErlangTerm.Tuple(ErlangInteger.Of(2)),
            "atom" => ErlangAtom.Of("hello"),
            _ => ErlangTerm.Tuple(ErlangAtom.Of("x"), ErlangInteger.Of(1)),
        };

        Assert.Throws<TermFormatException>(() => ControlMessageCodec.Decode(TermEncoder.ToBytes(control)));
    }

    [Fact]
    public void Fuzzed_control_messages_give_a_value_or_a_term_format_exception()
    {
        var random = new Random(112);
        var samples = OperationNames.Select(o => Encode(Build(o))[1..]).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var mutated = Fuzz.Mutate(samples[i % samples.Length], random);
            try
            {
                _ = ControlMessageCodec.Decode(mutated);
            }
            catch (TermFormatException)
            {
            }
        }
    }

    private static ControlMessage Build(string operation) => operation switch
    {
        "send" => ControlMessage.Send(null, To, ErlangTerm.Tuple(ErlangAtom.Ok, ErlangInteger.Of(1))),
        "send_sender" => ControlMessage.Send(From, To, ErlangBinary.FromString("hello")),
        "reg_send" => ControlMessage.RegSend(From, ErlangAtom.Of("gateway_logs"), ErlangTerm.List(ErlangInteger.Of(1))),
        "link" => ControlMessage.Link(From, To),
        "exit" => ControlMessage.Exit(From, To, ErlangAtom.Of("normal")),
        "exit2" => ControlMessage.Exit2(From, To, ErlangAtom.Of("kill")),
        "monitor_p" => ControlMessage.MonitorP(From, ErlangAtom.Of("rex"), Ref),
        "demonitor_p" => ControlMessage.DemonitorP(From, To, Ref),
        "monitor_p_exit" => ControlMessage.MonitorPExit(From, To, Ref, ErlangAtom.Of("noconnection")),
        "unlink_id" => ControlMessage.UnlinkIdMessage(ErlangInteger.Of(77), From, To),
        _ => ControlMessage.UnlinkIdAck(ErlangInteger.Of(77), From, To),
    };

    private static byte[] Encode(ControlMessage message)
    {
        var writer = new ArrayBufferWriter<byte>();
        ControlMessageCodec.Encode(message, writer);
        return writer.WrittenSpan.ToArray();
    }

    private static ControlMessage RoundTrip(ControlMessage message) => ControlMessageCodec.Decode(Encode(message).AsSpan(1));

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];
}
