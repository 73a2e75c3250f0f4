using System.Security.Cryptography;
using Gateway.Snmp.Ber;
using Gateway.Snmp.Messages;

namespace Gateway.Snmp.Security;

/// <summary>
/// Builds protected SNMPv3 messages: scoped PDU, AES encryption, HMAC over the whole message.
/// Reuses its buffers across calls, so one instance serves one thread (or callers hold a lock).
/// </summary>
public sealed class V3MessageEncoder
{
    private readonly BerWriter _scoped = new(1024);
    private byte[] _cipher = new byte[1024];
    private long _salt = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>Writes the message into <paramref name="output"/> (after resetting it).</summary>
    public void Encode(BerWriter output, in V3Envelope envelope, UsmUser? user, UsmLocalizedKeys? keys, ReadOnlySpan<byte> contextEngineId, ReadOnlySpan<byte> contextName, Pdu pdu) =>
        Encode<Pdu>(output, envelope, user, keys, contextEngineId, contextName, pdu);

    /// <summary>Same, with the PDU written by <paramref name="pdu"/> (a struct avoids building a PDU object).</summary>
    public void Encode<TPdu>(BerWriter output, in V3Envelope envelope, UsmUser? user, UsmLocalizedKeys? keys, ReadOnlySpan<byte> contextEngineId, ReadOnlySpan<byte> contextName, TPdu pdu)
        where TPdu : IPduWriter
    {
        var level = envelope.Level;
        if (level != SecurityLevel.NoAuthNoPriv && (keys is null || keys.AuthKey is null))
        {
            throw new InvalidOperationException("authentication needs localized keys");
        }

        if (level == SecurityLevel.AuthPriv && keys!.PrivKey is null)
        {
            throw new InvalidOperationException("privacy needs a privacy key");
        }

        _scoped.Reset();
        SnmpMessageCodec.WriteScopedPdu(_scoped, contextEngineId, contextName, pdu);

        var flags = level switch
        {
            SecurityLevel.AuthPriv => MessageFlags.Auth | MessageFlags.Priv,
            SecurityLevel.AuthNoPriv => MessageFlags.Auth,
            _ => MessageFlags.None,
        };
        if (envelope.Reportable)
        {
            flags |= MessageFlags.Reportable;
        }

        Span<byte> privParams = stackalloc byte[8];
        ReadOnlySpan<byte> data = _scoped.WrittenSpan;
        bool encrypted = false;
        if (level == SecurityLevel.AuthPriv)
        {
            if (_cipher.Length < data.Length)
            {
                _cipher = new byte[data.Length * 2];
            }

            ulong salt = (ulong)Interlocked.Increment(ref _salt);
            keys!.Encrypt(data, envelope.EngineBoots, envelope.EngineTime, salt, _cipher, privParams);
            data = _cipher.AsSpan(0, data.Length);
            encrypted = true;
        }
        else
        {
            privParams = [];
        }

        output.Reset();
        int macLength = level == SecurityLevel.NoAuthNoPriv ? 0 : keys!.MacLength;
        int macOffset = SnmpMessageCodec.WriteV3(
            output,
            envelope.MessageId,
            envelope.MaxSize,
            flags,
            envelope.AuthoritativeEngineId,
            envelope.EngineBoots,
            envelope.EngineTime,
            user?.UserNameBytes ?? [],
            macLength,
            privParams,
            data,
            encrypted);

        if (macLength > 0)
        {
            keys!.Sign(output.WrittenSpan, output.WrittenSpanForPatching(macOffset, macLength));
        }
    }
}
