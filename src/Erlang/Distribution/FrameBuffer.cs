using System.Buffers;

namespace Gateway.Erlang.Distribution;

/// <summary>A growable byte buffer that can also be reset cheaply; the send side's staging area.</summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    // Past a burst of big messages, give the memory back instead of keeping the high-water mark.
    private const int RetainBytes = 1 << 20;

    private byte[] buffer = new byte[8192];

    public int Count { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, Count);

    /// <summary>The written bytes, writable so a length prefix can be filled in afterwards.</summary>
    public Span<byte> WrittenSpan => buffer.AsSpan(0, Count);

    public void Advance(int count) => Count += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(Count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(Count);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        Ensure(data.Length);
        data.CopyTo(buffer.AsSpan(Count));
        Count += data.Length;
    }

    public void Clear()
    {
        Count = 0;
        if (buffer.Length > RetainBytes)
        {
            buffer = new byte[8192];
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = Count + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, checked(buffer.Length * 2)));
        }
    }
}
