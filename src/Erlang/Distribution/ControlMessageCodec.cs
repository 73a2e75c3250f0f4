using System.Buffers;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Distribution;

/// <summary>
/// Pass-through distribution messages: 'p', the control tuple, then for sends and PAYLOAD_* signals a
/// second term (each with its own version byte). Pure: no I/O.
/// </summary>
public static class ControlMessageCodec
{
    public const byte PassThrough = (byte)'p';

    private static readonly ErlangAtom Unused = ErlangAtom.Of(string.Empty);

    /// <summary>Writes 'p', the control tuple and the payload (if the operation has one).</summary>
    public static void Encode(ControlMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        var span = writer.GetSpan(1);
        span[0] = PassThrough;
        writer.Advance(1);
        var (control, payload) = ToWire(message);
        TermEncoder.Encode(control, writer, true);
        if (payload is not null)
        {
            TermEncoder.Encode(payload, writer, true);
        }
    }

    /// <summary>Decodes a pass-through message body (the bytes after 'p').</summary>
    /// <exception cref="TermFormatException">The bytes are not a control message.</exception>
    public static ControlMessage Decode(ReadOnlySpan<byte> body, TermDecoderOptions? options = null)
    {
        var control = TermDecoder.Decode(body, out var consumed, options);
        if (control is not ErlangTuple tuple || tuple.Arity == 0 || !tuple[0].TryGetLong(out var op))
        {
            throw new TermFormatException($"A control message is a tuple starting with an integer; got {Describe(control)}", 0);
        }

        ErlangTerm? payload = null;
        if (consumed < body.Length)
        {
            payload = TermDecoder.Decode(body[consumed..], options);
        }

        return FromWire((ControlOperation)op, tuple, payload);
    }

    private static (ErlangTuple Control, ErlangTerm? Payload) ToWire(ControlMessage m)
    {
        var op = ErlangInteger.Of((int)m.Operation);
        return m.Operation switch
        {
            ControlOperation.Send => (new ErlangTuple(op, Unused, Need(m.To)), Need(m.Message)),
            ControlOperation.SendSender => (new ErlangTuple(op, Need(m.From), Need(m.To)), Need(m.Message)),
            ControlOperation.RegSend => (new ErlangTuple(op, Need(m.From), Unused, Need(m.To)), Need(m.Message)),
            ControlOperation.AliasSend => (new ErlangTuple(op, Need(m.From), Need(m.To)), Need(m.Message)),
            ControlOperation.Link or ControlOperation.Unlink or ControlOperation.GroupLeader =>
                (new ErlangTuple(op, Need(m.From), Need(m.To)), null),
            ControlOperation.Exit or ControlOperation.Exit2 =>
                (new ErlangTuple(op, Need(m.From), Need(m.To), Need(m.Reason)), null),
            ControlOperation.PayloadExit or ControlOperation.PayloadExit2 =>
                (new ErlangTuple(op, Need(m.From), Need(m.To)), Need(m.Reason)),
            ControlOperation.MonitorP or ControlOperation.DemonitorP =>
                (new ErlangTuple(op, Need(m.From), Need(m.To), Need(m.Reference)), null),
            ControlOperation.MonitorPExit =>
                (new ErlangTuple(op, Need(m.From), Need(m.To), Need(m.Reference), Need(m.Reason)), null),
            ControlOperation.PayloadMonitorPExit =>
                (new ErlangTuple(op, Need(m.From), Need(m.To), Need(m.Reference)), Need(m.Reason)),
            ControlOperation.UnlinkId or ControlOperation.UnlinkIdAck =>
                (new ErlangTuple(op, Need(m.UnlinkId), Need(m.From), Need(m.To)), null),
            ControlOperation.SpawnRequest =>
                (new ErlangTuple(op, Need(m.Reference), Need(m.From), Need(m.GroupLeader), Need(m.Entry), Need(m.Options)), Need(m.Message)),
            ControlOperation.SpawnReply =>
                (new ErlangTuple(op, Need(m.Reference), Need(m.To), Need(m.Options), Need(m.Result)), null),
            _ => throw new NotSupportedException($"Sending {m.Operation} is not supported."),
        };
    }

    private static ControlMessage FromWire(ControlOperation op, ErlangTuple t, ErlangTerm? payload)
    {
        ErlangTerm? At(int i) => i < t.Arity ? t[i] : null;

        // Arity per operation from erl_dist_protocol; a short tuple is malformed.
        var expectedArity = op switch
        {
            ControlOperation.NodeLink => 1,
            ControlOperation.Link or ControlOperation.Unlink or ControlOperation.GroupLeader or ControlOperation.Send
                or ControlOperation.SendSender or ControlOperation.PayloadExit or ControlOperation.PayloadExit2
                or ControlOperation.AliasSend => 3,
            ControlOperation.Exit or ControlOperation.Exit2 or ControlOperation.RegSend or ControlOperation.SendTT
                or ControlOperation.MonitorP or ControlOperation.DemonitorP or ControlOperation.SendSenderTT
                or ControlOperation.PayloadExitTT or ControlOperation.PayloadExit2TT or ControlOperation.PayloadMonitorPExit
                or ControlOperation.AliasSendTT or ControlOperation.UnlinkId or ControlOperation.UnlinkIdAck => 4,
            ControlOperation.ExitTT or ControlOperation.Exit2TT or ControlOperation.RegSendTT or ControlOperation.MonitorPExit
                or ControlOperation.SpawnReply => 5,
            ControlOperation.SpawnRequest or ControlOperation.SpawnReplyTT => 6,
            ControlOperation.SpawnRequestTT => 7,
            _ => 1,
        };
        if (t.Arity < expectedArity)
        {
            throw new TermFormatException($"Control message {op} has {t.Arity} elements; expected {expectedArity}", 0);
        }

        var m = new ControlMessage { Operation = op, Raw = t };
        return op switch
        {
            ControlOperation.Send => m with { To = At(2), Message = payload },
            ControlOperation.SendTT => m with { To = At(2), TraceToken = At(3), Message = payload },
            ControlOperation.SendSender or ControlOperation.AliasSend => m with { From = At(1), To = At(2), Message = payload },
            ControlOperation.SendSenderTT or ControlOperation.AliasSendTT =>
                m with { From = At(1), To = At(2), TraceToken = At(3), Message = payload },
            ControlOperation.RegSend => m with { From = At(1), To = At(3), Message = payload },
            ControlOperation.RegSendTT => m with { From = At(1), To = At(3), TraceToken = At(4), Message = payload },
            ControlOperation.Link or ControlOperation.Unlink or ControlOperation.GroupLeader => m with { From = At(1), To = At(2) },
            ControlOperation.Exit or ControlOperation.Exit2 => m with { From = At(1), To = At(2), Reason = At(3) },
            ControlOperation.ExitTT or ControlOperation.Exit2TT => m with { From = At(1), To = At(2), TraceToken = At(3), Reason = At(4) },
            ControlOperation.PayloadExit or ControlOperation.PayloadExit2 => m with { From = At(1), To = At(2), Reason = payload },
            ControlOperation.PayloadExitTT or ControlOperation.PayloadExit2TT =>
                m with { From = At(1), To = At(2), TraceToken = At(3), Reason = payload },
            ControlOperation.MonitorP or ControlOperation.DemonitorP => m with { From = At(1), To = At(2), Reference = At(3) },
            ControlOperation.MonitorPExit => m with { From = At(1), To = At(2), Reference = At(3), Reason = At(4) },
            ControlOperation.PayloadMonitorPExit => m with { From = At(1), To = At(2), Reference = At(3), Reason = payload },
            ControlOperation.UnlinkId or ControlOperation.UnlinkIdAck => m with { UnlinkId = At(1), From = At(2), To = At(3) },
            ControlOperation.SpawnRequest or ControlOperation.SpawnRequestTT => m with
            {
                Reference = At(1),
                From = At(2),
                GroupLeader = At(3),
                Entry = At(4),
                Options = At(5),
                TraceToken = op == ControlOperation.SpawnRequestTT ? At(6) : null,
                Message = payload,
            },
            ControlOperation.SpawnReply or ControlOperation.SpawnReplyTT => m with
            {
                Reference = At(1),
                To = At(2),
                Options = At(3),
                Result = At(4),
                TraceToken = op == ControlOperation.SpawnReplyTT ? At(5) : null,
            },
            _ => m with { Message = payload },
        };
    }

    private static ErlangTerm Need(ErlangTerm? term) =>
        term ?? throw new ArgumentException("The control message lacks a field its operation needs.");

    private static string Describe(ErlangTerm term)
    {
        var text = term.ToString();
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
