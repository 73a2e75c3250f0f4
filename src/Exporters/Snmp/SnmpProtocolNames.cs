using Gateway.Snmp.Messages;
using Gateway.Snmp.Security;

namespace Gateway.Exporters.Snmp;

/// <summary>
/// The config names of versions and USM protocols. Case and dashes are ignored, so
/// net-snmp's spellings (<c>SHA-256</c>, <c>AES-128</c>) work as well as ours (<c>SHA256</c>, <c>AES128</c>).
/// </summary>
public static class SnmpProtocolNames
{
    public const string Versions = "v1, v2c, v3";

    public const string AuthProtocols = "MD5, SHA, SHA224, SHA256, SHA384, SHA512";

    public const string PrivProtocols = "AES128, AES192, AES256, AES192C, AES256C";

    public static bool TryParseVersion(string? text, out SnmpVersion version)
    {
        switch (Normalize(text))
        {
            case "V1" or "1":
                version = SnmpVersion.V1;
                return true;
            case "V2C" or "2C":
                version = SnmpVersion.V2c;
                return true;
            case "V3" or "3":
                version = SnmpVersion.V3;
                return true;
            default:
                version = default;
                return false;
        }
    }

    public static bool TryParseAuth(string? text, out AuthProtocol protocol)
    {
        protocol = Normalize(text) switch
        {
            "MD5" => AuthProtocol.Md5,
            "SHA" or "SHA1" => AuthProtocol.Sha1,
            "SHA224" => AuthProtocol.Sha224,
            "SHA256" => AuthProtocol.Sha256,
            "SHA384" => AuthProtocol.Sha384,
            "SHA512" => AuthProtocol.Sha512,
            _ => AuthProtocol.None,
        };
        return protocol != AuthProtocol.None;
    }

    public static bool TryParsePriv(string? text, out PrivProtocol protocol)
    {
        protocol = Normalize(text) switch
        {
            "AES" or "AES128" => PrivProtocol.Aes128,
            "AES192" => PrivProtocol.Aes192,
            "AES256" => PrivProtocol.Aes256,
            "AES192C" => PrivProtocol.Aes192Cisco,
            "AES256C" => PrivProtocol.Aes256Cisco,
            _ => PrivProtocol.None,
        };
        return protocol != PrivProtocol.None;
    }

    private static string Normalize(string? text) =>
        text is null ? string.Empty : text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
