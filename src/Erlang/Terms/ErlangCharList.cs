namespace Gateway.Erlang.Terms;

/// <summary>
/// A proper list of integers 0..255, as STRING_EXT carries it (<c>"abc"</c> in Erlang). It keeps the
/// bytes and compares equal to the same list built from <see cref="ErlangInteger"/> elements.
/// </summary>
public sealed class ErlangCharList : ErlangList
{
    private readonly byte[] bytes;

    /// <summary>A char list of these bytes (the array is owned by the list from now on); at least one byte.</summary>
    public ErlangCharList(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new ArgumentException("An empty char list is ErlangList.Empty.", nameof(bytes));
        }

        this.bytes = bytes;
    }

    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The characters, each byte read as Latin-1.</summary>
    public string Text => string.Create(bytes.Length, bytes, static (span, b) =>
    {
        for (var i = 0; i < b.Length; i++)
        {
            span[i] = (char)b[i];
        }
    });

    public override int Count => bytes.Length;

    public override ErlangTerm this[int index] => ErlangInteger.Of(bytes[index]);

    private protected override ErlangTerm[] Materialize()
    {
        var result = new ErlangTerm[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            result[i] = ErlangInteger.Of(bytes[i]);
        }

        return result;
    }
}
