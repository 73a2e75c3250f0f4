using System.Buffers;

namespace Gateway.Exporters.Prometheus;

/// <summary>
/// Copies many small pieces to a stream through one pooled 64 KiB buffer, writing it out whenever it
/// fills; a piece at least half the buffer's size goes to the stream directly. The response is
/// streamed, never assembled in memory.
/// </summary>
internal sealed class ChunkedStreamWriter : IAsyncDisposable
{
    public const int ChunkSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer;
    private int _position;

    public ChunkedStreamWriter(Stream stream, CancellationToken cancellationToken)
    {
        _stream = stream;
        _cancellationToken = cancellationToken;
        _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    }

    /// <summary>Bytes handed to the stream so far (for diagnostics).</summary>
    public long BytesWritten { get; private set; }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data)
    {
        if (data.Length <= _buffer.Length - _position)
        {
            data.Span.CopyTo(_buffer.AsSpan(_position));
            _position += data.Length;
            return ValueTask.CompletedTask;
        }
        return WriteSlowAsync(data);
    }

    /// <summary>Writes out what is buffered and flushes the stream.</summary>
    public async ValueTask FlushAsync()
    {
        await DrainAsync();
        await _stream.FlushAsync(_cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteSlowAsync(ReadOnlyMemory<byte> data)
    {
        await DrainAsync();
        if (data.Length >= _buffer.Length / 2)
        {
            await _stream.WriteAsync(data, _cancellationToken);
            BytesWritten += data.Length;
            return;
        }
        data.Span.CopyTo(_buffer);
        _position = data.Length;
    }

    /// <summary>Writes out what is buffered without flushing the stream (another writer continues after it).</summary>
    public async ValueTask DrainAsync()
    {
        if (_position == 0)
        {
            return;
        }
        await _stream.WriteAsync(_buffer.AsMemory(0, _position), _cancellationToken);
        BytesWritten += _position;
        _position = 0;
    }
}
