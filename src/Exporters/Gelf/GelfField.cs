namespace Gateway.Exporters.Gelf;

/// <summary>
/// One additional field of a GELF message: a name (without the leading underscore, sanitised by the
/// encoder) and either a string or a number (GELF 1.1 allows only those two types).
/// </summary>
public readonly record struct GelfField(string Name, string? Text, double? Number)
{
    public static GelfField Of(string name, string text) => new(name, text, null);

    public static GelfField Of(string name, double number) => new(name, null, number);
}
