using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Gateway.Snmp.Security;

/// <summary>
/// A user's keys localized to one authoritative engine, with the keyed HMAC and AES instances kept
/// ready (pads and key schedule computed once). Thread-safe: operations take a short lock.
/// </summary>
public sealed class UsmLocalizedKeys : IDisposable
{
    private readonly object _gate = new();
    private readonly UsmHmac? _hmac;
    private readonly Aes? _aes;
    private byte[] _scratch = new byte[2048];
    private byte[] _scratch2 = new byte[2048];

    internal UsmLocalizedKeys(UsmUser user, byte[] engineId, byte[]? authKey, byte[]? privKey)
    {
        User = user;
        EngineId = engineId;
        AuthKey = authKey;
        PrivKey = privKey;
        if (authKey is not null)
        {
            _hmac = new UsmHmac(user.Auth, authKey);
        }

        if (privKey is not null)
        {
            _aes = Aes.Create();
            _aes.Key = privKey;
        }
    }

    public UsmUser User { get; }

    public byte[] EngineId { get; }

    /// <summary>Localized authentication key (exposed for test vectors).</summary>
    public byte[]? AuthKey { get; }

    /// <summary>AES key derived from the localized privacy key.</summary>
    public byte[]? PrivKey { get; }

    public int MacLength => User.Auth.MacLength();

    /// <summary>Computes the truncated HMAC over the whole message (auth field still zero) and writes it into <paramref name="macField"/>.</summary>
    public void Sign(ReadOnlySpan<byte> wholeMessage, Span<byte> macField)
    {
        Span<byte> digest = stackalloc byte[64];
        lock (_gate)
        {
            _hmac!.Compute(wholeMessage, digest);
        }

        digest[..MacLength].CopyTo(macField);
    }

    /// <summary>Checks msgAuthenticationParameters of a received message (RFC 3414 §6.3.2, §7.3.2).</summary>
    public bool Verify(ReadOnlySpan<byte> wholeMessage, int macOffset, ReadOnlySpan<byte> receivedMac)
    {
        if (_hmac is null || receivedMac.Length != MacLength || macOffset < 0 || macOffset + MacLength > wholeMessage.Length)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[64];
        lock (_gate)
        {
            var copy = Scratch(ref _scratch, wholeMessage.Length);
            wholeMessage.CopyTo(copy);
            copy.Slice(macOffset, MacLength).Clear();
            _hmac.Compute(copy, digest);
        }

        return CryptographicOperations.FixedTimeEquals(digest[..MacLength], receivedMac);
    }

    /// <summary>
    /// AES-CFB128 encryption (RFC 3826 §3.1.3): IV = engineBoots ‖ engineTime ‖ salt, the salt
    /// travels in msgPrivacyParameters. Output is as long as the input (no padding).
    /// </summary>
    public void Encrypt(ReadOnlySpan<byte> plaintext, int engineBoots, int engineTime, ulong salt, Span<byte> ciphertext, Span<byte> privParameters)
    {
        Span<byte> iv = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        BinaryPrimitives.WriteUInt64BigEndian(iv[8..], salt);
        iv[8..].CopyTo(privParameters);
        Transform(plaintext, iv, ciphertext, encrypt: true);
    }

    public bool TryDecrypt(ReadOnlySpan<byte> ciphertext, int engineBoots, int engineTime, ReadOnlySpan<byte> privParameters, Span<byte> plaintext)
    {
        if (_aes is null || privParameters.Length != 8 || plaintext.Length < ciphertext.Length)
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        privParameters.CopyTo(iv[8..]);
        Transform(ciphertext, iv, plaintext, encrypt: false);
        return true;
    }

    private void Transform(ReadOnlySpan<byte> input, ReadOnlySpan<byte> iv, Span<byte> output, bool encrypt)
    {
        // The BCL's CFB128 wants whole blocks; CFB is a stream mode, so zero-padding the tail and
        // dropping the extra output bytes gives exactly the unpadded RFC 3826 result.
        int padded = (input.Length + 15) & ~15;
        lock (_gate)
        {
            var inBuf = Scratch(ref _scratch, padded);
            var outBuf = Scratch(ref _scratch2, padded);
            input.CopyTo(inBuf);
            inBuf[input.Length..].Clear();
            if (encrypt)
            {
                _aes!.EncryptCfb(inBuf, iv, outBuf, PaddingMode.None, 128);
            }
            else
            {
                _aes!.DecryptCfb(inBuf, iv, outBuf, PaddingMode.None, 128);
            }

            outBuf[..input.Length].CopyTo(output);
        }
    }

    private static Span<byte> Scratch(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, length);
    }

    public void Dispose()
    {
        _hmac?.Dispose();
        _aes?.Dispose();
    }
}
