using System.Security.Cryptography;

namespace Gateway.Snmp.Security;

/// <summary>
/// A keyed HMAC for one localized key, reused across messages: the BCL's incremental HMAC keeps the
/// key schedule (inner/outer pads) so each message costs only the two hash passes. Not thread-safe.
/// </summary>
internal sealed class UsmHmac : IDisposable
{
    private readonly IncrementalHash? _hmac;
    private readonly Sha224? _sha224;
    private readonly byte[]? _innerPad;
    private readonly byte[]? _outerPad;

    public UsmHmac(AuthProtocol protocol, byte[] key)
    {
        Protocol = protocol;
        if (protocol == AuthProtocol.Sha224)
        {
            // RFC 2104 by hand over the managed SHA-224; keys are 28 bytes, shorter than the block.
            _sha224 = new Sha224();
            _innerPad = new byte[Sha224.BlockLength];
            _outerPad = new byte[Sha224.BlockLength];
            for (int i = 0; i < Sha224.BlockLength; i++)
            {
                byte k = i < key.Length ? key[i] : (byte)0;
                _innerPad[i] = (byte)(k ^ 0x36);
                _outerPad[i] = (byte)(k ^ 0x5C);
            }
        }
        else
        {
            _hmac = IncrementalHash.CreateHMAC(protocol.HashAlgorithm(), key);
        }
    }

    public AuthProtocol Protocol { get; }

    /// <summary>Computes the full-length HMAC of <paramref name="data"/> into <paramref name="destination"/>.</summary>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (_hmac is not null)
        {
            _hmac.AppendData(data);
            _hmac.GetHashAndReset(destination);
            return;
        }

        Span<byte> inner = stackalloc byte[Sha224.HashLength];
        _sha224!.Append(_innerPad);
        _sha224.Append(data);
        _sha224.Finish(inner);
        _sha224.Append(_outerPad);
        _sha224.Append(inner);
        _sha224.Finish(destination);
    }

    public void Dispose() => _hmac?.Dispose();
}
