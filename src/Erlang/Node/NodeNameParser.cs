namespace Gateway.Erlang.Node;

/// <summary>Splits and classifies node names (<c>alive@host</c>).</summary>
public static class NodeNameParser
{
    public static bool TryParse(string? nodeName, out string alive, out string host)
    {
        alive = host = string.Empty;
        if (string.IsNullOrEmpty(nodeName))
        {
            return false;
        }

        var at = nodeName.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == nodeName.Length - 1 || nodeName.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        alive = nodeName[..at];
        host = nodeName[(at + 1)..];
        return alive.Length <= 255 && !alive.Any(char.IsWhiteSpace) && !host.Any(char.IsWhiteSpace);
    }

    /// <summary>True for a long (fully qualified, <c>-name</c>) node name: the host part has a dot.</summary>
    public static bool IsLongName(string host) => host.Contains('.', StringComparison.Ordinal);
}
