namespace Gateway.Exporters.Snmp;

/// <summary>Config names of <see cref="SnmpEventKinds"/>.</summary>
public static class SnmpEventKindNames
{
    public const string Names = "alarms, nodes";

    public static bool TryParse(string? text, out SnmpEventKinds kind)
    {
        kind = text?.Trim().ToLowerInvariant() switch
        {
            "alarms" => SnmpEventKinds.Alarms,
            "nodes" => SnmpEventKinds.Nodes,
            _ => SnmpEventKinds.None,
        };
        return kind != SnmpEventKinds.None;
    }

    /// <summary>The kinds a (validated) list selects; null means all.</summary>
    public static SnmpEventKinds From(IEnumerable<string>? names)
    {
        if (names is null)
        {
            return SnmpEventKinds.All;
        }
        var kinds = SnmpEventKinds.None;
        foreach (var name in names)
        {
            if (TryParse(name, out var kind))
            {
                kinds |= kind;
            }
        }
        return kinds;
    }
}
