namespace Gateway.Exporters.Prometheus;

/// <summary>
/// One origin's part of a family in one format, ready to copy: the declaration lines (HELP, TYPE,
/// UNIT; written once per family by whichever block comes first) and the sample lines.
/// </summary>
internal sealed class EncodedBlock(string name, string type, ReadOnlyMemory<byte> header, ReadOnlyMemory<byte> lines)
{
    /// <summary>The family name as declared in this format.</summary>
    public string Name { get; } = name;

    /// <summary>The TYPE token in this format; blocks of one name must agree on it.</summary>
    public string Type { get; } = type;

    public ReadOnlyMemory<byte> Header { get; } = header;

    public ReadOnlyMemory<byte> Lines { get; } = lines;
}
