using System.Buffers;

namespace Gateway.Collector.PrometheusText;

/// <summary>
/// A response body read into an <see cref="ArrayPool{T}"/> buffer, never past a hard limit: a body larger
/// than the limit is detected after reading limit + 1 bytes, so an endless or huge body costs at most the
/// limit in memory. Dispose returns the buffer.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private byte[]? _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<PooledBody?> ReadAsync(Stream stream, long limit, long? lengthHint, CancellationToken cancellationToken)
    {
        // Arrays stop short of 2 GiB; the validator keeps limits far below.
        var cap = (int)Math.Min(limit + 1, Array.MaxLength);
        var size = (int)Math.Clamp(lengthHint is > 0 ? lengthHint.Value + 1 : InitialSize, 1, cap);
        byte[]? buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= cap)
                    {
                        break;
                    }
                    // Grow 4× at a time: fewer copies, and a cold pool allocates ~1.3× the final size, not ~2×.
                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 4, cap));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }
                var window = Math.Min(buffer.Length, cap) - length;
                var read = await stream.ReadAsync(buffer.AsMemory(length, window), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length >= cap)
                {
                    break;
                }
            }
            if (length > limit)
            {
                return null;
            }
            var body = new PooledBody(buffer, length);
            buffer = null;
            return body;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
