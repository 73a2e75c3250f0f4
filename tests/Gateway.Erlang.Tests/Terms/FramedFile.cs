using System.Buffers.Binary;

namespace Gateway.Erlang.Tests.Terms;

/// <summary>A file of records, each a 4-byte big-endian length and that many bytes (easy to read from Erlang).</summary>
internal static class FramedFile
{
    public static void Write(string path, IEnumerable<byte[]> records)
    {
        using var stream = System.IO.File.Create(path);
        Span<byte> len = stackalloc byte[4];
        foreach (var r in records)
        {
            BinaryPrimitives.WriteInt32BigEndian(len, r.Length);
            stream.Write(len);
            stream.Write(r);
        }
    }

    public static List<byte[]> Read(string path)
    {
        var data = System.IO.File.ReadAllBytes(path);
        var result = new List<byte[]>();
        var pos = 0;
        while (pos < data.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            result.Add(data.AsSpan(pos + 4, len).ToArray());
            pos += 4 + len;
        }

        return result;
    }

    /// <summary>Erlang fun that reads such a file into a list of binaries.</summary>
    public const string ErlangReader =
        "ReadFramed = fun(File) -> {ok, Bin} = file:read_file(File), " +
        "Loop = fun L(<<N:32, B:N/binary, R/binary>>, Acc) -> L(R, [B | Acc]); L(<<>>, Acc) -> lists:reverse(Acc) end, " +
        "Loop(Bin, []) end, " +
        "Frame = fun(B) -> [<<(byte_size(B)):32>>, B] end, ";
}
