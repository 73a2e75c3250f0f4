using System.Buffers.Binary;
using System.Numerics;

namespace Gateway.Erlang.Terms;

/// <summary>
/// A small direct-mapped cache from an atom's encoded bytes to the interned atom, in front of the
/// intern table: replies repeat the same few hundred atoms, and a hit skips the UTF-16 conversion and
/// the dictionary. Each slot holds an immutable entry, so racing readers see a whole entry or the
/// previous one; a hit is confirmed against the bytes, so a race or a collision only costs a miss.
/// </summary>
internal static class AtomByteCache
{
    // 16K slots (128 KiB): a node with a few thousand registered names still mostly hits.
    private const int Size = 16384;

    private static readonly Entry?[] Slots = new Entry?[Size];

    /// <summary>The cached atom whose UTF-8 name is exactly <paramref name="utf8"/>, or null (then <paramref name="slot"/> is where to store it).</summary>
    public static ErlangAtom? TryGet(ReadOnlySpan<byte> utf8, out int slot)
    {
        var key = new Key(utf8);
        slot = key.Slot;
        return Match(Slots[slot], key, utf8) ?? Match(Slots[slot ^ 1], key, utf8);
    }

    /// <summary>Caches the atom in the pair of slots <see cref="TryGet"/> named (two ways, so two hot atoms that collide do not evict each other).</summary>
    public static void Set(ReadOnlySpan<byte> utf8, int slot, ErlangAtom atom)
    {
        var key = new Key(utf8);
        _ = atom.Utf8; // computed before publication
        if (Slots[slot] is not null && Slots[slot ^ 1] is null)
        {
            slot ^= 1;
        }

        Slots[slot] = new Entry(key.Head, key.Tail, utf8.Length, atom);
    }

    private static ErlangAtom? Match(Entry? entry, Key key, ReadOnlySpan<byte> utf8)
    {
        if (entry is null || entry.Head != key.Head || entry.Tail != key.Tail || entry.Length != utf8.Length)
        {
            return null;
        }

        // Up to 16 bytes, head and tail are the whole name; longer names are compared in full.
        return utf8.Length <= 16 || entry.Atom.Utf8.AsSpan().SequenceEqual(utf8) ? entry.Atom : null;
    }

    private sealed record Entry(ulong Head, ulong Tail, int Length, ErlangAtom Atom);

    // The first and last 8 bytes (packed below 8) and the length, mixed into a slot: a few cycles for
    // any atom, where a byte-at-a-time hash cost more than the rest of decoding the atom.
    private readonly struct Key
    {
        public readonly ulong Head;
        public readonly ulong Tail;
        public readonly int Slot;

        public Key(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length >= 8)
            {
                Head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
                Tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
            }
            else
            {
                ulong packed = 0;
                foreach (var b in utf8)
                {
                    packed = (packed << 8) | b;
                }

                Head = packed;
                Tail = 0;
            }

            // Multiplication only carries upwards, so fold the high bits down (murmur3's finalizer):
            // names that differ only in their last byte (worker_1, worker_2, ...) must spread out.
            var h = (Head * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(Tail, 31) ^ (ulong)utf8.Length;
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            Slot = (int)(h & (Size - 1));
        }
    }
}
