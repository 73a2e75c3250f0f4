using System.Buffers;
using System.Security.Cryptography;

namespace Gateway.Snmp.Security;

/// <summary>USM key derivation: password to key and key localization (RFC 3414 §A.2, RFC 7860 §9.3), AES key sizing.</summary>
public static class UsmKeys
{
    private const int ExpansionLength = 1_048_576;

    /// <summary>Ku: the hash of the password repeated to 1 MB (RFC 3414 §A.2.1/A.2.2).</summary>
    public static byte[] PasswordToKey(AuthProtocol protocol, ReadOnlySpan<byte> password)
    {
        if (password.IsEmpty)
        {
            throw new ArgumentException("the password is empty", nameof(password));
        }

        byte[] expanded = ArrayPool<byte>.Shared.Rent(ExpansionLength);
        try
        {
            var span = expanded.AsSpan(0, ExpansionLength);
            int filled = 0;
            while (filled < ExpansionLength)
            {
                int n = Math.Min(password.Length, ExpansionLength - filled);
                password[..n].CopyTo(span[filled..]);
                filled += n;
            }

            return Hash(protocol, span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded.AsSpan(0, ExpansionLength));
            ArrayPool<byte>.Shared.Return(expanded);
        }
    }

    /// <summary>Kul = H(Ku ‖ snmpEngineID ‖ Ku) (RFC 3414 §2.6).</summary>
    public static byte[] Localize(AuthProtocol protocol, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> engineId)
    {
        byte[] buffer = new byte[(masterKey.Length * 2) + engineId.Length];
        masterKey.CopyTo(buffer);
        engineId.CopyTo(buffer.AsSpan(masterKey.Length));
        masterKey.CopyTo(buffer.AsSpan(masterKey.Length + engineId.Length));
        var result = Hash(protocol, buffer);
        CryptographicOperations.ZeroMemory(buffer);
        return result;
    }

    /// <summary>
    /// The AES key from a localized privacy key: its first 16/24/32 bytes. When the hash is shorter
    /// than the cipher key (AES-192/256 with MD5 or SHA-1 …) the key is extended as net-snmp does:
    /// <c>AES-192/AES-256</c> (draft-blumenthal-aes-usm-04 §3.1.2.1): Kul' = Kul ‖ H(Kul), repeated;
    /// <c>AES-192C/AES-256C</c> (Reeder draft §2.1): Kul' = Kul ‖ localize(passwordToKey(Kul)), repeated.
    /// </summary>
    public static byte[] PrivacyKey(AuthProtocol authProtocol, PrivProtocol privProtocol, ReadOnlySpan<byte> localizedKey, ReadOnlySpan<byte> engineId)
    {
        int need = privProtocol.KeyLength();
        byte[] key = localizedKey.ToArray();
        bool reeder = privProtocol is PrivProtocol.Aes192Cisco or PrivProtocol.Aes256Cisco;
        while (key.Length < need)
        {
            var extension = reeder
                ? Localize(authProtocol, PasswordToKey(authProtocol, key), engineId)
                : Hash(authProtocol, key);
            var longer = new byte[key.Length + extension.Length];
            key.CopyTo(longer, 0);
            extension.CopyTo(longer, key.Length);
            key = longer;
        }

        return key[..need];
    }

    internal static byte[] Hash(AuthProtocol protocol, ReadOnlySpan<byte> data)
    {
        switch (protocol)
        {
#pragma warning disable CA5351, CA5350 // RFC 3414 defines these protocols; peers choose them, not us.
            case AuthProtocol.Md5:
                return MD5.HashData(data);
            case AuthProtocol.Sha1:
                return SHA1.HashData(data);
#pragma warning restore CA5351, CA5350
            case AuthProtocol.Sha224:
                var digest = new byte[Sha224.HashLength];
                Sha224.HashData(data, digest);
                return digest;
            case AuthProtocol.Sha256:
                return SHA256.HashData(data);
            case AuthProtocol.Sha384:
                return SHA384.HashData(data);
            case AuthProtocol.Sha512:
                return SHA512.HashData(data);
            default:
                throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no hash for this protocol");
        }
    }
}
