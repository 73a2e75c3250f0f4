namespace Gateway.Exposition;

/// <summary>
/// The exposition was rejected. <see cref="Reason"/> is a short stable token fit for a metric label
/// (<c>parse</c>, <c>sample_limit</c>, <c>label_limit</c>); the message starts with <c>line N:</c> and
/// quotes at most a short, sanitised excerpt of the input.
/// </summary>
public sealed class ExpositionParseException : Exception
{
    public const string ParseReason = "parse";
    public const string SampleLimitReason = "sample_limit";
    public const string LabelLimitReason = "label_limit";

    public ExpositionParseException()
        : this(ParseReason, 0, "invalid exposition")
    {
    }

    public ExpositionParseException(string message)
        : this(ParseReason, 0, message)
    {
    }

    public ExpositionParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = ParseReason;
    }

    public ExpositionParseException(string reason, int line, string detail)
        : base($"line {line}: {detail}")
    {
        Reason = reason;
        Line = line;
    }

    /// <summary><c>parse</c>, <c>sample_limit</c> or <c>label_limit</c>.</summary>
    public string Reason { get; }

    /// <summary>1-based line of the error (0 when not tied to a line).</summary>
    public int Line { get; }
}
