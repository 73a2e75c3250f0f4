namespace Gateway.Snmp.Messages;

/// <summary>
/// An SNMPv3 message (RFC 3412 §6) with USM security parameters. When the scoped PDU is encrypted,
/// <see cref="ScopedPdu"/> is null and <see cref="EncryptedPdu"/> holds the ciphertext.
/// </summary>
public sealed class V3Message : SnmpMessage
{
    public const int UsmSecurityModel = 3;

    public override SnmpVersion Version => SnmpVersion.V3;

    public required int MessageId { get; init; }

    public required int MaxSize { get; init; }

    public required MessageFlags Flags { get; init; }

    public required int SecurityModel { get; init; }

    public required UsmSecurityParameters Security { get; init; }

    public ScopedPdu? ScopedPdu { get; init; }

    public ReadOnlyMemory<byte> EncryptedPdu { get; init; }

    /// <summary>Offset of msgAuthenticationParameters' content in the decoded buffer (for digest checks), -1 if absent.</summary>
    public int AuthenticationParametersOffset { get; init; } = -1;
}
