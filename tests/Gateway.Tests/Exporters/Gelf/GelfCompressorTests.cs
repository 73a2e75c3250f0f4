using System.IO.Compression;
using System.Text;
using Gateway.Exporters.Gelf;

namespace Gateway.Tests.Exporters.Gelf;

public sealed class GelfCompressorTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"version":"1.1","host":"h","short_message":"hello hello hello hello","level":6}""");

    [Fact]
    public void None_is_the_payload_itself()
    {
        var payload = new ReadOnlyMemory<byte>(Json);

        Assert.True(GelfCompressor.Compress(payload, GelfCompression.None).Span.SequenceEqual(Json));
    }

    [Fact]
    public void Gzip_starts_with_1f_8b_and_inflates_to_the_payload()
    {
        var gzip = GelfCompressor.Compress(Json, GelfCompression.Gzip).ToArray();

        Assert.Equal(new byte[] { 0x1f, 0x8b }, gzip[..2]);
        using var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        Assert.Equal(Json, ReadAll(inflate));
    }

    [Fact]
    public void Zlib_starts_with_78_and_a_valid_header_check_and_inflates_to_the_payload()
    {
        var zlib = GelfCompressor.Compress(Json, GelfCompression.Zlib).ToArray();

        Assert.Equal(0x78, zlib[0]);
        Assert.Equal(0, ((zlib[0] << 8) | zlib[1]) % 31); // RFC 1950: CMF*256 + FLG is a multiple of 31
        using var inflate = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        Assert.Equal(Json, ReadAll(inflate));
    }

    [Theory]
    [InlineData("gzip", GelfCompression.Gzip)]
    [InlineData("ZLIB", GelfCompression.Zlib)]
    [InlineData(" none ", GelfCompression.None)]
    public void Names_parse_case_insensitively(string name, GelfCompression expected)
    {
        Assert.True(GelfCompressor.TryParse(name, out var parsed));
        Assert.Equal(expected, parsed);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
