using Gateway.Snmp.Ber;
using Gateway.Snmp.Messages;

namespace Gateway.Snmp.Security;

/// <summary>Authentication and decryption of a received SNMPv3 message (RFC 3414 §3.2 steps 6–8). Timeliness is the caller's: only the authoritative side checks it.</summary>
public static class UsmIncoming
{
    public static SecurityLevel LevelOf(MessageFlags flags) =>
        (flags & MessageFlags.Priv) != 0 ? SecurityLevel.AuthPriv : (flags & MessageFlags.Auth) != 0 ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv;

    public static UsmStatus Unprotect(V3Message message, ReadOnlySpan<byte> raw, UsmLocalizedKeys? keys, out ScopedPdu? scoped)
    {
        scoped = null;
        var level = LevelOf(message.Flags);
        if (level != SecurityLevel.NoAuthNoPriv)
        {
            if (keys is null || keys.AuthKey is null)
            {
                return UsmStatus.UnsupportedSecurityLevel;
            }

            if (!keys.Verify(raw, message.AuthenticationParametersOffset, message.Security.AuthenticationParameters))
            {
                return UsmStatus.WrongDigest;
            }
        }

        if (level != SecurityLevel.AuthPriv)
        {
            scoped = message.ScopedPdu;
            return scoped is null ? UsmStatus.DecryptionError : UsmStatus.Ok;
        }

        if (keys!.PrivKey is null)
        {
            return UsmStatus.UnsupportedSecurityLevel;
        }

        var cipher = message.EncryptedPdu.Span;
        var plain = new byte[cipher.Length];
        if (!keys.TryDecrypt(cipher, message.Security.AuthoritativeEngineBoots, message.Security.AuthoritativeEngineTime, message.Security.PrivacyParameters, plain))
        {
            return UsmStatus.DecryptionError;
        }

        try
        {
            scoped = SnmpMessageCodec.DecodeScopedPdu(plain, depth: 2);
            return UsmStatus.Ok;
        }
        catch (SnmpDecodeException)
        {
            return UsmStatus.DecryptionError;
        }
    }
}
