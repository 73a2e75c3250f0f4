namespace Gateway.Snmp.Messages;

/// <summary>UsmSecurityParameters, RFC 3414 §2.4.</summary>
public sealed record UsmSecurityParameters(
    byte[] AuthoritativeEngineId,
    int AuthoritativeEngineBoots,
    int AuthoritativeEngineTime,
    byte[] UserName,
    byte[] AuthenticationParameters,
    byte[] PrivacyParameters)
{
    public static UsmSecurityParameters Empty { get; } = new([], 0, 0, [], [], []);
}
