using System.Security.Cryptography;

namespace Gateway.Snmp.Security;

/// <summary>Hash, digest and truncated MAC lengths per protocol (RFC 3414 §6–7, RFC 7860 §4.2.1).</summary>
public static class AuthProtocolInfo
{
    public static HashAlgorithmName HashAlgorithm(this AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => HashAlgorithmName.MD5,
        AuthProtocol.Sha1 => HashAlgorithmName.SHA1,
        AuthProtocol.Sha256 => HashAlgorithmName.SHA256,
        AuthProtocol.Sha384 => HashAlgorithmName.SHA384,
        AuthProtocol.Sha512 => HashAlgorithmName.SHA512,
        AuthProtocol.Sha224 => throw new InvalidOperationException("SHA-224 is computed by Sha224"),
        _ => throw new InvalidOperationException("no authentication protocol"),
    };

    public static int DigestLength(this AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => 16,
        AuthProtocol.Sha1 => 20,
        AuthProtocol.Sha224 => 28,
        AuthProtocol.Sha256 => 32,
        AuthProtocol.Sha384 => 48,
        AuthProtocol.Sha512 => 64,
        _ => 0,
    };

    /// <summary>Length of msgAuthenticationParameters: 12 for the RFC 3414 protocols, 16/24/32/48 for RFC 7860.</summary>
    public static int MacLength(this AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 or AuthProtocol.Sha1 => 12,
        AuthProtocol.Sha224 => 16,
        AuthProtocol.Sha256 => 24,
        AuthProtocol.Sha384 => 32,
        AuthProtocol.Sha512 => 48,
        _ => 0,
    };

    public static int KeyLength(this PrivProtocol protocol) => protocol switch
    {
        PrivProtocol.Aes128 => 16,
        PrivProtocol.Aes192 or PrivProtocol.Aes192Cisco => 24,
        PrivProtocol.Aes256 or PrivProtocol.Aes256Cisco => 32,
        _ => 0,
    };
}
