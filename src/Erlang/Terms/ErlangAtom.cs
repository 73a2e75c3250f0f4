using System.Collections.Concurrent;
using System.Text;

namespace Gateway.Erlang.Terms;

/// <summary>
/// An atom. Atoms are interned (<see cref="Of(string)"/> returns the same instance for the same name),
/// so comparing by reference works, but equality is by name in case the intern table was full.
/// </summary>
public sealed class ErlangAtom : ErlangTerm
{
    /// <summary>The most characters an atom may have (Erlang's limit).</summary>
    public const int MaxLength = 255;

    // Hostile peers can send endless distinct atoms; past this many we stop interning (equality is
    // by name anyway) so the table cannot grow without bound.
    private const int MaxInterned = 1 << 20;

    private static readonly ConcurrentDictionary<string, ErlangAtom> Table = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ErlangAtom>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock; a counter is cheap.
    private static int internedCount;

    // Erlang's reserved words print quoted. "maybe" and "else" are reserved from OTP 27 (OTP 25 prints
    // them bare); quoting them reads back the same atom on every version.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch",
        "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try",
        "when", "xor", "maybe", "else",
    };

    private readonly int hash;
    private byte[]? utf8;

    private ErlangAtom(string name)
    {
        Name = name;
        hash = StringComparer.Ordinal.GetHashCode(name);
        NeedsQuotes = ComputeNeedsQuotes(name);
    }

    public static readonly ErlangAtom True = Of("true");
    public static readonly ErlangAtom False = Of("false");
    public static readonly ErlangAtom Undefined = Of("undefined");
    public static readonly ErlangAtom Ok = Of("ok");
    public static readonly ErlangAtom Error = Of("error");

    /// <summary>The node name of terms created by a node that is not distributed.</summary>
    public static readonly ErlangAtom NoNode = Of("nonode@nohost");

    public string Name { get; }

    /// <summary>The name in UTF-8, as the encoder writes it.</summary>
    internal byte[] Utf8 => utf8 ??= Encoding.UTF8.GetBytes(Name);

    /// <summary>True when printing needs single quotes (<c>'Hello world'</c>).</summary>
    public bool NeedsQuotes { get; }

    public static ErlangAtom Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Table.TryGetValue(name, out var atom))
        {
            return atom;
        }

        // The limit counts code points; only long names need the (slower) count.
        if (name.Length > MaxLength && name.EnumerateRunes().Count() > MaxLength)
        {
            throw new ArgumentException($"An atom has at most {MaxLength} characters; got {name.EnumerateRunes().Count()}.", nameof(name));
        }

        atom = new ErlangAtom(name);
        if (Volatile.Read(ref internedCount) >= MaxInterned)
        {
            return atom;
        }

        var interned = Table.GetOrAdd(name, atom);
        if (ReferenceEquals(interned, atom))
        {
            Interlocked.Increment(ref internedCount);
        }

        return interned;
    }

    public static ErlangAtom Of(ReadOnlySpan<char> name)
    {
        if (SpanLookup.TryGetValue(name, out var atom))
        {
            return atom;
        }

        return Of(name.ToString());
    }

    public static ErlangAtom Of(bool value) => value ? True : False;

    public override bool Equals(ErlangTerm? other) =>
        ReferenceEquals(this, other) || (other is ErlangAtom a && a.hash == hash && a.Name == Name);

    public override int GetHashCode() => hash;

    public override void AppendTo(StringBuilder builder)
    {
        if (!NeedsQuotes)
        {
            builder.Append(Name);
            return;
        }

        builder.Append('\'');
        foreach (var c in Name)
        {
            switch (c)
            {
                case '\'': builder.Append("\\'"); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case '\r': builder.Append("\\r"); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('\'');
    }

    // Erlang prints an atom bare when it starts with a lower-case letter, continues with letters,
    // digits, '_' or '@', and is not a reserved word.
    private static bool ComputeNeedsQuotes(string name)
    {
        if (name.Length == 0 || !IsLower(name[0]))
        {
            return true;
        }

        foreach (var c in name)
        {
            if (!(IsLower(c) || IsUpper(c) || char.IsAsciiDigit(c) || c == '_' || c == '@'))
            {
                return true;
            }
        }

        return ReservedWords.Contains(name);
    }

    // Latin-1 letters count as letters for the Erlang scanner (ß..ÿ lower, À..Þ upper, minus × and ÷).
    private static bool IsLower(char c) => c is >= 'a' and <= 'z' || (c >= '\u00DF' && c <= '\u00FF' && c != '\u00F7');

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z' || (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7');
}
