namespace Gateway.Erlang.Terms;

/// <summary>The bytes are not a valid (or not an acceptable) external term: truncated, malformed, or over a limit.</summary>
public sealed class TermFormatException : Exception
{
    public TermFormatException()
        : this("Invalid external term.")
    {
    }

    public TermFormatException(string message)
        : base(message)
    {
        Reason = message;
        Position = -1;
    }

    public TermFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
        Position = -1;
    }

    public TermFormatException(string reason, int position)
        : base(position >= 0 ? $"{reason} (at byte {position})" : reason)
    {
        Reason = reason;
        Position = position;
    }

    public TermFormatException(string reason, int position, Exception innerException)
        : base(position >= 0 ? $"{reason} (at byte {position})" : reason, innerException)
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>Offset in the input where the problem was found (-1 when unknown). Inside a compressed term, the offset in the decompressed data.</summary>
    public int Position { get; }
}
