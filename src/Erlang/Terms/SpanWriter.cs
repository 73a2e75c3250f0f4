using System.Buffers;

namespace Gateway.Erlang.Terms;

// An IBufferWriter over an array of exactly the encoded size, so ToBytes allocates only its result.
internal sealed class SpanWriter(byte[] buffer) : IBufferWriter<byte>
{
    public int Written { get; private set; }

    public void Advance(int count) => Written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Written);

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        if (sizeHint > buffer.Length - Written)
        {
            throw new InvalidOperationException("The encoder wrote more than it computed.");
        }

        return buffer.AsSpan(Written);
    }
}
