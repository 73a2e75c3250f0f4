using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Gateway.Erlang.Terms;

// Atoms in all four encodings and through the distribution atom cache.
internal ref partial struct TermReader
{
    private ErlangAtom ReadAtom()
    {
        var start = pos;
        CountTerms(1);
        var tag = ReadByte();
        if (tag is not (ExternalTermTag.Atom or ExternalTermTag.SmallAtom or ExternalTermTag.AtomUtf8
            or ExternalTermTag.SmallAtomUtf8 or ExternalTermTag.AtomCacheRef))
        {
            throw Error($"Expected an atom, found tag {tag}", start);
        }

        return ReadAtomBody(tag, start);
    }

    private ErlangAtom ReadAtomBody(byte tag, int start)
    {
        switch (tag)
        {
            case ExternalTermTag.AtomCacheRef:
                var index = ReadByte();
                if (atomCache is null)
                {
                    throw Error("ATOM_CACHE_REF outside a distribution message with an atom cache", start);
                }

                if (index >= atomCache.Count || atomCache[index] is not { } cached)
                {
                    throw Error($"ATOM_CACHE_REF {index} is not in the atom cache", start);
                }

                return cached;
            case ExternalTermTag.Atom:
            case ExternalTermTag.SmallAtom:
                var latin1 = Take(tag == ExternalTermTag.Atom ? ReadUInt16() : ReadByte());
                if (latin1.Length > ErlangAtom.MaxLength)
                {
                    throw Error($"Atom of {latin1.Length} characters, over {ErlangAtom.MaxLength}", start);
                }

                // ASCII is the same in Latin-1 and UTF-8, so the byte cache serves both.
                int latin1Slot = -1;
                if (Ascii.IsValid(latin1) && AtomByteCache.TryGet(latin1, out latin1Slot) is { } cachedLatin1)
                {
                    return cachedLatin1;
                }

                Span<char> wide = stackalloc char[latin1.Length];
                Latin1.Widen(latin1, wide);
                var latin1Atom = ErlangAtom.Of(wide);
                if (latin1Slot >= 0)
                {
                    AtomByteCache.Set(latin1, latin1Slot, latin1Atom);
                }

                return latin1Atom;
            default:
                var utf8 = Take(tag == ExternalTermTag.AtomUtf8 ? ReadUInt16() : ReadByte());
                if (utf8.Length > ErlangAtom.MaxLength * 4)
                {
                    throw Error($"Atom of {utf8.Length} bytes, over {ErlangAtom.MaxLength} characters", start);
                }

                if (AtomByteCache.TryGet(utf8, out var slot) is { } cachedUtf8)
                {
                    return cachedUtf8;
                }

                Span<char> chars = stackalloc char[utf8.Length];
                ErlangAtom atom;
                if (Ascii.IsValid(utf8))
                {
                    if (utf8.Length > ErlangAtom.MaxLength)
                    {
                        throw Error($"Atom of {utf8.Length} characters, over {ErlangAtom.MaxLength}", start);
                    }

                    Latin1.Widen(utf8, chars);
                    atom = ErlangAtom.Of(chars);
                    AtomByteCache.Set(utf8, slot, atom);
                    return atom;
                }

                if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    throw Error("Atom is not valid UTF-8", start);
                }

                chars = chars[..written];
                var codePoints = written;
                foreach (var c in chars)
                {
                    if (char.IsHighSurrogate(c))
                    {
                        codePoints--;
                    }
                }

                if (codePoints > ErlangAtom.MaxLength)
                {
                    throw Error($"Atom of {codePoints} characters, over {ErlangAtom.MaxLength}", start);
                }

                atom = ErlangAtom.Of(chars);
                AtomByteCache.Set(utf8, slot, atom);
                return atom;
        }
    }
}
