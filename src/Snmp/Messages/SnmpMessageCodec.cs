using Gateway.Snmp.Ber;

namespace Gateway.Snmp.Messages;

/// <summary>Encodes and decodes whole SNMP messages; pure, no security processing (see <c>Security/Usm*</c>).</summary>
public static class SnmpMessageCodec
{
    public static void WriteCommunity(BerWriter writer, SnmpVersion version, ReadOnlySpan<byte> community, Pdu pdu) =>
        WriteCommunity<Pdu>(writer, version, community, pdu);

    public static void WriteCommunity<TPdu>(BerWriter writer, SnmpVersion version, ReadOnlySpan<byte> community, TPdu pdu)
        where TPdu : IPduWriter
    {
        int msg = writer.BeginSequence();
        writer.WriteInteger((int)version);
        writer.WriteOctetString(community);
        pdu.WriteTo(writer);
        writer.EndConstructed(msg);
    }

    public static void WriteScopedPdu<TPdu>(BerWriter writer, ReadOnlySpan<byte> contextEngineId, ReadOnlySpan<byte> contextName, TPdu pdu)
        where TPdu : IPduWriter
    {
        int seq = writer.BeginSequence();
        writer.WriteOctetString(contextEngineId);
        writer.WriteOctetString(contextName);
        pdu.WriteTo(writer);
        writer.EndConstructed(seq);
    }

    /// <summary>
    /// Writes an SNMPv3 message. <paramref name="scopedPduData"/> is either a plaintext ScopedPDU
    /// (already BER) or, when <paramref name="encrypted"/>, the ciphertext to wrap in an OCTET STRING.
    /// msgAuthenticationParameters is written as <paramref name="authLength"/> zero bytes; the
    /// returned offset locates them in the writer for the digest.
    /// </summary>
    public static int WriteV3(
        BerWriter writer,
        int messageId,
        int maxSize,
        MessageFlags flags,
        ReadOnlySpan<byte> engineId,
        int engineBoots,
        int engineTime,
        ReadOnlySpan<byte> userName,
        int authLength,
        ReadOnlySpan<byte> privParameters,
        ReadOnlySpan<byte> scopedPduData,
        bool encrypted)
    {
        int msg = writer.BeginSequence();
        writer.WriteInteger(3);
        int header = writer.BeginSequence();
        writer.WriteInteger(messageId);
        writer.WriteInteger(maxSize);
        Span<byte> flagByte = [(byte)flags];
        writer.WriteOctetString(flagByte);
        writer.WriteInteger(V3Message.UsmSecurityModel);
        writer.EndConstructed(header);

        int secParams = writer.BeginConstructed(BerTag.OctetString);
        int usm = writer.BeginSequence();
        writer.WriteOctetString(engineId);
        writer.WriteInteger(engineBoots);
        writer.WriteInteger(engineTime);
        writer.WriteOctetString(userName);
        int authOffset = writer.WriteZeroOctetString(authLength);
        writer.WriteOctetString(privParameters);

        // Closing an enclosing value may shift its content right (long-form length); every such
        // shift happens before the auth field, so it moves the field by exactly the growth.
        int before = writer.Position;
        writer.EndConstructed(usm);
        authOffset += writer.Position - before;
        before = writer.Position;
        writer.EndConstructed(secParams);
        authOffset += writer.Position - before;

        if (encrypted)
        {
            writer.WriteOctetString(scopedPduData);
        }
        else
        {
            writer.WriteRaw(scopedPduData);
        }

        before = writer.Position;
        writer.EndConstructed(msg);
        authOffset += writer.Position - before;
        return authOffset;
    }

    public static SnmpMessage Decode(ReadOnlySpan<byte> data)
    {
        var outer = new BerReader(data);
        var msg = outer.ReadSequence();
        outer.EnsureEnd();
        int versionOffset = msg.Offset;
        int version = msg.ReadInteger32();
        switch (version)
        {
            case 0:
            case 1:
                {
                    var community = msg.ReadOctetString().ToArray();
                    var pdu = PduCodec.Read(ref msg);
                    msg.EnsureEnd();
                    if (pdu is TrapV1Pdu && version != 0)
                    {
                        throw new SnmpDecodeException("Trap-PDU in a v2c message");
                    }

                    if (version == 0 && pdu.Type is PduType.GetBulkRequest or PduType.InformRequest or PduType.SnmpV2Trap or PduType.Report)
                    {
                        throw new SnmpDecodeException($"{pdu.Type} in a v1 message");
                    }

                    return new CommunityMessage((SnmpVersion)version, community, pdu);
                }

            case 3:
                return DecodeV3(ref msg);
            default:
                throw new SnmpDecodeException($"unsupported SNMP version {version}") { Offset = versionOffset };
        }
    }

    private static V3Message DecodeV3(ref BerReader msg)
    {
        var header = msg.ReadSequence();
        int messageId = header.ReadInteger32();
        int maxSize = header.ReadInteger32();
        var flagBytes = header.ReadOctetString(out int flagsOffset);
        int securityModel = header.ReadInteger32();
        header.EnsureEnd();
        if (messageId < 0 || maxSize < 484 || flagBytes.Length != 1 || securityModel < 1)
        {
            throw new SnmpDecodeException("invalid msgGlobalData") { Offset = flagsOffset };
        }

        var flags = (MessageFlags)flagBytes[0];
        if ((flags & ~(MessageFlags.Auth | MessageFlags.Priv | MessageFlags.Reportable)) != 0 ||
            (flags & (MessageFlags.Auth | MessageFlags.Priv)) == MessageFlags.Priv)
        {
            throw new SnmpDecodeException("invalid msgFlags") { Offset = flagsOffset };
        }

        var secBytes = msg.ReadOctetString(out int secOffset);
        UsmSecurityParameters security = UsmSecurityParameters.Empty;
        int authOffset = -1;
        if (securityModel == V3Message.UsmSecurityModel)
        {
            var secReader = new BerReader(secBytes, secOffset, msg.Depth + 1);
            var usm = secReader.ReadSequence();
            secReader.EnsureEnd();
            var engineId = usm.ReadOctetString();
            if (engineId.Length > 32)
            {
                throw new SnmpDecodeException("msgAuthoritativeEngineID longer than 32 bytes");
            }

            int boots = usm.ReadInteger32();
            int time = usm.ReadInteger32();
            var user = usm.ReadOctetString();
            if (user.Length > 32 || boots < 0 || time < 0)
            {
                throw new SnmpDecodeException("invalid UsmSecurityParameters");
            }

            var auth = usm.ReadOctetString(out authOffset);
            var priv = usm.ReadOctetString();
            usm.EnsureEnd();
            security = new UsmSecurityParameters(engineId.ToArray(), boots, time, user.ToArray(), auth.ToArray(), priv.ToArray());
        }

        ScopedPdu? scoped = null;
        ReadOnlyMemory<byte> encrypted = default;
        byte tag = msg.PeekTag();
        if (tag == BerTag.OctetString)
        {
            encrypted = msg.ReadOctetString().ToArray();
            if ((flags & MessageFlags.Priv) == 0)
            {
                throw new SnmpDecodeException("encrypted scoped PDU without the priv flag");
            }
        }
        else
        {
            if ((flags & MessageFlags.Priv) != 0)
            {
                throw new SnmpDecodeException("plaintext scoped PDU with the priv flag");
            }

            scoped = ReadScopedPdu(ref msg);
        }

        msg.EnsureEnd();
        return new V3Message
        {
            MessageId = messageId,
            MaxSize = maxSize,
            Flags = flags,
            SecurityModel = securityModel,
            Security = security,
            ScopedPdu = scoped,
            EncryptedPdu = encrypted,
            AuthenticationParametersOffset = authOffset,
        };
    }

    /// <summary>Decodes a plaintext ScopedPDU (after decryption). Decrypted data may carry padding after the SEQUENCE, which is ignored.</summary>
    public static ScopedPdu DecodeScopedPdu(ReadOnlySpan<byte> data, int depth = 1)
    {
        var reader = new BerReader(data, 0, depth);
        return ReadScopedPdu(ref reader);
    }

    private static ScopedPdu ReadScopedPdu(ref BerReader reader)
    {
        var seq = reader.ReadSequence();
        var contextEngineId = seq.ReadOctetString().ToArray();
        var contextName = seq.ReadOctetString().ToArray();
        var pdu = PduCodec.Read(ref seq);
        seq.EnsureEnd();
        if (pdu is TrapV1Pdu)
        {
            throw new SnmpDecodeException("Trap-PDU in an SNMPv3 message");
        }

        return new ScopedPdu(contextEngineId, contextName, pdu);
    }
}
