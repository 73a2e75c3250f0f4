using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Snmp.Security;

/// <summary>
/// A USM user with its master keys (Ku). The 1 MB password expansion runs once here; localized keys
/// per engine ID are cached, so a sender or agent pays the derivation only once per peer engine.
/// Passwords are not kept, and <see cref="ToString"/> shows no secret.
/// </summary>
public sealed class UsmUser
{
    private readonly byte[]? _authMaster;
    private readonly byte[]? _privMaster;
    private readonly ConcurrentDictionary<string, UsmLocalizedKeys> _localized = new(StringComparer.Ordinal);

    public UsmUser(string userName, AuthProtocol auth = AuthProtocol.None, string? authPassword = null, PrivProtocol priv = PrivProtocol.None, string? privPassword = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        if (Encoding.UTF8.GetByteCount(userName) > 32)
        {
            throw new ArgumentException("a USM user name is at most 32 bytes", nameof(userName));
        }

        if (priv != PrivProtocol.None && auth == AuthProtocol.None)
        {
            throw new ArgumentException("privacy needs an authentication protocol", nameof(priv));
        }

        UserName = userName;
        UserNameBytes = Encoding.UTF8.GetBytes(userName);
        Auth = auth;
        Priv = priv;
        if (auth != AuthProtocol.None)
        {
            if (string.IsNullOrEmpty(authPassword) || authPassword.Length < 8)
            {
                throw new ArgumentException("the authentication passphrase needs at least 8 characters (RFC 3414 §11.2)", nameof(authPassword));
            }

            _authMaster = UsmKeys.PasswordToKey(auth, Encoding.UTF8.GetBytes(authPassword));
        }

        if (priv != PrivProtocol.None)
        {
            if (string.IsNullOrEmpty(privPassword) || privPassword.Length < 8)
            {
                throw new ArgumentException("the privacy passphrase needs at least 8 characters (RFC 3414 §11.2)", nameof(privPassword));
            }

            _privMaster = UsmKeys.PasswordToKey(auth, Encoding.UTF8.GetBytes(privPassword));
        }
    }

    public string UserName { get; }

    public byte[] UserNameBytes { get; }

    public AuthProtocol Auth { get; }

    public PrivProtocol Priv { get; }

    public SecurityLevel Level => Priv != PrivProtocol.None ? SecurityLevel.AuthPriv : Auth != AuthProtocol.None ? SecurityLevel.AuthNoPriv : SecurityLevel.NoAuthNoPriv;

    /// <summary>Keys localized to <paramref name="engineId"/>, computed once and cached.</summary>
    public UsmLocalizedKeys Localize(ReadOnlySpan<byte> engineId)
    {
        string key = Convert.ToHexString(engineId);
        if (_localized.TryGetValue(key, out var keys))
        {
            return keys;
        }

        byte[] engine = engineId.ToArray();
        byte[]? authKey = _authMaster is null ? null : UsmKeys.Localize(Auth, _authMaster, engine);
        byte[]? privKey = null;
        if (_privMaster is not null)
        {
            var localized = UsmKeys.Localize(Auth, _privMaster, engine);
            privKey = UsmKeys.PrivacyKey(Auth, Priv, localized, engine);
            CryptographicOperations.ZeroMemory(localized);
        }

        return _localized.GetOrAdd(key, _ => new UsmLocalizedKeys(this, engine, authKey, privKey));
    }

    public override string ToString() => $"{UserName} ({Auth}/{Priv})";
}
