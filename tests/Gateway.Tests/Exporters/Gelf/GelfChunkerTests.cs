using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfChunkerTests
{
    [Theory]
    [InlineData(100, 100, 1)]
    [InlineData(101, 100, 2)]
    [InlineData(176, 100, 2)]
    [InlineData(177, 100, 3)]
    [InlineData(1408 * 128, 1420, 128)]
    [InlineData(1408 * 128 + 1, 1420, 129)]
    public void A_payload_over_the_chunk_size_takes_one_chunk_per_chunk_size_minus_the_header(int length, int chunkSize, int expected) =>
        Assert.Equal(expected, GelfChunker.CountChunks(length, chunkSize));

    [Fact]
    public void Each_chunk_is_magic_id_sequence_count_then_its_slice_exactly()
    {
        var payload = Enumerable.Range(0, 20).Select(i => (byte)i).ToArray();
        const int chunkSize = 19; // 7 bytes of data per chunk
        var count = GelfChunker.CountChunks(payload.Length, chunkSize);
        var buffer = new byte[chunkSize];

        var chunks = Enumerable.Range(0, count).Select(seq =>
        {
            var length = GelfChunker.WriteChunk(payload, chunkSize, 0x0102030405060708UL, seq, count, buffer);
            return buffer[..length];
        }).ToArray();

        Assert.Equal(3, count);
        Assert.Equal(new byte[] { 0x1e, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 0, 3, 0, 1, 2, 3, 4, 5, 6 }, chunks[0]);
        Assert.Equal(new byte[] { 0x1e, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 1, 3, 7, 8, 9, 10, 11, 12, 13 }, chunks[1]);
        Assert.Equal(new byte[] { 0x1e, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 2, 3, 14, 15, 16, 17, 18, 19 }, chunks[2]);
    }

    [Fact]
    public void More_than_128_chunks_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GelfChunker.WriteChunk(new byte[2000], 20, 1, 0, 129, new byte[20]));
}
