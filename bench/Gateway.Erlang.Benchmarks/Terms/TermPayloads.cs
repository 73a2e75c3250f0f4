using System.IO.Compression;
using System.Runtime.CompilerServices;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Benchmarks.Terms;

/// <summary>
/// Real replies captured from an OTP 25 node with 10,000 processes (see data/generate.erl), stored as
/// compressed terms; inflating them gives erl's exact term_to_binary bytes.
/// </summary>
internal static class TermPayloads
{
    public const string Memory = "memory";
    public const string ProcessInfo = "process_info";
    public const string SystemInfoProcs = "system_info_procs";
    public const string SystemInfoProcsList = "system_info_procs_list";

    public static readonly string[] All = [Memory, ProcessInfo, SystemInfoProcs, SystemInfoProcsList];

    private static readonly Dictionary<string, byte[]> Cache = [];

    /// <summary>The uncompressed external term (version byte first), as erl encoded it.</summary>
    public static byte[] Bytes(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var bytes))
            {
                bytes = Load(name);
                Cache[name] = bytes;
            }

            return bytes;
        }
    }

    /// <summary>How many terms the payload holds, counting every nested element.</summary>
    public static long TermCount(string name) => Count(TermDecoder.Decode(Bytes(name)));

    private static byte[] Load(string name)
    {
        var compressed = File.ReadAllBytes(Path.Combine(DataDirectory(), name + ".bin.z"));
        // 131, 80, 4-byte size, zlib data
        using var input = new MemoryStream(compressed, 6, compressed.Length - 6);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        output.WriteByte(ExternalTermTag.Version);
        zlib.CopyTo(output);
        return output.ToArray();
    }

    // BenchmarkDotNet runs a generated copy of the project elsewhere; the source path still points here.
    private static string DataDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "data");

    private static long Count(ErlangTerm term) => term switch
    {
        ErlangTuple t => 1 + t.Elements.ToArray().Sum(Count),
        ErlangList l => 1 + l.Elements.ToArray().Sum(Count) + (l.IsProper ? 0 : Count(l.Tail)),
        ErlangMap m => 1 + m.Pairs.ToArray().Sum(p => Count(p.Key) + Count(p.Value)),
        _ => 1,
    };
}
