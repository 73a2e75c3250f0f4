using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Gateway.Erlang.Terms;

/// <summary>
/// Decodes the external term format. Input is never trusted: every length is checked against the
/// bytes that remain before anything is allocated, nesting is decoded without recursion, and limits
/// from <see cref="TermDecoderOptions"/> apply. Any malformed input throws <see cref="TermFormatException"/>.
/// </summary>
public static class TermDecoder
{
    /// <summary>Decodes one term that fills all of <paramref name="data"/> (version byte 131 first).</summary>
    public static ErlangTerm Decode(ReadOnlySpan<byte> data, TermDecoderOptions? options = null, IReadOnlyList<ErlangAtom>? atomCache = null)
    {
        var term = Decode(data, out var consumed, options, atomCache);
        if (consumed != data.Length)
        {
            throw new TermFormatException($"{data.Length - consumed} bytes left after the term", consumed);
        }

        return term;
    }

    /// <summary>
    /// Decodes the term at the start of <paramref name="data"/> (version byte 131 first) and says how many
    /// bytes it used, so consecutive terms (a distribution control message and its payload) can be read
    /// one after the other. A compressed term (tag 80) must extend to the end of <paramref name="data"/>.
    /// </summary>
    /// <param name="atomCache">The atoms of a distribution header's atom cache, indexed by ATOM_CACHE_REF; without it such a reference throws.</param>
    public static ErlangTerm Decode(ReadOnlySpan<byte> data, out int consumed, TermDecoderOptions? options = null, IReadOnlyList<ErlangAtom>? atomCache = null)
    {
        if (data.IsEmpty)
        {
            throw new TermFormatException("Empty input", 0);
        }

        if (data[0] != ExternalTermTag.Version)
        {
            throw new TermFormatException($"Version byte is {data[0]}, expected {ExternalTermTag.Version}", 0);
        }

        var term = DecodeWithoutVersion(data[1..], out consumed, options, atomCache, 1);
        consumed++;
        return term;
    }

    /// <summary>
    /// Decodes a term without the leading version byte, as the terms after a distribution header are
    /// sent. Also accepts a compressed term (tag 80), which must extend to the end of <paramref name="data"/>.
    /// </summary>
    public static ErlangTerm DecodeWithoutVersion(ReadOnlySpan<byte> data, out int consumed, TermDecoderOptions? options = null, IReadOnlyList<ErlangAtom>? atomCache = null) =>
        DecodeWithoutVersion(data, out consumed, options, atomCache, 0);

    private static ErlangTerm DecodeWithoutVersion(ReadOnlySpan<byte> data, out int consumed, TermDecoderOptions? options, IReadOnlyList<ErlangAtom>? atomCache, int offset)
    {
        options ??= TermDecoderOptions.Default;
        if (!data.IsEmpty && data[0] == ExternalTermTag.Compressed)
        {
            var term = DecodeCompressed(data, options, atomCache, offset);
            consumed = data.Length;
            return term;
        }

        var reader = new TermReader(data, options, atomCache, offset);
        var result = reader.ReadTerm();
        consumed = reader.Position;
        return result;
    }

    private static ErlangTerm DecodeCompressed(ReadOnlySpan<byte> data, TermDecoderOptions options, IReadOnlyList<ErlangAtom>? atomCache, int offset)
    {
        if (data.Length < 5)
        {
            throw new TermFormatException("Truncated compressed term header", offset + data.Length);
        }

        var claimed = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(1, 4));
        if (claimed == 0)
        {
            throw new TermFormatException("Compressed term claims an uncompressed size of 0", offset + 1);
        }

        if (claimed > (uint)options.MaxDecompressedBytes)
        {
            throw new TermFormatException($"Compressed term claims {claimed} bytes uncompressed, over the limit of {options.MaxDecompressedBytes}", offset + 1);
        }

        var size = (int)claimed;
        var compressed = data[5..];
        var input = ArrayPool<byte>.Shared.Rent(Math.Max(compressed.Length, 1));
        byte[]? output = null;
        try
        {
            compressed.CopyTo(input);
            int filled;
            (output, filled) = Inflate(input, compressed.Length, size, offset);
            var reader = new TermReader(output.AsSpan(0, filled), options, atomCache, 0);
            var term = reader.ReadTerm();
            if (reader.Position != filled)
            {
                throw new TermFormatException($"{filled - reader.Position} bytes left after the compressed term", reader.Position);
            }

            return term;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            if (output is not null)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }

    // Inflates into a pooled buffer that grows as output arrives (a tiny hostile input claiming 64 MiB
    // does not get 64 MiB up front), and insists the output is exactly the claimed size: it reads at
    // most one byte past the claim, so a zip bomb stops there.
    private static (byte[] Buffer, int Length) Inflate(byte[] input, int inputLength, int size, int offset)
    {
        var limit = (int)Math.Min((long)size + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, Math.Max(4096L, inputLength * 4L)));
        var filled = 0;
        try
        {
            using var source = new MemoryStream(input, 0, inputLength, writable: false);
            using var zlib = new ZLibStream(source, CompressionMode.Decompress);
            while (true)
            {
                var capacity = Math.Min(buffer.Length, limit);
                if (filled == capacity)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit, buffer.Length * 2L));
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    capacity = Math.Min(buffer.Length, limit);
                }

                var read = zlib.Read(buffer, filled, capacity - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                if (filled > size)
                {
                    throw new TermFormatException($"Compressed term inflates to more than the {size} bytes it claims", offset + 1);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // Corrupt streams surface as InvalidDataException, and some (a bad dictionary request,
            // for one) as ZLibException, an IOException.
            ArrayPool<byte>.Shared.Return(buffer);
            throw new TermFormatException("Compressed term holds invalid zlib data", offset + 5, ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (filled != size)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new TermFormatException($"Compressed term inflates to {filled} bytes but claims {size}", offset + 1);
        }

        return (buffer, filled);
    }
}
