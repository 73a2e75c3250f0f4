namespace Gateway.Exporters.Gelf;

/// <summary>
/// A GELF 1.1 message before encoding. <see cref="Level"/> is a syslog severity (0 emergency … 7 debug);
/// <see cref="Fields"/> become the <c>_name</c> additional fields in their order (the first of two
/// fields whose names sanitise alike wins).
/// </summary>
public sealed record GelfMessage(
    string Host,
    string ShortMessage,
    DateTimeOffset Timestamp,
    int Level,
    string? FullMessage = null,
    IReadOnlyList<GelfField>? Fields = null);
