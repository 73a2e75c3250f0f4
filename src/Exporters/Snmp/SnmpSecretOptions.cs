namespace Gateway.Exporters.Snmp;

/// <summary>A USM protocol and its passphrase (<c>auth:</c> or <c>priv:</c>). Never printed.</summary>
public sealed class SnmpSecretOptions
{
    /// <summary>auth: MD5, SHA, SHA224, SHA256, SHA384, SHA512; priv: AES128 (= AES), AES192, AES256, AES192C, AES256C.</summary>
    public string? Protocol { get; set; }

    /// <summary>At least 8 characters (RFC 3414 §11.2).</summary>
    public string? Passphrase { get; set; }

    public override string ToString() => $"{Protocol} (passphrase hidden)";
}
