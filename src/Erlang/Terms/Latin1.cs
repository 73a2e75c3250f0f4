namespace Gateway.Erlang.Terms;

internal static class Latin1
{
    // Latin-1 (and ASCII) bytes are the first 256 code points: widening is the whole conversion.
    public static void Widen(ReadOnlySpan<byte> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (char)source[i];
        }
    }
}
