using System.Buffers.Binary;
using Gateway.Erlang.Terms;

namespace Gateway.Erlang.Tests.Terms;

/// <summary>
/// Mutated real encodings must decode to a value or throw <see cref="TermFormatException"/>: never
/// another exception, a hang, or a large allocation.
/// </summary>
public sealed class TermDecoderFuzzTests
{
    private const int Iterations = 4000;
    private const long MaxAllocationPerCase = 256L * 1024 * 1024;

    [Fact]
    public void Mutated_erl_encodings_decode_or_throw_TermFormatException()
    {
        var seeds = ErlCorpus.Instance.Entries
            .Where(e => e.Default.Length < 100_000)
            .SelectMany(e => new[] { e.Default, e.Compressed, e.MinorVersion2, e.MinorVersion0 })
            .Where(b => b.Length < 100_000)
            .ToList();
        Fuzz(seeds, seed: 42);
    }

    [Fact]
    public void Mutated_encodings_of_random_terms_decode_or_throw_TermFormatException()
    {
        var generator = new RandomTermGenerator(seed: 99, printable: false);
        var seeds = Enumerable.Range(0, 200).Select(_ => TermEncoder.ToBytes(generator.Next(3))).ToList();
        seeds.AddRange(seeds.Take(20).Select(b => TermEncoder.ToCompressedBytes(TermDecoder.Decode(b))).ToList());
        Fuzz(seeds, seed: 7);
    }

    internal static void Fuzz(List<byte[]> seeds, int seed, int iterations = Iterations)
    {
        var random = new Random(seed);
        var decoded = 0;
        var rejected = 0;
        for (var i = 0; i < iterations; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var term = TermDecoder.Decode(input, out _);
                decoded++;

                // Whatever decodes must survive our own round trip.
                TermAssert.Equal(term, TermDecoder.Decode(TermEncoder.ToBytes(term)), $"case {i}: {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 64)))}");
            }
            catch (TermFormatException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} threw {ex.GetType().Name}: {ex.Message}\ninput: {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 256)))}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < MaxAllocationPerCase, $"case {i} allocated {allocated} bytes");
        }

        // Both outcomes must occur, or the mutations are too weak or too strong to test anything.
        Assert.True(decoded > iterations / 50, $"only {decoded} mutated inputs decoded");
        Assert.True(rejected > iterations / 10, $"only {rejected} mutated inputs were rejected");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var data = original.ToArray();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            if (data.Length < 2)
            {
                break;
            }

            var at = random.Next(1, data.Length);
            switch (random.Next(8))
            {
                case 0: // flip a bit
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // replace a byte
                    data[at] = (byte)random.Next(256);
                    break;
                case 2: // truncate
                    data = data[..at];
                    break;
                case 3: // a length field claims something huge
                    if (at + 4 <= data.Length)
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x7FFFFFFF, _ => (uint)random.Next(1 << 16, 1 << 28) });
                    }

                    break;
                case 4: // insert random bytes
                    var insert = new byte[random.Next(1, 8)];
                    random.NextBytes(insert);
                    data = [.. data[..at], .. insert, .. data[at..]];
                    break;
                case 5: // delete a run
                    var count = Math.Min(random.Next(1, 8), data.Length - at);
                    data = [.. data[..at], .. data[(at + count)..]];
                    break;
                case 6: // a tag byte from the table
                    data[at] = TagBytes[random.Next(TagBytes.Length)];
                    break;
                default: // a small length in a 2-byte field
                    if (at + 2 <= data.Length)
                    {
                        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)random.Next(0, 0x10000));
                    }

                    break;
            }
        }

        return data;
    }

    private static readonly byte[] TagBytes = [70, 77, 80, 82, 88, 89, 90, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 118, 119, 120, 121];
}
